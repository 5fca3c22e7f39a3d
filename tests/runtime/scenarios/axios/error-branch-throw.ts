/**
 * Error-branch leak with axios streams: error statuses are let through (`validateStatus`), and the
 * code throws on a 500 before the stream is read. The server answers 500.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 15:21
 * @rule-fix 16 = if (res.status !== 200) {
 * @rule-fix 17 +   res.data.resume();
 * @rule-fix 17 +   setTimeout(() => res.data.destroy(), 1000).unref();
 * @rule-fix 17 +   throw new Error(`GET /reports/1: ${res.status}`);
 * @rule-fix 17 + }
 */
import type * as http from 'node:http';
import axios from 'axios';

export default async function countBytes(base: string, agent: http.Agent): Promise<number> {
  const res = await axios.get(`${base}/status/500/reports/1`, { responseType: 'stream', httpAgent: agent, validateStatus: () => true });
  if (res.status !== 200) throw new Error(`GET /reports/1: ${res.status}`);
  let total = 0;
  for await (const chunk of res.data) total += (chunk as Buffer).length;
  return total;
}
