import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunBody, ServedResponse } from './protocol.js';

/** A loopback server that counts the connections its clients open and keep. */
export interface CountingServer {
  /** Base URL whose responses carry `body`: `http://127.0.0.1:PORT/size/N`, `/endless`, `/huge`. */
  base(body: RunBody): string;
  readonly accepted: number;
  readonly open: number;
  readonly maxOpen: number;
  /** Every response the server sent (or began to send), in order. */
  readonly responses: readonly ServedResponse[];
  /** Responses still being written. */
  readonly unfinished: number;
  close(): Promise<void>;
}

/** 1 GiB: a download no drain should read to its end. */
export const HUGE_BYTES = 1 << 30;

/** The endless body writes this often: an event stream's heartbeat. */
const ENDLESS_INTERVAL_MS = 20;

/**
 * Answers every path under `/size/N` with an N-byte JSON body (so `json()` works at every size),
 * under `/endless` with a chunked body that never ends, and under `/huge` with a 1 GiB body
 * (content-length set) written as fast as the client takes it. `/status/NNN` anywhere in the rest
 * of the path sets the status; HEAD, 204 and 304 send headers only. One server serves every kind,
 * so a scenario appends its own path to `base` as user code would.
 */
export async function startCountingServer(): Promise<CountingServer> {
  let accepted = 0;
  let open = 0;
  let maxOpen = 0;
  const responses: ServedResponse[] = [];
  let unfinished = 0;
  const started = Date.now();
  const bodies = new Map<number, Buffer>();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const size = Number(/^\/size\/(\d+)/.exec(url)?.[1] ?? 64);
    const status = Number(/\/status\/(\d{3})(?:\/|\?|$)/.exec(url)?.[1] ?? 200);
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    const served = { startMs: Date.now() - started, endMs: -1, bytes: 0, complete: false };
    responses.push(served);
    unfinished += 1;
    res.on('close', () => {
      served.endMs = Date.now() - started;
      served.complete = res.writableFinished;
      unfinished -= 1;
    });
    const write = (chunk: Buffer): boolean => {
      served.bytes += chunk.length;
      return res.write(chunk);
    };
    if (req.method === 'HEAD' || status === 204 || status === 304) {
      if (status !== 204 && status !== 304) res.setHeader('content-length', Math.max(size, 10));
      res.end();
      return;
    }
    if (url.startsWith('/endless')) {
      const timer = setInterval(() => write(Buffer.from('data: {"tick":true}\n\n')), ENDLESS_INTERVAL_MS);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (url.startsWith('/huge')) {
      res.setHeader('content-length', HUGE_BYTES);
      const chunk = Buffer.alloc(64 * 1024, 97);
      const pump = (): void => {
        while (!res.destroyed && served.bytes < HUGE_BYTES) if (!write(chunk)) return void res.once('drain', pump);
        if (!res.destroyed) res.end();
      };
      pump();
      return;
    }
    let body = bodies.get(size);
    if (!body) bodies.set(size, (body = jsonBody(size)));
    res.setHeader('content-length', body.length);
    served.bytes = body.length;
    res.end(body);
  });
  server.on('connection', (socket) => {
    accepted += 1;
    open += 1;
    maxOpen = Math.max(maxOpen, open);
    socket.on('close', () => {
      open -= 1;
    });
  });
  // The default keep-alive timeout (5 s) is longer than any run, so idle pooled sockets stay counted.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: (body) => `http://127.0.0.1:${port}/${body.kind === 'size' ? `size/${body.bytes}` : body.kind}`,
    get accepted() {
      return accepted;
    },
    get open() {
      return open;
    },
    get maxOpen() {
      return maxOpen;
    },
    responses,
    get unfinished() {
      return unfinished;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `{"pad":"aaa…"}` of exactly `size` bytes (at least the 10 bytes of the frame). */
function jsonBody(size: number): Buffer {
  const frame = '{"pad":""}';
  return Buffer.from(`{"pad":"${'a'.repeat(Math.max(0, size - frame.length))}"}`);
}
