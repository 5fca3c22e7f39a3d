/** Size-sweep probe for npm undici's `fetch`: the body left unread (and reachable), or cancelled. */
import { fetch, type Response } from 'undici';

const held: Response[] = [];

export async function unread(base: string): Promise<void> {
  const res = await fetch(`${base}/sweep`);
  held.push(res);
}

export async function closed(base: string): Promise<void> {
  const res = await fetch(`${base}/sweep`);
  await res.body?.cancel();
}
