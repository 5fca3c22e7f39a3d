/**
 * Never-read body: a health check that looks only at `res.ok`. node-fetch has taken in a 64 B body
 * with the headers, but a 1 MiB body keeps its socket until read, so an agent with
 * `maxSockets: 4` stalls on the fifth call.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 13:21
 * @rule-fix 14 + res.body?.resume();
 * @rule-fix 14 + setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
 */
import type { Agent } from 'node:http';
import fetch from 'node-fetch';

export default async function isHealthy(base: string, agent: Agent): Promise<boolean> {
  const res = await fetch(`${base}/health`, { agent });
  return res.ok;
}
