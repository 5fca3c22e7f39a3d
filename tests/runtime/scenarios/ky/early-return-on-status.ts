/**
 * Early return with ky, error statuses let through (`throwHttpErrors: false`): a 404 returns
 * before the body is read. The server answers 404.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 13:21
 * @rule-fix 14 = if (res.status === 404) {
 * @rule-fix 15 +   await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 15 +   return undefined;
 * @rule-fix 15 + }
 */
import ky from 'ky';

export default async function findUser(base: string): Promise<unknown> {
  const res = await ky(`${base}/status/404/users/42`, { retry: 0, throwHttpErrors: false });
  if (res.status === 404) return undefined;
  return res.json();
}
