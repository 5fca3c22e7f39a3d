/**
 * Close after headers with ky: the body is cancelled unread after the status check.
 * @rule-expect drain/no-undrained-close cancelUnread 11:9
 * @rule-suggest drainInstead 11 = await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
import ky from 'ky';

export default async function reportExists(base: string): Promise<boolean> {
  const res = await ky(`${base}/reports/latest`, { retry: 0 });
  const exists = res.status === 200;
  await res.body?.cancel();
  return exists;
}
