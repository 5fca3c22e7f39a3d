import { runClientCases } from './client-cases.js';

/**
 * got streams read through their headers: a `'response'` listener runs once the headers arrive,
 * before any of the body. When it uses the stream and is the stream's only owner (the function
 * that made the stream only registers listeners), each of the listener's own paths must read or
 * release the stream; `events.once(stream, 'response')` waits for the headers and reads nothing.
 */
runClientCases('got listeners', {
  'no-unconsumed-body': {
    both: {
      valid: [
        {
          name: 'the listener pipes the stream or resumes it on an error status',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url, { throwHttpErrors: false });
  stream.on('error', () => {});
  stream.on('response', (res) => {
    if (res.statusCode !== 200) {
      stream.resume();
      return;
    }
    stream.pipe(out);
  });
}`,
        },
        {
          name: 'the function that made the stream pipes it: the listener only looks',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url);
  stream.once('response', (res) => {
    if (res.statusCode !== 200) return;
    console.log('saving', res.headers['content-type']);
  });
  stream.pipe(out);
}`,
        },
        {
          name: 'a listener that shares the stream with another one is not followed',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url, { throwHttpErrors: false });
  stream.on('error', () => stream.destroy());
  stream.on('response', (res) => {
    if (res.statusCode !== 200) return;
    stream.pipe(out);
  });
}`,
        },
        {
          name: 'returned to the caller, the stream is the caller’s to read',
          code: `
import got from 'got';
function open(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url);
  stream.on('response', (res) => {
    if (res.statusCode === 200) stream.pipe(out);
  });
  return stream;
}`,
        },
        {
          name: 'waiting for the headers with once(), then piping',
          code: `
import got from 'got';
import { once } from 'node:events';
async function save(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url, { throwHttpErrors: false });
  const [res] = await once(stream, 'response');
  if (res.statusCode !== 200) {
    stream.resume();
    return false;
  }
  stream.pipe(out);
  return true;
}`,
        },
      ],
      invalid: [
        {
          name: 'the listener returns on a status before it reads the stream',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url, { throwHttpErrors: false });
  stream.on('response', (res) => {
    if (res.statusCode !== 200) return;
    stream.pipe(out);
  });
}`,
          output: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url, { throwHttpErrors: false });
  stream.on('response', (res) => {
    if (res.statusCode !== 200) {
      stream.resume();
      setTimeout(() => stream.destroy(), 1000).unref();
      return;
    }
    stream.pipe(out);
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 18, data: { response: 'the `got.stream(…)` response (`stream`)', exit: 'the callback returns at line 6' } }],
        },
        {
          name: 'the listener of a stream made inside a promise resolves on a wrong content type',
          code: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream) {
  return new Promise<boolean>((resolve, reject) => {
    const stream = got.stream(url);
    stream.on('error', reject);
    stream.once('response', (res) => {
      if (res.headers['content-type'] !== 'application/json') {
        resolve(false);
        return;
      }
      stream.pipe(out).on('finish', () => resolve(true));
    });
  });
}`,
          output: `
import got from 'got';
function save(url: string, out: NodeJS.WritableStream) {
  return new Promise<boolean>((resolve, reject) => {
    const stream = got.stream(url);
    stream.on('error', reject);
    stream.once('response', (res) => {
      if (res.headers['content-type'] !== 'application/json') {
        resolve(false);
        stream.resume();
        setTimeout(() => stream.destroy(), 1000).unref();
        return;
      }
      stream.pipe(out).on('finish', () => resolve(true));
    });
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 20 }],
        },
        {
          name: 'after once(stream, "response") the stream is still unread on the early return',
          code: `
import got from 'got';
import { once } from 'node:events';
async function save(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url, { throwHttpErrors: false });
  const [res] = await once(stream, 'response');
  if (res.statusCode !== 200) return false;
  stream.pipe(out);
  return true;
}`,
          output: `
import got from 'got';
import { once } from 'node:events';
async function save(url: string, out: NodeJS.WritableStream) {
  const stream = got.stream(url, { throwHttpErrors: false });
  const [res] = await once(stream, 'response');
  if (res.statusCode !== 200) {
    stream.resume();
    setTimeout(() => stream.destroy(), 1000).unref();
    return false;
  }
  stream.pipe(out);
  return true;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 18 }],
        },
      ],
    },
  },
  'no-undrained-close': {
    both: {
      valid: [
        {
          name: 'destroy in the listener after the body started flowing',
          code: `
import got from 'got';
function first(url: string) {
  const stream = got.stream(url);
  stream.on('response', () => {
    stream.once('data', () => stream.destroy());
  });
}`,
        },
      ],
      invalid: [
        {
          name: 'destroy in the listener after reading only the headers',
          code: `
import got from 'got';
function size(url: string, done: (length: string | undefined) => void) {
  const stream = got.stream(url);
  stream.on('response', (res) => {
    done(res.headers['content-length']);
    stream.destroy();
  });
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 7,
              column: 5,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import got from 'got';
function size(url: string, done: (length: string | undefined) => void) {
  const stream = got.stream(url);
  stream.on('response', (res) => {
    done(res.headers['content-length']);
    stream.resume();
    setTimeout(() => stream.destroy(), 1000).unref();
  });
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'destroy after waiting for the headers with once()',
          code: `
import got from 'got';
import { once } from 'node:events';
async function status(url: string) {
  const stream = got.stream(url);
  const [res] = await once(stream, 'response');
  stream.destroy();
  return res.statusCode;
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 7,
              column: 3,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import got from 'got';
import { once } from 'node:events';
async function status(url: string) {
  const stream = got.stream(url);
  const [res] = await once(stream, 'response');
  stream.resume();
  setTimeout(() => stream.destroy(), 1000).unref();
  return res.statusCode;
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
