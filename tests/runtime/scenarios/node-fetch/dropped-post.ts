/**
 * Dropped result with node-fetch: a fire-and-forget `POST` whose response is awaited and dropped.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 12:9
 * @rule-suggest insertDrain 12 = const response = await fetch(`${base}/events`, { method: 'POST', body: '{"event":"deployed"}', agent });
 * @rule-suggest-also 13 + response.body?.resume();
 * @rule-suggest-also 13 + setTimeout(() => (response.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
 */
import type * as http from 'node:http';
import fetch from 'node-fetch';

export default async function notify(base: string, agent: http.Agent): Promise<void> {
  await fetch(`${base}/events`, { method: 'POST', body: '{"event":"deployed"}', agent });
}
