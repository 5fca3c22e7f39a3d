/**
 * Never-read body: a health check that looks only at `res.ok` and drops the response. undici has
 * already finished a 64 B body, but a 1 MiB body keeps its connection checked out for good, so a
 * pool of 4 stalls on the fifth call.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 9:21
 * @rule-fix 10 + await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
export default async function isHealthy(base: string): Promise<boolean> {
  const res = await fetch(`${base}/health`);
  return res.ok;
}
