/**
 * ky 1 rejects a 404 with `HTTPError` and leaves its `response` unread; the `catch` turns the 404
 * into "no such user" and returns without reading that body. The server answers 404 to every
 * call: a 64 B error document arrives with the headers, a 1 MiB one holds its connection.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 20:12
 * @rule-fix 21 = if (error instanceof HTTPError && error.response.status === 404) {
 * @rule-fix 22 +   await error.response?.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 22 +   return null;
 * @rule-fix 22 + }
 */
import ky, { HTTPError } from 'ky';

interface User {
  name: string;
}

export default async function findUser(base: string): Promise<User | null> {
  try {
    return await ky(`${base}/status/404/users/42`).json<User>();
  } catch (error) {
    if (error instanceof HTTPError && error.response.status === 404) return null;
    throw error;
  }
}
