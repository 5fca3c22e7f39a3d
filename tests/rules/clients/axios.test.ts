import { runClientCases } from './client-cases.js';

/**
 * axios 1 with `responseType: 'stream'`: `response.data` is the `IncomingMessage` (or a
 * decompressing stream piped from it) and holds its socket until read or destroyed. Every other
 * `responseType` is read by axios itself, and so is a config the analysis cannot see. axios rejects
 * non-2xx statuses unless `validateStatus` is set, so an error branch after `await` is dead code by
 * default. The inserted drain is `res.data.resume()`.
 */
runClientCases('axios', {
  'no-unconsumed-body': {
    both: {
      valid: [
        {
          name: 'without responseType axios reads the body itself',
          code: `
import axios from 'axios';
async function status(url: string) {
  const res = await axios.get(url);
  return res.status;
}`,
        },
        {
          name: 'responseType json is read by axios',
          code: `
import axios from 'axios';
async function status(url: string) {
  const res = await axios.get(url, { responseType: 'json' });
  return res.status;
}`,
        },
        {
          name: 'a config the analysis cannot see is not taken for a stream',
          code: `
import axios, { type AxiosRequestConfig } from 'axios';
async function status(url: string, config: AxiosRequestConfig) {
  const res = await axios.get(url, config);
  return res.status;
}`,
        },
        {
          name: 'a spread after the literal may override it',
          code: `
import axios, { type AxiosRequestConfig } from 'axios';
async function status(url: string, config: AxiosRequestConfig) {
  const res = await axios.get(url, { responseType: 'stream', ...config });
  return res.status;
}`,
        },
        {
          name: 'response.data piped to a destination',
          code: `
import axios from 'axios';
async function save(url: string, out: NodeJS.WritableStream) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.pipe(out);
}`,
        },
        {
          name: 'pipeline() takes the stream over',
          code: `
import axios from 'axios';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
async function save(url: string, file: string) {
  const { data } = await axios.get(url, { responseType: 'stream' });
  await pipeline(data, createWriteStream(file));
}`,
        },
        {
          name: 'for await over response.data',
          code: `
import axios from 'axios';
async function size(url: string) {
  const res = await axios({ url, responseType: 'stream' });
  let total = 0;
  for await (const chunk of res.data) total += chunk.length;
  return total;
}`,
        },
        {
          name: 'data handlers on response.data',
          code: `
import axios from 'axios';
async function collect(url: string, push: (chunk: Buffer) => void) {
  const res = await axios.request({ url, responseType: 'stream' });
  res.data.on('data', push);
}`,
        },
        {
          name: 'resume() on the early return',
          code: `
import axios from 'axios';
async function save(url: string, out: NodeJS.WritableStream, wanted: boolean) {
  const res = await axios.get(url, { responseType: 'stream' });
  if (!wanted) {
    res.data.resume();
    return;
  }
  res.data.pipe(out);
}`,
        },
        {
          name: 'destroy() releases the stream (the close rule has its own say)',
          code: `
import axios from 'axios';
async function headers(url: string) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.on('error', () => {});
  res.data.destroy();
  return res.headers;
}`,
        },
        {
          name: 'the stream is returned to the caller',
          code: `
import axios from 'axios';
async function open(url: string) {
  const res = await axios.get(url, { responseType: 'stream' });
  return res.data;
}`,
        },
        {
          name: 'a then callback pipes the destructured stream',
          code: `
import axios from 'axios';
function save(url: string, out: NodeJS.WritableStream) {
  return axios.get(url, { responseType: 'stream' }).then(({ data }) => data.pipe(out));
}`,
        },
        {
          name: 'an error-status branch is dead: axios rejects non-2xx by default',
          code: `
import axios from 'axios';
async function save(url: string, out: NodeJS.WritableStream) {
  const res = await axios.get(url, { responseType: 'stream' });
  if (res.status >= 400) throw new Error('unreachable');
  res.data.pipe(out);
}`,
        },
        {
          name: 'a HEAD request has no body',
          code: `
import axios from 'axios';
async function exists(url: string) {
  const res = await axios.head(url, { responseType: 'stream' });
  return res.status === 200;
}`,
        },
      ],
      invalid: [
        {
          name: 'early return leaves response.data unread',
          code: `
import axios from 'axios';
async function save(url: string, out: NodeJS.WritableStream, wanted: boolean) {
  const res = await axios.get(url, { responseType: 'stream' });
  if (!wanted) return;
  res.data.pipe(out);
}`,
          output: `
import axios from 'axios';
async function save(url: string, out: NodeJS.WritableStream, wanted: boolean) {
  const res = await axios.get(url, { responseType: 'stream' });
  if (!wanted) {
    res.data.resume();
    setTimeout(() => res.data.destroy(), 1000).unref();
    return;
  }
  res.data.pipe(out);
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'error branch leaks when validateStatus lets error statuses through',
          code: `
import axios from 'axios';
async function save(url: string, out: NodeJS.WritableStream) {
  const res = await axios({ url, responseType: 'stream', validateStatus: () => true });
  if (res.status !== 200) throw new Error(\`HTTP \${res.status}\`);
  res.data.pipe(out);
}`,
          output: `
import axios from 'axios';
async function save(url: string, out: NodeJS.WritableStream) {
  const res = await axios({ url, responseType: 'stream', validateStatus: () => true });
  if (res.status !== 200) {
    res.data.resume();
    setTimeout(() => res.data.destroy(), 1000).unref();
    throw new Error(\`HTTP \${res.status}\`);
  }
  res.data.pipe(out);
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'only the headers of a streamed POST are read',
          code: `
import axios from 'axios';
async function contentType(url: string, data: unknown) {
  const res = await axios.post(url, data, { responseType: 'stream' });
  return res.headers['content-type'];
}`,
          output: `
import axios from 'axios';
async function contentType(url: string, data: unknown) {
  const res = await axios.post(url, data, { responseType: 'stream' });
  res.data.resume();
  setTimeout(() => res.data.destroy(), 1000).unref();
  return res.headers['content-type'];
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'axios(url, config) called directly',
          code: `
import axios from 'axios';
async function status(url: string) {
  const res = await axios(url, { responseType: 'stream' });
  return res.status;
}`,
          output: `
import axios from 'axios';
async function status(url: string) {
  const res = await axios(url, { responseType: 'stream' });
  res.data.resume();
  setTimeout(() => res.data.destroy(), 1000).unref();
  return res.status;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'destructuring only the status drops the stream',
          code: `
import axios from 'axios';
async function status(url: string) {
  const { status } = await axios.request({ url, responseType: 'stream' });
  return status;
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 4,
              column: 28,
              suggestions: [
                {
                  messageId: 'insertDrain',
                  data: { target: '`data`', lines: 'line 4', how: ' (reads for up to 1 s)' },
                  output: `
import axios from 'axios';
async function status(url: string) {
  const { status, data } = await axios.request({ url, responseType: 'stream' });
  data.resume();
  setTimeout(() => data.destroy(), 1000).unref();
  return status;
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'an awaited stream request whose response is discarded',
          code: `
import axios from 'axios';
async function ping(url: string) {
  await axios.get(url, { responseType: 'stream' });
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
import axios from 'axios';
async function ping(url: string) {
  const response = await axios.get(url, { responseType: 'stream' });
  response.data.resume();
  setTimeout(() => response.data.destroy(), 1000).unref();
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'an instance created with responseType stream',
          code: `
import axios from 'axios';
const api = axios.create({ baseURL: 'http://localhost:3000', responseType: 'stream' });
async function save(path: string, out: NodeJS.WritableStream, wanted: boolean) {
  const { data } = await api.get(path);
  if (!wanted) return null;
  data.pipe(out);
}`,
          output: `
import axios from 'axios';
const api = axios.create({ baseURL: 'http://localhost:3000', responseType: 'stream' });
async function save(path: string, out: NodeJS.WritableStream, wanted: boolean) {
  const { data } = await api.get(path);
  if (!wanted) {
    data.resume();
    setTimeout(() => data.destroy(), 1000).unref();
    return null;
  }
  data.pipe(out);
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 26 }],
        },
        {
          name: 'an instance of an instance inherits responseType stream',
          code: `
import axios from 'axios';
const api = axios.create({ responseType: 'stream' });
const admin = api.create({ headers: { authorization: 'token' } });
async function status(path: string) {
  const res = await admin.get(path);
  return res.status;
}`,
          output: `
import axios from 'axios';
const api = axios.create({ responseType: 'stream' });
const admin = api.create({ headers: { authorization: 'token' } });
async function status(path: string) {
  const res = await admin.get(path);
  res.data.resume();
  setTimeout(() => res.data.destroy(), 1000).unref();
  return res.status;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 6, column: 21 }],
        },
        {
          name: 'a then callback that only reads the status',
          code: `
import axios from 'axios';
function status(url: string) {
  return axios.get(url, { responseType: 'stream' }).then((res) => res.status);
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
import axios from 'axios';
function status(url: string) {
  return axios.get(url, { responseType: 'stream' }).then((res) => { const value = res.status; res.data.resume(); setTimeout(() => res.data.destroy(), 1000).unref(); return value; });
}`,
                },
              ],
            },
          ],
        },
      ],
    },
    untypedOnly: {
      valid: [],
      invalid: [
        {
          name: 'axios from require() in plain JavaScript',
          code: `
const axios = require('axios');
async function status(url) {
  const res = await axios.get(url, { responseType: 'stream' });
  return res.status;
}`,
          output: `
const axios = require('axios');
async function status(url) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.resume();
  setTimeout(() => res.data.destroy(), 1000).unref();
  return res.status;
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
          name: 'resume() drains instead of closing',
          code: `
import axios from 'axios';
async function status(url: string) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.resume();
  setTimeout(() => res.data.destroy(), 1000).unref();
  return res.status;
}`,
        },
        {
          name: 'destroy after the first chunk was read',
          code: `
import axios from 'axios';
async function first(url: string) {
  const { data } = await axios.get(url, { responseType: 'stream' });
  for await (const chunk of data) {
    data.destroy();
    return chunk;
  }
  return null;
}`,
        },
        {
          name: 'destroy in a branch that checked the content length',
          code: `
import axios from 'axios';
async function save(url: string, out: NodeJS.WritableStream) {
  const res = await axios.get(url, { responseType: 'stream' });
  if (Number(res.headers['content-length']) > 50_000_000) {
    res.data.destroy();
    return false;
  }
  res.data.pipe(out);
  return true;
}`,
        },
        {
          name: 'destroying the request of a response axios already read',
          code: `
import axios from 'axios';
async function load(url: string) {
  const res = await axios.get(url);
  res.request.destroy();
  return res.data;
}`,
        },
      ],
      invalid: [
        {
          name: 'response.data.destroy() after reading only the status',
          code: `
import axios from 'axios';
async function status(url: string) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.destroy();
  return res.status;
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
import axios from 'axios';
async function status(url: string) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.resume();
  setTimeout(() => res.data.destroy(), 1000).unref();
  return res.status;
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'aborting the request signal after the response destroys the stream',
          code: `
import axios from 'axios';
async function status(url: string) {
  const controller = new AbortController();
  const res = await axios.get(url, { responseType: 'stream', signal: controller.signal });
  controller.abort();
  return res.status;
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 6,
              column: 3,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  data: { target: '`res`', how: ' (reads for up to 1 s)' },
                  output: `
import axios from 'axios';
async function status(url: string) {
  const controller = new AbortController();
  const res = await axios.get(url, { responseType: 'stream', signal: controller.signal });
  res.data.resume();
  setTimeout(() => res.data.destroy(), 1000).unref();
  return res.status;
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'destroying the underlying request',
          code: `
import axios from 'axios';
async function status(url: string) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.request.destroy();
  return res.status;
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 5,
              column: 3,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  data: { target: '`res`', how: ' (reads for up to 1 s)' },
                  output: `
import axios from 'axios';
async function status(url: string) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.resume();
  setTimeout(() => res.data.destroy(), 1000).unref();
  return res.status;
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
