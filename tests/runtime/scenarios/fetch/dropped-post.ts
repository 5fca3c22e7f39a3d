/**
 * Dropped result: a fire-and-forget `POST` whose response is awaited and dropped, body and all.
 * The drain is a suggestion: the call then waits for the whole body.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 8:9
 * @rule-suggest insertDrain 8 = await (await fetch(`${base}/events`, { method: 'POST', body: '{"event":"deployed"}' })).body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
export default async function notify(base: string): Promise<void> {
  await fetch(`${base}/events`, { method: 'POST', body: '{"event":"deployed"}' });
}
