/**
 * Early return: a 404 means "no such user", so the function returns before the body is read. The
 * server answers 404, so every call takes that return.
 * `statusCode` is destructured with the body; the fix drains `body` (a `dump()` with a limit
 * that 1 MiB fits in) before the exit.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 19:38
 * @rule-fix 20 = if (statusCode === 404) {
 * @rule-fix 21 +   await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 21 +   return undefined;
 * @rule-fix 21 + }
 */
import { request } from 'undici';

interface User {
  name: string;
}

export default async function findUser(base: string): Promise<User | undefined> {
  const { statusCode, body } = await request(`${base}/status/404/users/42`);
  if (statusCode === 404) return undefined;
  return (await body.json()) as User;
}
