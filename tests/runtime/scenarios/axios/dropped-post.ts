/**
 * Dropped result with axios streams: a `POST` whose stream response is awaited and dropped.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 12:9
 * @rule-suggest insertDrain 12 = const response = await axios.post(`${base}/events`, { event: 'deployed' }, { responseType: 'stream', httpAgent: agent });
 * @rule-suggest-also 13 + response.data.resume();
 * @rule-suggest-also 13 + setTimeout(() => response.data.destroy(), 1000).unref();
 */
import type * as http from 'node:http';
import axios from 'axios';

export default async function notify(base: string, agent: http.Agent): Promise<void> {
  await axios.post(`${base}/events`, { event: 'deployed' }, { responseType: 'stream', httpAgent: agent });
}
