/**
 * One chunk through a reader: a format sniffer reads the first chunk, releases the lock and returns.
 * The rest of the body is never read: a 1 MiB body keeps its connection checked out, as if the
 * body had never been read at all. The fix drains the rest once the lock is gone.
 * @rule-expect drain/no-unconsumed-body partlyReadBody 9:21
 * @rule-fix 13 + await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
export default async function sniff(base: string): Promise<string> {
  const res = await fetch(`${base}/file`);
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  reader.releaseLock();
  return value && value[0] === 0x7b ? 'json' : 'other';
}
