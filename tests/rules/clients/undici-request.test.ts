import { runClientCases } from './client-cases.js';

/**
 * `undici.request()` and `Dispatcher#request`: the body is a `BodyReadable` that holds its
 * connection until it ends. The inserted drain, on the leaking branch only, is
 * `await body.dump({ limit: Number.MAX_SAFE_INTEGER })`, since a bare `dump()` stops after 128 KiB and
 * destroys; on a path that tested `res.statusCode` for an error it is the bare `dump()`, enough for
 * an error document. A destructured `statusCode` is not a guard the analysis follows.
 */
runClientCases('undici.request', {
  'no-unconsumed-body': {
    both: {
      valid: [
        {
          name: 'body.json() reads the body',
          code: `
import { request } from 'undici';
async function load(url: string) {
  const { body } = await request(url);
  return body.json();
}`,
        },
        {
          name: 'body.text() after a status check that dumps the error body',
          code: `
import { request } from 'undici';
async function load(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 400) {
    await body.dump();
    throw new Error(String(statusCode));
  }
  return body.text();
}`,
        },
        {
          name: 'arrayBuffer(), blob() and bytes() read the body',
          code: `
import { request } from 'undici';
async function load(url: string, kind: 'buffer' | 'blob' | 'bytes') {
  const { body } = await request(url);
  if (kind === 'buffer') return body.arrayBuffer();
  if (kind === 'blob') return body.blob();
  return body.bytes();
}`,
        },
        {
          name: 'for await over the body reads it',
          code: `
import { request } from 'undici';
async function size(url: string) {
  const { body } = await request(url);
  let total = 0;
  for await (const chunk of body) total += chunk.length;
  return total;
}`,
        },
        {
          name: 'body.pipe() hands the body to the destination',
          code: `
import { request } from 'undici';
async function save(url: string, out: NodeJS.WritableStream) {
  const { body } = await request(url);
  body.pipe(out);
}`,
        },
        {
          name: 'pipeline() from node:stream/promises takes the body over',
          code: `
import { request } from 'undici';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
async function save(url: string, file: string) {
  const { body } = await request(url);
  await pipeline(body, createWriteStream(file));
}`,
        },
        {
          name: 'the response is returned to the caller',
          code: `
import { request } from 'undici';
async function open(url: string) {
  const res = await request(url);
  return res;
}`,
        },
        {
          name: 'the body is handed to another function',
          code: `
import { request } from 'undici';
declare function store(body: unknown): Promise<void>;
async function save(url: string) {
  const { body } = await request(url);
  await store(body);
}`,
        },
        {
          name: 'a HEAD request has no body to read',
          code: `
import { request } from 'undici';
async function exists(url: string) {
  const { statusCode } = await request(url, { method: 'HEAD' });
  return statusCode === 200;
}`,
        },
        {
          name: 'a namespace import whose body is dumped on the early return',
          code: `
import * as undici from 'undici';
async function load(url: string, wanted: boolean) {
  const res = await undici.request(url);
  if (!wanted) {
    await res.body.dump();
    return null;
  }
  return res.body.json();
}`,
        },
        {
          name: 'a then callback that reads the body',
          code: `
import { request } from 'undici';
function load(url: string) {
  return request(url).then((res) => res.body.json());
}`,
        },
        {
          name: 'undici.stream() consumes through its factory',
          code: `
import { stream } from 'undici';
import { createWriteStream } from 'node:fs';
async function save(url: string, file: string) {
  await stream(url, { method: 'GET' }, () => createWriteStream(file));
}`,
        },
      ],
      invalid: [
        {
          name: 'early return leaves the body unread',
          code: `
import { request } from 'undici';
async function load(url: string, wanted: boolean) {
  const { body } = await request(url);
  if (!wanted) return null;
  return body.json();
}`,
          output: `
import { request } from 'undici';
async function load(url: string, wanted: boolean) {
  const { body } = await request(url);
  if (!wanted) {
    await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return body.json();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 26 }],
        },
        {
          name: 'error branch throws with the body unread',
          code: `
import { request } from 'undici';
async function load(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 400) throw new Error(\`HTTP \${statusCode}\`);
  return body.text();
}`,
          output: `
import { request } from 'undici';
async function load(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 400) {
    await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error(\`HTTP \${statusCode}\`);
  }
  return body.text();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 38 }],
        },
        {
          name: 'an error branch on res.statusCode gets the short dump()',
          code: `
import { request } from 'undici';
async function load(url: string) {
  const res = await request(url);
  if (res.statusCode >= 400) throw new Error(String(res.statusCode));
  return res.body.json();
}`,
          output: `
import { request } from 'undici';
async function load(url: string) {
  const res = await request(url);
  if (res.statusCode >= 400) {
    await res.body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error(String(res.statusCode));
  }
  return res.body.json();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'the whole response is kept but only its status is read',
          code: `
import { request } from 'undici';
async function status(url: string) {
  const res = await request(url);
  return res.statusCode;
}`,
          output: `
import { request } from 'undici';
async function status(url: string) {
  const res = await request(url);
  await res.body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.statusCode;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'destructuring only the status drops the body',
          code: `
import { request } from 'undici';
async function status(url: string) {
  const { statusCode } = await request(url);
  return statusCode;
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 4,
              column: 32,
              suggestions: [
                {
                  messageId: 'insertDrain',
                  data: { target: '`body`', lines: 'line 4', how: ' (reads up to 2 MiB, for up to 1 s)' },
                  output: `
import { request } from 'undici';
async function status(url: string) {
  const { statusCode, body } = await request(url);
  await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
  return statusCode;
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'an awaited request whose response is discarded',
          code: `
import { request } from 'undici';
async function ping(url: string) {
  await request(url);
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 4,
              column: 9,
              suggestions: [
                {
                  messageId: 'insertDrain',
                  output: `
import { request } from 'undici';
async function ping(url: string) {
  await (await request(url)).body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'a namespace import with an early return',
          code: `
import * as undici from 'undici';
async function load(url: string, wanted: boolean) {
  const res = await undici.request(url);
  if (!wanted) return null;
  return res.body.json();
}`,
          output: `
import * as undici from 'undici';
async function load(url: string, wanted: boolean) {
  const res = await undici.request(url);
  if (!wanted) {
    await res.body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.body.json();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'a then callback that only reads the status',
          code: `
import { request } from 'undici';
function status(url: string) {
  return request(url).then((res) => res.statusCode);
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 4,
              column: 10,
              suggestions: [
                {
                  messageId: 'insertDrain',
                  output: `
import { request } from 'undici';
function status(url: string) {
  return request(url).then(async (res) => { const value = res.statusCode; await res.body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {}); return value; });
}`,
                },
              ],
            },
          ],
        },
      ],
    },
    typedOnly: {
      valid: [
        {
          name: 'a Pool request whose body is read',
          code: `
import { Pool } from 'undici';
const pool = new Pool('http://localhost:3000');
async function load(path: string) {
  const { body } = await pool.request({ path, method: 'GET' });
  return body.json();
}`,
        },
      ],
      invalid: [
        {
          name: 'a Pool request recognised by its ResponseData type leaks on the error branch',
          code: `
import { Pool } from 'undici';
const pool = new Pool('http://localhost:3000');
async function load(path: string) {
  const { statusCode, body } = await pool.request({ path, method: 'GET' });
  if (statusCode !== 200) return null;
  return body.json();
}`,
          output: `
import { Pool } from 'undici';
const pool = new Pool('http://localhost:3000');
async function load(path: string) {
  const { statusCode, body } = await pool.request({ path, method: 'GET' });
  if (statusCode !== 200) {
    await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return body.json();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 38 }],
        },
      ],
    },
    untypedOnly: {
      valid: [
        {
          name: 'without types a Pool instance is not known to be undici',
          code: `
import { Pool } from 'undici';
const pool = new Pool('http://localhost:3000');
async function status(path: string) {
  const { statusCode } = await pool.request({ path, method: 'GET' });
  return statusCode;
}`,
        },
      ],
      invalid: [
        {
          name: 'request from require() in plain JavaScript',
          code: `
const { request } = require('undici');
async function load(url, wanted) {
  const { body } = await request(url);
  if (!wanted) return null;
  return body.json();
}`,
          output: `
const { request } = require('undici');
async function load(url, wanted) {
  const { body } = await request(url);
  if (!wanted) {
    await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return body.json();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 26 }],
        },
      ],
    },
  },
  'no-undrained-close': {
    both: {
      valid: [
        {
          name: 'dump() reads up to its limit before closing: a drain, not a close',
          code: `
import { request } from 'undici';
async function status(url: string) {
  const { statusCode, body } = await request(url);
  await body.dump();
  return statusCode;
}`,
        },
        {
          name: 'destroy after a partial read',
          code: `
import { request } from 'undici';
async function first(url: string) {
  const { body } = await request(url);
  for await (const chunk of body) {
    body.destroy();
    return chunk;
  }
  return null;
}`,
        },
        {
          name: 'destroy in a branch that checked the content length',
          code: `
import { request } from 'undici';
async function load(url: string) {
  const { headers, body } = await request(url);
  if (Number(headers['content-length']) > 10_000_000) {
    body.destroy();
    return null;
  }
  return body.text();
}`,
        },
        {
          name: 'destroy on a HEAD response closes no body',
          code: `
import { request } from 'undici';
async function exists(url: string) {
  const { statusCode, body } = await request(url, { method: 'HEAD' });
  body.destroy();
  return statusCode === 200;
}`,
        },
      ],
      invalid: [
        {
          name: 'body.destroy() after reading only the status',
          code: `
import { request } from 'undici';
async function check(url: string) {
  const { statusCode, body } = await request(url);
  body.destroy();
  return statusCode;
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 5,
              column: 3,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import { request } from 'undici';
async function check(url: string) {
  const { statusCode, body } = await request(url);
  await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
  return statusCode;
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'body.destroy() on an error branch still errors the stream and drops the connection',
          code: `
import { request } from 'undici';
async function load(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 400) {
    body.destroy();
    throw new Error('failed');
  }
  return body.json();
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
import { request } from 'undici';
async function load(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 400) {
    await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error('failed');
  }
  return body.json();
}`,
                },
              ],
            },
          ],
        },
      ],
    },
    typedOnly: {
      valid: [],
      invalid: [
        {
          name: 'destroying the body of a Pool response',
          code: `
import { Pool } from 'undici';
const pool = new Pool('http://localhost:3000');
async function check(path: string) {
  const { statusCode, body } = await pool.request({ path, method: 'GET' });
  body.destroy();
  return statusCode;
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 6,
              column: 3,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import { Pool } from 'undici';
const pool = new Pool('http://localhost:3000');
async function check(path: string) {
  const { statusCode, body } = await pool.request({ path, method: 'GET' });
  await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
  return statusCode;
}`,
                },
              ],
            },
          ],
        },
      ],
    },
  },
});
