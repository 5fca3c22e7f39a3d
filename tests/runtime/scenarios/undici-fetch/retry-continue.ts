/**
 * Retry loop with npm undici's `fetch`: on 503 the loop `continue`s with the body unread, twice
 * per call.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 14:23
 * @rule-fix 15 = if (res.status === 503) {
 * @rule-fix 16 +   await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 16 +   continue;
 * @rule-fix 16 + }
 */
import { fetch } from 'undici';

export default async function loadWithRetry(base: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await fetch(`${base}/status/503/items`);
    if (res.status === 503) continue;
    return res.text();
  }
  return undefined;
}
