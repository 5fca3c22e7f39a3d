/**
 * Early return: a 404 means "no such user", so the function returns before the body is read. The
 * server answers 404, so every call takes that return.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 19:21
 * @rule-fix 20 = if (res.status === 404) {
 * @rule-fix 21 +   res.body?.resume();
 * @rule-fix 21 +   setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
 * @rule-fix 21 +   return undefined;
 * @rule-fix 21 + }
 */
import type { Agent } from 'node:http';
import fetch from 'node-fetch';

interface User {
  name: string;
}

export default async function findUser(base: string, agent: Agent): Promise<User | undefined> {
  const res = await fetch(`${base}/status/404/users/42`, { agent });
  if (res.status === 404) return undefined;
  return (await res.json()) as User;
}
