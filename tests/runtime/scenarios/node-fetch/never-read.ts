/**
 * Never-read body: a health check that looks only at `res.ok`. node-fetch has taken in a 64 B body
 * with the headers, but a 1 MiB body keeps its socket until read, so an agent with
 * `maxSockets: 4` stalls on the fifth call.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 12:21
 * @rule-fix 13 + res.body?.resume();
 */
import type { Agent } from 'node:http';
import fetch from 'node-fetch';

export default async function isHealthy(base: string, agent: Agent): Promise<boolean> {
  const res = await fetch(`${base}/health`, { agent });
  return res.ok;
}
