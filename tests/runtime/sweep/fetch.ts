/**
 * Size-sweep probe for Node's global `fetch` (bundled undici): one call reads the status and leaves
 * the body unread (kept reachable, so that undici's FinalizationRegistry cannot cancel it), or
 * cancels it. The sweep counts the connections a few such calls open at each body size.
 */
const held: Response[] = [];

export async function unread(base: string): Promise<void> {
  const res = await fetch(`${base}/sweep`);
  held.push(res);
}

export async function closed(base: string): Promise<void> {
  const res = await fetch(`${base}/sweep`);
  await res.body?.cancel();
}
