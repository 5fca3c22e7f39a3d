/**
 * Settled batch: `Promise.allSettled` over two requests, of which only the outcomes are counted.
 * The fulfilled responses are never read; the fix drains each fulfilled one.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 9:74
 * @rule-fix 10 + await Promise.all(results.map((result) => result.status === 'fulfilled' && result.value.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})));
 */
export default async function reachable(base: string): Promise<number> {
  const urls = [`${base}/primary`, `${base}/mirror`];
  const results = await Promise.allSettled(urls.map(async (url) => await fetch(url)));
  return results.map((result) => result.status).filter((status) => status === 'fulfilled').length;
}
