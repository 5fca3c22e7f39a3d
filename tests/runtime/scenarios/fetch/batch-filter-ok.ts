/**
 * Filtered batch: two requests in parallel, of which only the OK ones are read. The mirror answers
 * 503, so its body is left unread on every call and a pool of 4 stalls at 1 MiB. No fix: a drain
 * of the whole array before the `return` would also take the bodies that `json()` then reads.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 9:57
 */
export default async function loadAvailable(base: string): Promise<unknown[]> {
  const urls = [`${base}/primary`, `${base}/status/503/mirror`];
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  return Promise.all(responses.filter((res) => res.ok).map((res) => res.json()));
}
