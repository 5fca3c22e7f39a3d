/**
 * Early return: a 404 means "no such user", so the function returns before the body is read. The
 * server answers 404, so every call takes that return.
 * @runtime-expect-fixed close: the fix is the error-path release undici documents ("consume or
 * cancel the response body"): on a path that has seen an error status it inserts
 * `res.body?.cancel()`. Error documents are small and arrive with the headers, so at 64 B the
 * connection survives; only the 1 MiB one (this server sends error bodies at full size) is reset.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 16:21
 * @rule-fix 17 = if (res.status === 404) { await res.body?.cancel(); return undefined; }
 */
interface User {
  name: string;
}

export default async function findUser(base: string): Promise<User | undefined> {
  const res = await fetch(`${base}/status/404/users/42`);
  if (res.status === 404) return undefined;
  return (await res.json()) as User;
}
