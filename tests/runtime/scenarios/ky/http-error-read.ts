/**
 * The same 404 as `http-error-ignored`, but the `catch` reads the error document into the message
 * it throws, so the body is read and the connection goes back to the pool at every size.
 * @rule-expect none
 */
import ky, { HTTPError } from 'ky';

interface User {
  name: string;
}

export default async function loadUser(base: string): Promise<User> {
  try {
    return await ky(`${base}/status/404/users/42`).json<User>();
  } catch (error) {
    if (error instanceof HTTPError) throw new Error(`${error.response.status}: ${(await error.response.text()).length} bytes`);
    throw error;
  }
}
