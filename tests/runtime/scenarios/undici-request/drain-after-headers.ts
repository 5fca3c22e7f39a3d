/**
 * Correct close after headers: only the status matters, so the body is read to its end and
 * discarded chunk by chunk. Memory stays constant and the connection is reused at every size.
 * @rule-expect none
 */
import { request } from 'undici';

export default async function reportExists(base: string): Promise<boolean> {
  const { statusCode, body } = await request(`${base}/reports/latest`);
  for await (const chunk of body) void chunk;
  return statusCode === 200;
}
