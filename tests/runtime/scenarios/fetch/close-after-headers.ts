/**
 * Close after headers: only the status matters, so the body is cancelled unread. A 64 B body has
 * already arrived and its connection survives; a 1 MiB body resets the connection, one new
 * connection per call.
 * @rule-expect drain/no-undrained-close cancelUnread 11:9
 * @rule-suggest drainInstead 11 = await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
export default async function reportExists(base: string): Promise<boolean> {
  const res = await fetch(`${base}/reports/latest`);
  const exists = res.status === 200;
  await res.body?.cancel();
  return exists;
}
