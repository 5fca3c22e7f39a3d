/**
 * Callback that ignores the response: `.then(() => …)` after a `POST`, the response never named.
 * The suggestion gives the callback a parameter and makes it drain before it returns.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 8:10
 * @rule-suggest insertDrain 8 = return fetch(`${base}/events`, { method: 'POST', body: '{}' }).then(async (response) => { await response.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}); return 'sent'; });
 */
export default function notify(base: string): Promise<string> {
  return fetch(`${base}/events`, { method: 'POST', body: '{}' }).then(() => 'sent');
}
