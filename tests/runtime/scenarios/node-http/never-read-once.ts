/**
 * Never-read body, async style: the response is awaited with `events.once` and only its status
 * is used. The socket stays checked out at any size, so the agent stalls on the fifth call.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 12:15
 * @rule-fix 14 + res.resume();
 * @rule-fix 14 + setTimeout(() => res.destroy(), 1000).unref();
 */
import { once } from 'node:events';
import * as http from 'node:http';

export default async function isHealthy(base: string, agent: http.Agent): Promise<boolean> {
  const req = http.get(`${base}/health`, { agent });
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  return res.statusCode === 200;
}
