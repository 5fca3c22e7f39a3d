/**
 * Never-read stream with axios (`responseType: 'stream'`): a health check that looks only at the
 * status. `res.data` is the `IncomingMessage`, which keeps its socket until it is read or
 * destroyed, at any size.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 13:21
 * @rule-fix 14 + res.data.resume();
 * @rule-fix 14 + setTimeout(() => res.data.destroy(), 1000).unref();
 */
import type * as http from 'node:http';
import axios from 'axios';

export default async function isHealthy(base: string, agent: http.Agent): Promise<boolean> {
  const res = await axios.get(`${base}/health`, { responseType: 'stream', httpAgent: agent });
  return res.status === 200;
}
