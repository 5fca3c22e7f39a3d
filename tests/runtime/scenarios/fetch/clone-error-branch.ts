/**
 * A clone kept for logging, and an early return on an error status before either copy is read:
 * neither half of the tee is read, so the connection is held as if the body had been dropped.
 * The server answers 500, so every call takes that return. The tee lets go of the connection only
 * when both copies are read or cancelled, so the fix lets the clone go (a cancel it does not wait
 * for: it settles only once the other copy is done) and drains the original.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 15:21
 * @rule-fix 17 = if (!res.ok) {
 * @rule-fix 18 +   void copy.body?.cancel().catch(() => {});
 * @rule-fix 18 +   await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 18 +   return null;
 * @rule-fix 18 + }
 */
export default async function load(base: string): Promise<unknown> {
  const res = await fetch(`${base}/status/500/items`);
  const copy = res.clone();
  if (!res.ok) return null;
  try {
    return await res.json();
  } catch {
    return await copy.text();
  }
}
