/**
 * Never-read body: a health check that destructures only `statusCode`, leaving `body` behind.
 * undici finishes a 64 B body on its own, but a 1 MiB body holds its connection until it is
 * read, so a pool of 4 stalls on the fifth call.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 12:32
 * @rule-suggest insertDrain 12 = const { statusCode, body } = await request(`${base}/health`);
 * @rule-suggest-also 13 + await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
import { request } from 'undici';

export default async function isHealthy(base: string): Promise<boolean> {
  const { statusCode } = await request(`${base}/health`);
  return statusCode === 200;
}
