/**
 * Health pair: `Promise.all` over an array literal of two requests, held whole, of which only the
 * statuses are used. Neither body is read, so each call holds two connections from 16 KiB on; the
 * fix drains every element.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 9:40
 * @rule-fix 10 + await Promise.all(responses.map((response) => response.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})));
 */
export default async function healthy(base: string): Promise<boolean> {
  const responses = await Promise.all([fetch(`${base}/primary`), fetch(`${base}/mirror`)]);
  return responses.every((res) => res.ok);
}
