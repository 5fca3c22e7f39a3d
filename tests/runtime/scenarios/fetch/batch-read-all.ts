/**
 * Batch read whole: two requests in parallel, each body read by a `for…of` loop. Every connection
 * goes back to the pool.
 * @rule-expect none
 */
export default async function loadAll(base: string): Promise<number> {
  const urls = [`${base}/users`, `${base}/orders`];
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  let total = 0;
  for (const res of responses) total += (await res.text()).length;
  return total;
}
