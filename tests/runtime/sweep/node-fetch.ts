/** Size-sweep probe for node-fetch 3: the body left unread, or destroyed. */
import type * as http from 'node:http';
import type { Readable } from 'node:stream';
import fetch, { type Response } from 'node-fetch';

const held: Response[] = [];

export async function unread(base: string, agent: http.Agent): Promise<void> {
  const res = await fetch(`${base}/sweep`, { agent });
  (res.body as Readable | null)?.on('error', () => {});
  held.push(res);
}

export async function closed(base: string, agent: http.Agent): Promise<void> {
  const res = await fetch(`${base}/sweep`, { agent });
  (res.body as Readable | null)?.destroy();
}
