/**
 * Dropped result with ky: a fire-and-forget `POST` whose response is awaited and dropped.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 9:9
 * @rule-suggest insertDrain 9 = await (await ky.post(`${base}/events`, { json: { event: 'deployed' }, retry: 0 })).body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
import ky from 'ky';

export default async function notify(base: string): Promise<void> {
  await ky.post(`${base}/events`, { json: { event: 'deployed' }, retry: 0 });
}
