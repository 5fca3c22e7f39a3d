/**
 * A cache nobody reads: responses go into a module `Map` that is only counted and cleared, never
 * read from. The map holds every response unread, so from 16 KiB on each call keeps its connection checked out.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 10:21
 * @rule-fix 13 + await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
const sent = new Map<string, Response>();

export default async function ping(base: string): Promise<number> {
  const res = await fetch(`${base}/ping/${sent.size}`);
  sent.set(res.url, res);
  if (sent.size > 100) sent.clear();
  return res.status;
}
