/**
 * Retry loop: a 503 means "try again", so the loop `continue`s with the failed body unread. The
 * server answers 503 to both attempts, so every call leaks two bodies.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 12:23
 * @rule-fix 13 = if (res.status === 503) {
 * @rule-fix 14 +   await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 14 +   continue;
 * @rule-fix 14 + }
 */
export default async function loadWithRetry(base: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await fetch(`${base}/status/503/items`);
    if (res.status === 503) continue;
    return res.text();
  }
  return undefined;
}
