/**
 * Callback that cannot await: a plain `.then` callback throws on an error status with the body
 * unread. The drain is a suggestion (`void …`): it goes on in the background while the callback
 * throws. The server answers 500.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 12:10
 * @rule-suggest insertDrain 13 = if (!res.ok) {
 * @rule-suggest-also 14 +   void res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-suggest-also 14 +   throw new Error(`GET /orders/42: ${res.status}`);
 * @rule-suggest-also 14 + }
 */
export default function loadOrder(base: string): Promise<unknown> {
  return fetch(`${base}/status/500/orders/42`).then((res) => {
    if (!res.ok) throw new Error(`GET /orders/42: ${res.status}`);
    return res.json();
  });
}
