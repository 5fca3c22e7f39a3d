/**
 * Early return: a 404 means "no such user", so the function returns before the body is read. The
 * server answers 404, so every call takes that return.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 15:21
 * @rule-fix 16 = if (res.status === 404) {
 * @rule-fix 17 +   await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 17 +   return undefined;
 * @rule-fix 17 + }
 */
interface User {
  name: string;
}

export default async function findUser(base: string): Promise<User | undefined> {
  const res = await fetch(`${base}/status/404/users/42`);
  if (res.status === 404) return undefined;
  return (await res.json()) as User;
}
