/**
 * Never-read body with ky: ky resolves with the runtime's fetch `Response`, and a health check
 * that looks only at `ok` leaves its body unread.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 10:21
 * @rule-fix 11 + await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
import ky from 'ky';

export default async function isHealthy(base: string): Promise<boolean> {
  const res = await ky(`${base}/health`, { retry: 0 });
  return res.ok;
}
