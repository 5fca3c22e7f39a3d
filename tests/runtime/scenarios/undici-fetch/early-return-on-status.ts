/**
 * Early return with npm undici's `fetch`: a 404 means "no such user", so the function returns
 * before the body is read. The server answers 404.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 13:21
 * @rule-fix 14 = if (res.status === 404) {
 * @rule-fix 15 +   await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 15 +   return undefined;
 * @rule-fix 15 + }
 */
import { fetch } from 'undici';

export default async function findUser(base: string): Promise<unknown> {
  const res = await fetch(`${base}/status/404/users/42`);
  if (res.status === 404) return undefined;
  return res.json();
}
