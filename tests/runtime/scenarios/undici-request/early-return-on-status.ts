/**
 * Early return: a 404 means "no such user", so the function returns before the body is read. The
 * server answers 404, so every call takes that return.
 * `statusCode` is destructured with the body; the rules follow tests on it like `res.statusCode`,
 * so the fix is the error-path drain.
 * @runtime-expect-fixed close: the fix is the error-path release undici documents for `request()`
 * ("Conditionally reading the body": `await body.dump()` when the status is not the one wanted).
 * `dump()` reads at most 128 KiB, so a small error document keeps its connection; only the 1 MiB
 * one (this server sends error bodies at full size) is closed.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 20:38
 * @rule-fix 21 = if (statusCode === 404) { await body.dump(); return undefined; }
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
