import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback server that counts the connections its clients open and keep. */
export interface CountingServer {
  /** Base URL whose responses carry bodies of `bodySize` bytes: `http://127.0.0.1:PORT/size/N`. */
  base(bodySize: number): string;
  readonly accepted: number;
  readonly open: number;
  readonly maxOpen: number;
  close(): Promise<void>;
}

/**
 * Answers every path under `/size/N` with an N-byte JSON body (so `json()` works at every size).
 * `/status/NNN` anywhere in the rest of the path sets the status; HEAD, 204 and 304 send headers only.
 * One server serves every size, so a scenario appends its own path to `base` as user code would.
 */
export async function startCountingServer(): Promise<CountingServer> {
  let accepted = 0;
  let open = 0;
  let maxOpen = 0;
  const bodies = new Map<number, Buffer>();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const size = Number(/^\/size\/(\d+)/.exec(url)?.[1] ?? 64);
    const status = Number(/\/status\/(\d{3})(?:\/|\?|$)/.exec(url)?.[1] ?? 200);
    let body = bodies.get(size);
    if (!body) bodies.set(size, (body = jsonBody(size)));
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    if (req.method === 'HEAD' || status === 204 || status === 304) {
      if (status !== 204 && status !== 304) res.setHeader('content-length', body.length);
      res.end();
      return;
    }
    res.setHeader('content-length', body.length);
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
    base: (bodySize) => `http://127.0.0.1:${port}/size/${bodySize}`,
    get accepted() {
      return accepted;
    },
    get open() {
      return open;
    },
    get maxOpen() {
      return maxOpen;
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
