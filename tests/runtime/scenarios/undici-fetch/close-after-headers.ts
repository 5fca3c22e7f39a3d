/**
 * Close after headers with npm undici's `fetch`: only the status matters, so the body is
 * cancelled unread; from 16 KiB on each cancel costs the connection.
 * @rule-expect drain/no-undrained-close cancelUnread 12:9
 * @rule-suggest drainInstead 12 = await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
import { fetch } from 'undici';

export default async function reportExists(base: string): Promise<boolean> {
  const res = await fetch(`${base}/reports/latest`);
  const exists = res.status === 200;
  await res.body?.cancel();
  return exists;
}
