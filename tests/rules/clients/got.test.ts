import { runClientCases } from './client-cases.js';

/**
 * got 14 streams: `got.stream(url)` and `got(url, { isStream: true })` return a `Duplex` that holds
 * the socket until the response is read through it or destroyed, at any size. The promise API
 * (`await got(url)`, `got(url).json()`) reads the body itself. The inserted drain is `stream.resume()`.
 */
runClientCases('got', {
  'no-unconsumed-body': {
    both: {
      valid: [
        {
          name: 'the promise API reads the body itself',
          code: `
import got from 'got';
async function status(url: string) {
  const res = await got(url);
  return res.statusCode;
}`,
        },
        {
          name: 'json() on the promise API',
          code: `
import got from 'got';
async function load(url: string) {
  return got(url).json();
}`,
        },
        {
          name: 'got.stream() piped to a destination',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream) {
  got.stream(url).pipe(out);
}`,
        },
        {
          name: 'a chained error listener before pipe()',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream) {
  got.stream(url).on('error', () => out.end()).pipe(out);
}`,
        },
        {
          name: 'pipeline() takes the stream over',
          code: `
import got from 'got';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
async function save(url: string, file: string) {
  await pipeline(got.stream(url), createWriteStream(file));
}`,
        },
        {
          name: 'for await over the stream',
          code: `
import got from 'got';
async function size(url: string) {
  let total = 0;
  for await (const chunk of got.stream(url)) total += chunk.length;
  return total;
}`,
        },
        {
          name: 'data handlers on a stream made with isStream',
          code: `
import got from 'got';
function collect(url: string, push: (chunk: Buffer) => void) {
  const stream = got(url, { isStream: true });
  stream.on('data', push);
}`,
        },
        {
          name: 'the response event only reports status; the stream itself is read',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url);
  stream.on('response', (res) => console.log(res.statusCode));
  stream.pipe(out);
}`,
        },
        {
          name: 'await once(stream, "response") is not a node:http response to read',
          code: `
import got from 'got';
import { once } from 'node:events';
async function save(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url);
  const [res] = await once(stream, 'response');
  console.log(res.statusCode);
  stream.pipe(out);
}`,
        },
        {
          name: 'resume() on the early return',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream, wanted: boolean) {
  const stream = got.stream(url);
  if (!wanted) {
    stream.resume();
    setTimeout(() => stream.destroy(), 1000).unref();
    return;
  }
  stream.pipe(out);
}`,
        },
        {
          name: 'the stream is returned to the caller',
          code: `
import got from 'got';
function open(url: string) {
  const stream = got.stream(url);
  return stream;
}`,
        },
        {
          name: 'isStream given as a variable is not taken for a stream without types',
          code: `
import got from 'got';
async function load(url: string, options: { isStream?: false }) {
  const res = await got(url, options);
  return res.statusCode;
}`,
        },
      ],
      invalid: [
        {
          name: 'early return leaves the stream unread',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream, wanted: boolean) {
  const stream = got.stream(url);
  if (!wanted) return;
  stream.pipe(out);
}`,
          output: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream, wanted: boolean) {
  const stream = got.stream(url);
  if (!wanted) {
    stream.resume();
    setTimeout(() => stream.destroy(), 1000).unref();
    return;
  }
  stream.pipe(out);
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 18 }],
        },
        {
          name: 'got(url, { isStream: true }) whose stream is never read',
          code: `
import got from 'got';
function probe(url: string) {
  const stream = got(url, { isStream: true });
  stream.on('response', (res) => console.log(res.statusCode));
}`,
          output: `
import got from 'got';
function probe(url: string) {
  const stream = got(url, { isStream: true });
  stream.on('response', (res) => console.log(res.statusCode));
  stream.resume();
  setTimeout(() => stream.destroy(), 1000).unref();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 18 }],
        },
        {
          name: 'a throw on the error path with the stream unread',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream, target: string) {
  const stream = got.post(url, { isStream: true });
  if (!target) throw new Error('no target');
  stream.pipe(out);
}`,
          output: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream, target: string) {
  const stream = got.post(url, { isStream: true });
  if (!target) {
    stream.resume();
    setTimeout(() => stream.destroy(), 1000).unref();
    throw new Error('no target');
  }
  stream.pipe(out);
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 18 }],
        },
        {
          name: 'the named got export',
          code: `
import { got } from 'got';
function save(url: string, out: NodeJS.WritableStream, wanted: boolean) {
  const stream = got.stream(url);
  if (!wanted) return;
  stream.pipe(out);
}`,
          output: `
import { got } from 'got';
function save(url: string, out: NodeJS.WritableStream, wanted: boolean) {
  const stream = got.stream(url);
  if (!wanted) {
    stream.resume();
    setTimeout(() => stream.destroy(), 1000).unref();
    return;
  }
  stream.pipe(out);
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 18 }],
        },
        {
          name: 'an instance made with got.extend()',
          code: `
import got from 'got';
const client = got.extend({ prefixUrl: 'http://localhost:3000' });
function save(path: string, out: NodeJS.WritableStream, wanted: boolean) {
  const stream = client.stream(path);
  if (!wanted) return;
  stream.pipe(out);
}`,
          output: `
import got from 'got';
const client = got.extend({ prefixUrl: 'http://localhost:3000' });
function save(path: string, out: NodeJS.WritableStream, wanted: boolean) {
  const stream = client.stream(path);
  if (!wanted) {
    stream.resume();
    setTimeout(() => stream.destroy(), 1000).unref();
    return;
  }
  stream.pipe(out);
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 18 }],
        },
        {
          name: 'a stream created and dropped',
          code: `
import got from 'got';
function ping(url: string) {
  got.stream(url);
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 4,
              column: 3,
              suggestions: [
                {
                  messageId: 'insertDrain',
                  output: `
import got from 'got';
function ping(url: string) {
  const response = got.stream(url);
  response.resume();
  setTimeout(() => response.destroy(), 1000).unref();
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
          name: 'a wrapper typed to return a got Request is a producer',
          code: `
import got, { type Request } from 'got';
function open(url: string): Request {
  return got.stream(url);
}
function probe(url: string) {
  const stream = open(url);
  stream.on('response', () => {});
}`,
          output: `
import got, { type Request } from 'got';
function open(url: string): Request {
  return got.stream(url);
}
function probe(url: string) {
  const stream = open(url);
  stream.on('response', () => {});
  stream.resume();
  setTimeout(() => stream.destroy(), 1000).unref();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 7, column: 18 }],
        },
      ],
    },
    untypedOnly: {
      valid: [],
      invalid: [
        {
          name: 'got from require() in plain JavaScript',
          code: `
const got = require('got');
function save(url, out, wanted) {
  const stream = got.stream(url);
  if (!wanted) return;
  stream.pipe(out);
}`,
          output: `
const got = require('got');
function save(url, out, wanted) {
  const stream = got.stream(url);
  if (!wanted) {
    stream.resume();
    setTimeout(() => stream.destroy(), 1000).unref();
    return;
  }
  stream.pipe(out);
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 18 }],
        },
      ],
    },
  },
  'no-undrained-close': {
    both: {
      valid: [
        {
          name: 'resume() drains instead of closing',
          code: `
import got from 'got';
function probe(url: string) {
  const stream = got.stream(url);
  stream.resume();
}`,
        },
        {
          name: 'destroy after the first chunk was read',
          code: `
import got from 'got';
async function first(url: string) {
  const stream = got.stream(url);
  for await (const chunk of stream) {
    stream.destroy();
    return chunk;
  }
  return null;
}`,
        },
      ],
      invalid: [
        {
          name: 'destroying a stream nothing read',
          code: `
import got from 'got';
function probe(url: string) {
  const stream = got.get(url, { isStream: true });
  stream.destroy();
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
import got from 'got';
function probe(url: string) {
  const stream = got.get(url, { isStream: true });
  stream.resume();
  setTimeout(() => stream.destroy(), 1000).unref();
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'destroying the stream on an early return',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream, wanted: boolean) {
  const stream = got.stream(url);
  if (!wanted) {
    stream.destroy();
    return;
  }
  stream.pipe(out);
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
import got from 'got';
function save(url: string, out: NodeJS.WritableStream, wanted: boolean) {
  const stream = got.stream(url);
  if (!wanted) {
    stream.resume();
    setTimeout(() => stream.destroy(), 1000).unref();
    return;
  }
  stream.pipe(out);
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
