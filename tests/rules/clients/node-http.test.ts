import { runClientCases } from './client-cases.js';

/**
 * `node:http` and `node:https`: the `IncomingMessage` handed to a request callback, a `'response'`
 * listener or `await once(req, 'response')` keeps its socket until it is read or destroyed, at any
 * size. The inserted drain is `res.resume()`, on the leaking branch only.
 */
runClientCases('node:http', {
  'no-unconsumed-body': {
    both: {
      valid: [
        {
          name: 'res.resume() on the error branch, data handlers otherwise',
          code: `
import * as http from 'node:http';
function fetchText(url: string, done: (text: string | null) => void) {
  http.get(url, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      done(null);
      return;
    }
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => { text += chunk; });
    res.on('end', () => done(text));
  });
}`,
        },
        {
          name: 'res.pipe() to a destination',
          code: `
import * as https from 'node:https';
function save(url: string, out: NodeJS.WritableStream) {
  https.get(url, (res) => res.pipe(out));
}`,
        },
        {
          name: 'pipeline() takes the response over',
          code: `
import * as http from 'node:http';
import { pipeline } from 'node:stream';
import { createWriteStream } from 'node:fs';
function save(url: string, file: string) {
  http.get(url, (res) => {
    pipeline(res, createWriteStream(file), () => {});
  });
}`,
        },
        {
          name: 'for await in an async callback',
          code: `
import * as http from 'node:http';
function read(url: string, done: (size: number) => void) {
  http.get(url, async (res) => {
    let size = 0;
    for await (const chunk of res) size += chunk.length;
    done(size);
  });
}`,
        },
        {
          name: 'text() from node:stream/consumers',
          code: `
import * as http from 'node:http';
import { text } from 'node:stream/consumers';
function read(url: string, done: (body: string) => void) {
  http.get(url, async (res) => {
    done(await text(res));
  });
}`,
        },
        {
          name: 'read() in a readable handler',
          code: `
import * as http from 'node:http';
function read(url: string) {
  http.get(url, (res) => {
    res.on('readable', () => {
      while (res.read() !== null);
    });
  });
}`,
        },
        {
          name: 'a chained error listener before pipe()',
          code: `
import * as http from 'node:http';
function save(url: string, out: NodeJS.WritableStream) {
  http.get(url, (res) => {
    res.on('error', () => out.end()).pipe(out);
  });
}`,
        },
        {
          name: 'req.once("response") with a callback that pipes',
          code: `
import * as http from 'node:http';
function read(url: string, out: NodeJS.WritableStream) {
  const req = http.request(url, { method: 'GET' });
  req.once('response', (res) => res.pipe(out));
  req.end();
}`,
        },
        {
          name: 'await once(req, "response") then resume()',
          code: `
import * as http from 'node:http';
import { once } from 'node:events';
async function status(url: string) {
  const req = http.get(url);
  const [res] = await once(req, 'response');
  res.resume();
  setTimeout(() => res.destroy(), 1000).unref();
  return res.statusCode;
}`,
        },
        {
          name: 'the response is handed to a promise',
          code: `
import * as http from 'node:http';
function open(url: string) {
  return new Promise<http.IncomingMessage>((resolve) => {
    http.get(url, (res) => resolve(res));
  });
}`,
        },
        {
          // node-fetch's own fetch(): every early exit after the response calls finalize().
          name: 'a named local function that aborts the request releases the response where it is called',
          code: `
import * as http from 'node:http';
function get(url: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request(url);
    const finalize = () => {
      req.abort();
    };
    req.on('response', (res) => {
      if (res.statusCode === 302) {
        reject(new Error('redirect'));
        finalize();
        return;
      }
      resolve(res);
    });
    req.end();
  });
}`,
        },
        {
          name: 'a server handler gets a request, not a response to read',
          code: `
import * as http from 'node:http';
http.createServer((req, res) => {
  res.end('ok');
}).listen(0);`,
        },
      ],
      invalid: [
        {
          name: 'an abort in a local function that this path never calls releases nothing',
          code: `
import * as http from 'node:http';
function status(url: string, signal: AbortSignal): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url);
    const finalize = () => {
      req.abort();
    };
    signal.addEventListener('abort', finalize);
    req.on('response', (res) => {
      resolve(res.statusCode ?? 0);
    });
    req.end();
  });
}`,
          output: `
import * as http from 'node:http';
function status(url: string, signal: AbortSignal): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url);
    const finalize = () => {
      req.abort();
    };
    signal.addEventListener('abort', finalize);
    req.on('response', (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      setTimeout(() => res.destroy(), 1000).unref();
    });
    req.end();
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 17, data: { response: 'the `http.request(url)` response (`res`)', exit: 'the callback ends at line 12' } }],
        },
        {
          name: 'one read() outside a readable handler takes only what is buffered',
          code: `
import * as http from 'node:http';
function sniff(url: string, done: (first: Buffer | null) => void) {
  http.get(url, (res) => {
    done(res.read());
  });
}`,
          output: `
import * as http from 'node:http';
function sniff(url: string, done: (first: Buffer | null) => void) {
  http.get(url, (res) => {
    done(res.read());
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
          errors: [{ messageId: 'partlyReadBody', line: 4, column: 3, data: { response: 'the `http.get(…)` response (`res`)', exit: 'the callback ends at line 6' } }],
        },
        {
          name: 'callback returns early on a non-200 status without resume()',
          code: `
import * as http from 'node:http';
function fetchText(url: string, done: (text: string) => void) {
  http.get(url, (res) => {
    if (res.statusCode !== 200) return;
    let text = '';
    res.on('data', (chunk) => { text += chunk; });
    res.on('end', () => done(text));
  });
}`,
          output: `
import * as http from 'node:http';
function fetchText(url: string, done: (text: string) => void) {
  http.get(url, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      setTimeout(() => res.destroy(), 1000).unref();
      return;
    }
    let text = '';
    res.on('data', (chunk) => { text += chunk; });
    res.on('end', () => done(text));
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 3 }],
        },
        {
          name: 'a promise wrapper rejects on the error status and leaves the body',
          code: `
import https from 'node:https';
function getJson(url: string) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(\`HTTP \${res.statusCode}\`));
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
    });
  });
}`,
          output: `
import https from 'node:https';
function getJson(url: string) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(\`HTTP \${res.statusCode}\`));
        res.resume();
        setTimeout(() => res.destroy(), 1000).unref();
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
    });
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 5 }],
        },
        {
          name: 'a response listener that only logs the status',
          code: `
import * as http from 'node:http';
function probe(url: string) {
  const req = http.request(url);
  req.on('response', (res) => {
    console.log(res.statusCode, res.headers['content-type']);
  });
  req.end();
}`,
          output: `
import * as http from 'node:http';
function probe(url: string) {
  const req = http.request(url);
  req.on('response', (res) => {
    console.log(res.statusCode, res.headers['content-type']);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
  req.end();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 15 }],
        },
        {
          name: 'await once(req, "response") and only the status is returned',
          code: `
import * as http from 'node:http';
import { once } from 'node:events';
async function status(url: string) {
  const req = http.get(url);
  const [res] = await once(req, 'response');
  return res.statusCode;
}`,
          output: `
import * as http from 'node:http';
import { once } from 'node:events';
async function status(url: string) {
  const req = http.get(url);
  const [res] = await once(req, 'response');
  res.resume();
  setTimeout(() => res.destroy(), 1000).unref();
  return res.statusCode;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 15 }],
        },
        {
          name: 'a callback without parameters still receives the response and leaves it unread',
          code: `
import * as http from 'node:http';
function ping(url: string) {
  http.get(url, () => {});
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 4,
              column: 3,
              suggestions: [
                {
                  messageId: 'insertDrain',
                  data: { target: '`response`', lines: 'line 4', how: ' (reads for up to 1 s)' },
                  output: `
import * as http from 'node:http';
function ping(url: string) {
  http.get(url, (response) => { response.resume(); setTimeout(() => response.destroy(), 1000).unref(); });
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'a response listener without parameters',
          code: `
import * as http from 'node:http';
function ping(url: string) {
  const req = http.request(url);
  req.on('response', () => console.log('answered'));
  req.end();
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 4,
              column: 15,
              suggestions: [
                {
                  messageId: 'insertDrain',
                  data: { target: '`response`', lines: 'line 5', how: ' (reads for up to 1 s)' },
                  output: `
import * as http from 'node:http';
function ping(url: string) {
  const req = http.request(url);
  req.on('response', (response) => { response.resume(); setTimeout(() => response.destroy(), 1000).unref(); return console.log('answered'); });
  req.end();
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'a HEAD response still holds its socket until it is resumed',
          code: `
import * as http from 'node:http';
function exists(url: string, done: (ok: boolean) => void) {
  http.request(url, { method: 'HEAD' }, (res) => {
    done(res.statusCode === 200);
  }).end();
}`,
          output: `
import * as http from 'node:http';
function exists(url: string, done: (ok: boolean) => void) {
  http.request(url, { method: 'HEAD' }, (res) => {
    done(res.statusCode === 200);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  }).end();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 3 }],
        },
        {
          name: 'https.request with a callback reached through a default import',
          code: `
import https from 'https';
function check(url: string, done: (ok: boolean) => void) {
  https.request(url, (res) => {
    done(res.statusCode === 200);
  }).end();
}`,
          output: `
import https from 'https';
function check(url: string, done: (ok: boolean) => void) {
  https.request(url, (res) => {
    done(res.statusCode === 200);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  }).end();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 3 }],
        },
      ],
    },
    untypedOnly: {
      valid: [],
      invalid: [
        {
          name: 'require("https") in plain JavaScript',
          code: `
const https = require('https');
function ping(url, log) {
  https.get(url, (res) => {
    log(res.statusCode);
  });
}`,
          output: `
const https = require('https');
function ping(url, log) {
  https.get(url, (res) => {
    log(res.statusCode);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 3 }],
        },
      ],
    },
  },
  'no-undrained-close': {
    both: {
      valid: [
        {
          name: 'res.resume() drains instead of closing',
          code: `
import * as http from 'node:http';
function check(url: string, done: (ok: boolean) => void) {
  http.get(url, (res) => {
    done(res.statusCode === 200);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
        },
        {
          name: 'destroy after the first chunk was read',
          code: `
import * as http from 'node:http';
function firstChunk(url: string, done: (chunk: Buffer) => void) {
  http.get(url, async (res) => {
    for await (const chunk of res) {
      done(chunk);
      break;
    }
    res.destroy();
  });
}`,
        },
        {
          // The abort inside finalize() also runs on paths that never had a response (a request
          // error, the caller's signal): it is not reported as a close of this response.
          name: 'a local function that aborts the request is not a close at each call',
          code: `
import * as http from 'node:http';
function get(url: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request(url);
    const finalize = () => {
      req.abort();
    };
    req.on('response', (res) => {
      if (res.statusCode === 302) {
        reject(new Error('redirect'));
        finalize();
        return;
      }
      resolve(res);
    });
    req.end();
  });
}`,
        },
        {
          name: 'destroy in a branch that checked the content length',
          code: `
import * as http from 'node:http';
function check(url: string, done: (ok: boolean) => void) {
  http.get(url, (res) => {
    if (Number(res.headers['content-length']) > 1_000_000) {
      res.destroy();
      return done(false);
    }
    res.resume();
    res.on('end', () => done(true));
  });
}`,
        },
      ],
      invalid: [
        {
          name: 'res.destroy() after reading only the status',
          code: `
import * as http from 'node:http';
function check(url: string, done: (ok: boolean) => void) {
  http.get(url, (res) => {
    done(res.statusCode === 200);
    res.destroy();
  });
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 6,
              column: 5,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import * as http from 'node:http';
function check(url: string, done: (ok: boolean) => void) {
  http.get(url, (res) => {
    done(res.statusCode === 200);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'res.destroy() on an error branch resets the socket at any size',
          code: `
import * as http from 'node:http';
function save(url: string, out: NodeJS.WritableStream, fail: (error: Error) => void) {
  http.get(url, (res) => {
    if (res.statusCode !== 200) {
      res.destroy();
      fail(new Error('failed'));
      return;
    }
    res.pipe(out);
  });
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 6,
              column: 7,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import * as http from 'node:http';
function save(url: string, out: NodeJS.WritableStream, fail: (error: Error) => void) {
  http.get(url, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      setTimeout(() => res.destroy(), 1000).unref();
      fail(new Error('failed'));
      return;
    }
    res.pipe(out);
  });
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'destroying a HEAD response resets the socket too',
          code: `
import * as http from 'node:http';
function exists(url: string, done: (ok: boolean) => void) {
  http.request(url, { method: 'HEAD' }, (res) => {
    done(res.statusCode === 200);
    res.destroy();
  }).end();
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 6,
              column: 5,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import * as http from 'node:http';
function exists(url: string, done: (ok: boolean) => void) {
  http.request(url, { method: 'HEAD' }, (res) => {
    done(res.statusCode === 200);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  }).end();
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'req.destroy() after the response arrived',
          code: `
import * as http from 'node:http';
function check(url: string, done: (ok: boolean) => void) {
  const req = http.get(url, (res) => {
    done(res.statusCode === 200);
    req.destroy();
  });
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 6,
              column: 5,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  data: { target: '`res`', how: ' (reads for up to 1 s)' },
                  output: `
import * as http from 'node:http';
function check(url: string, done: (ok: boolean) => void) {
  const req = http.get(url, (res) => {
    done(res.statusCode === 200);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'req.abort() after the response arrived',
          code: `
import * as http from 'node:http';
function check(url: string, done: (ok: boolean) => void) {
  const req = http.get(url, (res) => {
    done(res.statusCode === 200);
    req.abort();
  });
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 6,
              column: 5,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  data: { target: '`res`', how: ' (reads for up to 1 s)' },
                  output: `
import * as http from 'node:http';
function check(url: string, done: (ok: boolean) => void) {
  const req = http.get(url, (res) => {
    done(res.statusCode === 200);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'res.socket.destroy() after reading only the status',
          code: `
import * as http from 'node:http';
function check(url: string, done: (ok: boolean) => void) {
  http.get(url, (res) => {
    done(res.statusCode === 200);
    res.socket.destroy();
  });
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 6,
              column: 5,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  data: { target: '`res`', how: ' (reads for up to 1 s)' },
                  output: `
import * as http from 'node:http';
function check(url: string, done: (ok: boolean) => void) {
  http.get(url, (res) => {
    done(res.statusCode === 200);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'req.destroy() after await once(req, "response")',
          code: `
import * as http from 'node:http';
import { once } from 'node:events';
async function status(url: string) {
  const req = http.get(url);
  const [res] = await once(req, 'response');
  req.destroy();
  return res.statusCode;
}`,
          errors: [{ messageId: 'destroyUnread', line: 7, column: 3 }],
        },
      ],
    },
  },
});
