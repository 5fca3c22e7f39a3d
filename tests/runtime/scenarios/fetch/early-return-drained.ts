/**
 * Correct early return: on 404 the code reads the (small) error document before returning, so
 * the connection goes back to the pool. The server answers 404.
 * @rule-expect none
 */
interface User {
  name: string;
}

export default async function findUser(base: string): Promise<User | undefined> {
  const res = await fetch(`${base}/status/404/users/42`);
  if (res.status === 404) {
    await res.text();
    return undefined;
  }
  return (await res.json()) as User;
}
