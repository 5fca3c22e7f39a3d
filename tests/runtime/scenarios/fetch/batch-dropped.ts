/**
 * Dropped batch: a fire-and-forget `POST` to two hooks in parallel, awaited with `Promise.all` and
 * the responses thrown away. The suggestion names the array and drains every element.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 10:41
 * @rule-suggest insertDrain 10 = const responses = await Promise.all(hooks.map((hook) => fetch(hook, { method: 'POST' })));
 * @rule-suggest-also 11 + await Promise.all(responses.map((response) => response.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})));
 */
export default async function notifyAll(base: string): Promise<void> {
  const hooks = [`${base}/hooks/a`, `${base}/hooks/b`];
  await Promise.all(hooks.map((hook) => fetch(hook, { method: 'POST' })));
}
