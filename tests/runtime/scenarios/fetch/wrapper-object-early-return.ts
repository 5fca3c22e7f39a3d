/**
 * Object wrapper: `open` returns `{ res, done }`, and the caller returns on an error status after
 * `done()` without reading the body. The server answers 502, so every call leaves the body unread.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 16:31
 * @rule-fix 19 + await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
async function open(url: string) {
  const started = Date.now();
  const res = await fetch(url);
  const done = (): number => Date.now() - started;
  return { res, done };
}

export default async function load(base: string): Promise<unknown> {
  const url = `${base}/status/502/report`;
  const { res, done } = await open(url);
  if (!res.ok) {
    done();
    return null;
  }
  const data: unknown = await res.json();
  done();
  return data;
}
