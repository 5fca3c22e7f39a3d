/**
 * Dropped result with `undici.request`: a fire-and-forget `POST` whose response is awaited and
 * dropped, body and all.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 10:9
 * @rule-suggest insertDrain 10 = await (await request(`${base}/events`, { method: 'POST', body: '{"event":"deployed"}' })).body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
import { request } from 'undici';

export default async function notify(base: string): Promise<void> {
  await request(`${base}/events`, { method: 'POST', body: '{"event":"deployed"}' });
}
