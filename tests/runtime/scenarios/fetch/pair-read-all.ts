/**
 * Pair read whole: `Promise.all` over an array literal of two requests, held whole, and every
 * body read by a `map`. Both connections go back to the pool.
 * @rule-expect none
 */
export default async function loadPair(base: string): Promise<number> {
  const responses = await Promise.all([fetch(`${base}/users`), fetch(`${base}/orders`)]);
  const texts = await Promise.all(responses.map((res) => res.text()));
  return texts.join('').length;
}
