import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import nodeFetch from 'node-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What backs `no-unconsumed-body`'s reports of a clone nobody reads. `unreadClone`: a fetch
 * `res.clone()` tees the body, and every chunk the original reads is queued in the clone as well,
 * so an unread clone holds a second copy of the whole body in memory for as long as it lives, even
 * after the connection has gone. `stallingClone`: node-fetch feeds the two copies from one pipe,
 * which pauses once the unread copy's buffer is full, so the read of the other copy never ends.
 */
const BODY_BYTES = 4 << 20;

let server: http.Server;
let base: string;
let connections = 0;

beforeAll(async () => {
  const body = Buffer.alloc(BODY_BYTES, 0x61);
  server = http.createServer((_req, res) => {
    res.setHeader('content-length', body.length);
    res.end(body);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<number> {
  let total = 0;
  for await (const chunk of stream) total += chunk.length;
  return total;
}

describe('res.clone()', () => {
  it('keeps the whole body in the unread clone once the original is read, with the socket gone', async () => {
    const res = await fetch(`${base}/clone`);
    const copy = res.clone();
    expect((await res.arrayBuffer()).byteLength).toBe(BODY_BYTES);
    // Nothing is left on the wire: whatever the clone yields now, it was holding in memory.
    server.closeAllConnections();
    expect(await bytesOf(copy.body!)).toBe(BODY_BYTES);
  });

  it('gives the connection back when either copy is read to its end: the two are one obligation', async () => {
    server.closeAllConnections();
    const before = connections;
    for (let call = 0; call < 8; call++) {
      const res = await fetch(`${base}/clone`);
      const copy = res.clone();
      // Only the clone is read; the original is left alone and buffers what the clone pulls.
      expect(await bytesOf(copy.body!)).toBe(BODY_BYTES);
      expect(res.bodyUsed).toBe(false);
    }
    // A held connection would cost a new one per call, eight in all; reuse stays within two.
    expect(connections - before).toBeLessThanOrEqual(2);
  });
});

/** Whether `read` settles within `ms`: a stalled read does not, and is left pending. */
async function settlesWithin(read: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([read.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('node-fetch res.clone()', () => {
  it('never finishes reading the original while the clone is left unread', async () => {
    const res = await nodeFetch(`${base}/clone`);
    const copy = res.clone();
    const read = res.arrayBuffer();
    expect(await settlesWithin(read, 1000)).toBe(false);
    // Reading the clone as well lets the pipe flow again: both copies end.
    const [original, clone] = await Promise.all([read, copy.arrayBuffer()]);
    expect([original.byteLength, clone.byteLength]).toEqual([BODY_BYTES, BODY_BYTES]);
  });
});
