/**
 * Never-read body with npm undici's `fetch`: a health check that looks only at `res.ok`.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 9:21
 * @rule-fix 10 + await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
import { fetch } from 'undici';

export default async function isHealthy(base: string): Promise<boolean> {
  const res = await fetch(`${base}/health`);
  return res.ok;
}
