import { runClientCases } from './client-cases.js';

/**
 * node-fetch 3: a fetch `Response` whose `body` is a Node `Readable`. The inserted drain is
 * `res.body?.resume()`, on the leaking branch only. Destroying the body behaves like a web stream
 * cancel (measured: a 1 MiB body loses the connection, a 64 B one keeps it), so on an error branch
 * it is not reported.
 */
runClientCases('node-fetch', {
  'no-unconsumed-body': {
    both: {
      valid: [
        {
          name: 'json() reads the body',
          code: `
import fetch from 'node-fetch';
async function load(url: string) {
  const res = await fetch(url);
  return res.json();
}`,
        },
        {
          name: 'buffer() reads the body',
          code: `
import fetch from 'node-fetch';
async function download(url: string) {
  const res = await fetch(url);
  return res.buffer();
}`,
        },
        {
          name: 'the error branch resumes the body, the success path pipes it',
          code: `
import fetch from 'node-fetch';
async function save(url: string, out: NodeJS.WritableStream) {
  const res = await fetch(url);
  if (!res.ok) {
    res.body?.resume();
    throw new Error(res.statusText);
  }
  res.body?.pipe(out);
}`,
        },
        {
          name: 'for await over the Node stream body',
          code: `
import fetch from 'node-fetch';
async function size(url: string) {
  const res = await fetch(url);
  let total = 0;
  for await (const chunk of res.body!) total += (chunk as Buffer).length;
  return total;
}`,
        },
        {
          name: 'pipeline() takes the body over',
          code: `
import fetch from 'node-fetch';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
async function save(url: string, file: string) {
  const res = await fetch(url);
  await pipeline(res.body!, createWriteStream(file));
}`,
        },
        {
          name: 'the response is returned to the caller',
          code: `
import fetch from 'node-fetch';
async function open(url: string) {
  const res = await fetch(url);
  return res;
}`,
        },
        {
          name: 'a HEAD request has no body to read',
          code: `
import fetch from 'node-fetch';
async function exists(url: string) {
  const res = await fetch(url, { method: 'HEAD' });
  return res.ok;
}`,
        },
        {
          name: 'a named fetch import whose body is read in a then callback',
          code: `
import { default as nodeFetch } from 'node-fetch';
function load(url: string) {
  return nodeFetch(url).then((res) => res.text());
}`,
        },
      ],
      invalid: [
        {
          name: 'early return leaves the body unread',
          code: `
import fetch from 'node-fetch';
async function load(url: string, wanted: boolean) {
  const res = await fetch(url);
  if (!wanted) return null;
  return res.json();
}`,
          output: `
import fetch from 'node-fetch';
async function load(url: string, wanted: boolean) {
  const res = await fetch(url);
  if (!wanted) {
    res.body?.resume();
    setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
    return null;
  }
  return res.json();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'error branch throws with the body unread',
          code: `
import fetch from 'node-fetch';
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(res.statusText);
  return res.json();
}`,
          output: `
import fetch from 'node-fetch';
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    res.body?.resume();
    setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
    throw new Error(res.statusText);
  }
  return res.json();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'only ok is read',
          code: `
import fetch from 'node-fetch';
async function isUp(url: string) {
  const res = await fetch(url);
  return res.ok;
}`,
          output: `
import fetch from 'node-fetch';
async function isUp(url: string) {
  const res = await fetch(url);
  res.body?.resume();
  setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
  return res.ok;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'destructuring only ok drops the body',
          code: `
import fetch from 'node-fetch';
async function isUp(url: string) {
  const { ok } = await fetch(url);
  return ok;
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 4,
              column: 24,
              suggestions: [
                {
                  messageId: 'insertDrain',
                  data: { target: '`body`', lines: 'line 4', how: ' (reads for up to 1 s)' },
                  output: `
import fetch from 'node-fetch';
async function isUp(url: string) {
  const { ok, body } = await fetch(url);
  body?.resume();
  setTimeout(() => (body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
  return ok;
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'an awaited fetch whose response is discarded',
          code: `
import fetch from 'node-fetch';
async function ping(url: string) {
  await fetch(url);
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
import fetch from 'node-fetch';
async function ping(url: string) {
  const response = await fetch(url);
  response.body?.resume();
  setTimeout(() => (response.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
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
          name: 'a wrapper typed with node-fetch Response is a producer',
          code: `
import fetch, { type Response } from 'node-fetch';
async function get(url: string): Promise<Response> {
  return fetch(url);
}
async function isUp(url: string) {
  const res = await get(url);
  return res.ok;
}`,
          output: `
import fetch, { type Response } from 'node-fetch';
async function get(url: string): Promise<Response> {
  return fetch(url);
}
async function isUp(url: string) {
  const res = await get(url);
  res.body?.resume();
  setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
  return res.ok;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 7, column: 21 }],
        },
      ],
    },
    untypedOnly: {
      valid: [],
      invalid: [
        {
          name: 'node-fetch from require() in plain JavaScript',
          code: `
const fetch = require('node-fetch');
async function isUp(url) {
  const res = await fetch(url);
  return res.ok;
}`,
          output: `
const fetch = require('node-fetch');
async function isUp(url) {
  const res = await fetch(url);
  res.body?.resume();
  setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
  return res.ok;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
      ],
    },
  },
  'no-undrained-close': {
    both: {
      valid: [
        {
          name: 'destroying a small error body is the release the error branch needs',
          code: `
import fetch from 'node-fetch';
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    res.body?.destroy();
    throw new Error(res.statusText);
  }
  return res.text();
}`,
        },
        {
          name: 'resume() drains instead of closing',
          code: `
import fetch from 'node-fetch';
async function isUp(url: string) {
  const res = await fetch(url);
  res.body?.resume();
  return res.ok;
}`,
        },
        {
          name: 'destroy after the first chunk was read',
          code: `
import fetch from 'node-fetch';
async function first(url: string) {
  const res = await fetch(url);
  for await (const chunk of res.body!) {
    res.body!.destroy();
    return chunk;
  }
  return null;
}`,
        },
      ],
      invalid: [
        {
          name: 'destroying the body after reading only ok',
          code: `
import fetch from 'node-fetch';
async function isUp(url: string) {
  const res = await fetch(url);
  res.body?.destroy();
  return res.ok;
}`,
          errors: [
            {
              messageId: 'cancelUnread',
              line: 5,
              column: 3,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import fetch from 'node-fetch';
async function isUp(url: string) {
  const res = await fetch(url);
  res.body?.resume();
  setTimeout(() => res.body?.destroy(), 1000).unref();
  return res.ok;
}`,
                },
                {
                  messageId: 'useHead',
                  output: `
import fetch from 'node-fetch';
async function isUp(url: string) {
  const res = await fetch(url, { method: 'HEAD' });
  res.body?.destroy();
  return res.ok;
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'destroying the body on the success path',
          code: `
import fetch from 'node-fetch';
async function check(url: string) {
  const res = await fetch(url);
  if (res.status === 200) {
    res.body?.destroy();
    return true;
  }
  return res.text();
}`,
          errors: [
            {
              messageId: 'cancelUnread',
              line: 6,
              column: 5,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import fetch from 'node-fetch';
async function check(url: string) {
  const res = await fetch(url);
  if (res.status === 200) {
    res.body?.resume();
    setTimeout(() => res.body?.destroy(), 1000).unref();
    return true;
  }
  return res.text();
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
