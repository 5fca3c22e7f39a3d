// A format sniffer reads the first chunk through a reader and releases the lock: the rest of the
// body is never read, so a 1 MiB document keeps its connection checked out. The fix drains the rest.
// expect: drain/no-unconsumed-body at 7:21

/** Whether the document at `url` starts like JSON. */
export async function looksLikeJson(url: string): Promise<boolean> {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  reader.releaseLock();
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return value?.[0] === 0x7b;
}
