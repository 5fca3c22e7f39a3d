/** Size-sweep probe for got 14 streams: the stream left unread, or destroyed, once the response is in. */
import type * as http from 'node:http';
import got from 'got';

const held: unknown[] = [];

function open(base: string, agent: http.Agent) {
  const stream = got.stream(`${base}/sweep`, { agent: { http: agent }, retry: { limit: 0 } });
  // The server closes held sockets at the end of each size: got reports that as an error.
  stream.on('error', () => {});
  return new Promise<typeof stream>((resolve) => stream.once('response', () => resolve(stream)));
}

export async function unread(base: string, agent: http.Agent): Promise<void> {
  held.push(await open(base, agent));
}

export async function closed(base: string, agent: http.Agent): Promise<void> {
  (await open(base, agent)).destroy();
}
