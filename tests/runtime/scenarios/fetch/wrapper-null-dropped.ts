/**
 * Nullable wrapper, dropped: a cache warm-up awaits `tryFetch` and throws the response away. The
 * suggestion reads the body to its end through `?.`, since the wrapper may give `null`.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 17:9
 * @rule-suggest insertDrain 17 = await (await tryFetch(`${base}/warm`))?.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
async function tryFetch(url: string): Promise<Response | null> {
  try {
    return await fetch(url);
  } catch {
    return null;
  }
}

export default async function warm(base: string): Promise<void> {
  // Only the request matters: the server fills its cache.
  await tryFetch(`${base}/warm`);
}
