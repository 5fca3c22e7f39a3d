// The workload behind the default drain limits (docs/drain-limits.md): time it as a whole process,
// several runs each, with any public timer (`/usr/bin/time`, hyperfine).
//
//   node tests/runtime/cost/drain-cost.mjs serve 8765 &                       a loopback server
//   node tests/runtime/cost/drain-cost.mjs <client> drain <bytes> <calls> 8765  reuse one connection, draining each body
//   node tests/runtime/cost/drain-cost.mjs <client> reconnect 64 <calls> 8765   a new connection for every call
//
// <client> is `fetch` (Node's global fetch) or `http` (node:http). The difference between a drain
// run and a reconnect run, divided by the calls, is what draining that many bytes costs against
// what a new connection costs; the server runs in its own process so that only the client is timed.
import * as http from 'node:http';

const [, , client, mode, size, count, portArg] = process.argv;

if (client === 'serve') {
  const port = Number(mode ?? 8765);
  const bodies = new Map();
  http
    .createServer((req, res) => {
      const bytes = Number(/\/size\/(\d+)/.exec(req.url)?.[1] ?? 64);
      if (!bodies.has(bytes)) bodies.set(bytes, Buffer.alloc(bytes, 97));
      res.setHeader('content-length', bytes);
      // `/close`: the server ends the connection after the response, so every call makes a new one.
      if (req.url.includes('/close')) res.setHeader('connection', 'close');
      res.end(bodies.get(bytes));
    })
    .listen(port, '127.0.0.1');
} else {
  const bytes = Number(size);
  const calls = Number(count);
  const url = `http://127.0.0.1:${Number(portArg ?? 8765)}/size/${bytes}${mode === 'reconnect' ? '/close' : ''}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < calls; i += 1) {
    if (client === 'fetch') {
      const res = await fetch(url);
      await res.body?.pipeTo(new WritableStream());
    } else {
      await new Promise((resolve, reject) => {
        http.get(url, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject);
      });
    }
  }
  agent.destroy();
}
