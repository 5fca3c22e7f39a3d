/**
 * One chunk with the reader still holding the lock: `pipeTo` would reject on the locked stream and
 * drain nothing, so the fix releases the lock before it drains the rest.
 * @rule-expect drain/no-unconsumed-body partlyReadBody 9:21
 * @rule-fix 12 + reader.releaseLock();
 * @rule-fix 12 + await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
export default async function firstByte(base: string): Promise<number | undefined> {
  const res = await fetch(`${base}/file`);
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  return value?.[0];
}
