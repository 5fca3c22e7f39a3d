/**
 * Callback: a `.then((res) => res.ok)` callback looks at the status and drops the response. The
 * drain is a suggestion: the callback becomes an `async` block that drains before it returns.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 8:10
 * @rule-suggest insertDrain 8 = return fetch(`${base}/health`).then(async (res) => { const value = res.ok; await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}); return value; });
 */
export default function isUp(base: string): Promise<boolean> {
  return fetch(`${base}/health`).then((res) => res.ok);
}
