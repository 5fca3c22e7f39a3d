/**
 * Size-sweep probe for `undici.request`: the body left unread, destroyed, or released with a plain
 * `dump()` (whose limit is 128 KiB unless given).
 */
import { request } from 'undici';

const held: unknown[] = [];

export async function unread(base: string): Promise<void> {
  const { body } = await request(`${base}/sweep`);
  held.push(body);
}

export async function closed(base: string): Promise<void> {
  const { body } = await request(`${base}/sweep`);
  // Without a listener, the `error` that destroy() emits crashes the process.
  body.on('error', () => {});
  body.destroy();
}

export async function dumped(base: string): Promise<void> {
  const { body } = await request(`${base}/sweep`);
  await body.dump();
}
