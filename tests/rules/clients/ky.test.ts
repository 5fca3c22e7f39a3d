import { runClientCases } from './client-cases.js';

/**
 * ky 1: `await ky(url)` and `ky.get(url)` resolve to the runtime's fetch `Response`, so the fetch
 * rules apply and the fetch drains are inserted; the body shortcuts on the returned promise
 * (`ky(url).json()`) read the body. ky rejects non-2xx responses with `HTTPError` unless
 * `throwHttpErrors` is turned off, so by default a branch that tests for an error status is dead.
 */
runClientCases('ky', {
  'no-unconsumed-body': {
    both: {
      valid: [
        {
          name: 'json() shortcut on the returned promise',
          code: `
import ky from 'ky';
async function load(url: string) {
  return ky(url).json();
}`,
        },
        {
          name: 'text() shortcut on ky.get()',
          code: `
import ky from 'ky';
async function load(url: string) {
  const text = await ky.get(url).text();
  return text.length;
}`,
        },
        {
          name: 'an awaited response whose body is read',
          code: `
import ky from 'ky';
async function load(url: string) {
  const res = await ky.post(url, { json: { id: 1 } });
  return res.json();
}`,
        },
        {
          name: 'a then callback that reads the body',
          code: `
import ky from 'ky';
function load(url: string) {
  return ky(url).then((res) => res.text());
}`,
        },
        {
          name: 'the body stream piped to a sink',
          code: `
import ky from 'ky';
async function save(url: string, sink: WritableStream<Uint8Array>) {
  const res = await ky(url);
  await res.body?.pipeTo(sink);
}`,
        },
        {
          name: 'the response is returned to the caller',
          code: `
import ky from 'ky';
async function open(url: string) {
  const res = await ky(url);
  return res;
}`,
        },
        {
          name: 'an error-status branch is dead: ky throws HTTPError first',
          code: `
import ky from 'ky';
async function load(url: string) {
  const res = await ky(url);
  if (!res.ok) return null;
  return res.json();
}`,
        },
        {
          name: 'throwHttpErrors: true keeps the default',
          code: `
import ky from 'ky';
async function load(url: string) {
  const res = await ky.get(url, { throwHttpErrors: true });
  if (res.status >= 400) throw new Error('unreachable');
  return res.json();
}`,
        },
        {
          name: 'a HEAD request has no body',
          code: `
import ky from 'ky';
async function etag(url: string) {
  const res = await ky.head(url);
  return res.headers.get('etag');
}`,
        },
        {
          name: 'a shortcut on an instance made with extend()',
          code: `
import ky from 'ky';
const api = ky.extend({ prefixUrl: 'http://localhost:3000' });
async function load(path: string) {
  return api(path).json();
}`,
        },
      ],
      invalid: [
        {
          name: 'early return leaves the body unread',
          code: `
import ky from 'ky';
async function load(url: string, wanted: boolean) {
  const res = await ky(url);
  if (!wanted) return null;
  return res.json();
}`,
          output: `
import ky from 'ky';
async function load(url: string, wanted: boolean) {
  const res = await ky(url);
  if (!wanted) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'error branch leaks once throwHttpErrors is off',
          code: `
import ky from 'ky';
async function load(url: string) {
  const res = await ky.get(url, { throwHttpErrors: false });
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}`,
          output: `
import ky from 'ky';
async function load(url: string) {
  const res = await ky.get(url, { throwHttpErrors: false });
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error(String(res.status));
  }
  return res.json();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'an instance created with throwHttpErrors off leaks on its 404 branch',
          code: `
import ky from 'ky';
const api = ky.create({ prefixUrl: 'http://localhost:3000', throwHttpErrors: false });
async function find(path: string) {
  const res = await api.get(path);
  if (res.status === 404) return null;
  return res.json();
}`,
          output: `
import ky from 'ky';
const api = ky.create({ prefixUrl: 'http://localhost:3000', throwHttpErrors: false });
async function find(path: string) {
  const res = await api.get(path);
  if (res.status === 404) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 21 }],
        },
        {
          name: 'only the status is read',
          code: `
import ky from 'ky';
async function status(url: string) {
  const res = await ky(url);
  return res.status;
}`,
          output: `
import ky from 'ky';
async function status(url: string) {
  const res = await ky(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
        },
        {
          name: 'destructuring only the status drops the body',
          code: `
import ky from 'ky';
async function status(url: string) {
  const { status } = await ky.delete(url);
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
                  data: { target: '`body`', lines: 'line 4', how: ' (reads for up to 1 s)' },
                  output: `
import ky from 'ky';
async function status(url: string) {
  const { status, body } = await ky.delete(url);
  await body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return status;
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'an awaited POST whose response is discarded',
          code: `
import ky from 'ky';
async function send(url: string) {
  await ky.post(url, { json: {} });
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
import ky from 'ky';
async function send(url: string) {
  await (await ky.post(url, { json: {} })).body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'a then callback that only reads the status',
          code: `
import ky from 'ky';
function status(url: string) {
  return ky(url).then((res) => res.status);
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
import ky from 'ky';
function status(url: string) {
  return ky(url).then(async (res) => { const value = res.status; await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}); return value; });
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
          name: 'a wrapper typed to return KyResponse is a producer',
          code: `
import ky, { type KyResponse } from 'ky';
async function get(url: string): Promise<KyResponse> {
  return ky(url);
}
async function status(url: string) {
  const res = await get(url);
  return res.status;
}`,
          output: `
import ky, { type KyResponse } from 'ky';
async function get(url: string): Promise<KyResponse> {
  return ky(url);
}
async function status(url: string) {
  const res = await get(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 7, column: 21 }],
        },
      ],
    },
  },
  'no-undrained-close': {
    both: {
      valid: [
        {
          name: 'cancelling a small error body once throwHttpErrors is off',
          code: `
import ky from 'ky';
async function load(url: string) {
  const res = await ky(url, { throwHttpErrors: false });
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(String(res.status));
  }
  return res.json();
}`,
        },
        {
          name: 'a reader loop that stops early',
          code: `
import ky from 'ky';
async function firstChunk(url: string) {
  const res = await ky(url);
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  return value;
}`,
        },
        {
          name: 'cancel in a branch that checked the content type',
          code: `
import ky from 'ky';
async function load(url: string) {
  const res = await ky(url);
  if (res.headers.get('content-type') !== 'application/json') {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
        },
      ],
      invalid: [
        {
          name: 'cancelling the body on the success path',
          code: `
import ky from 'ky';
async function isOk(url: string) {
  const res = await ky.get(url);
  if (res.status === 200) {
    await res.body?.cancel();
    return true;
  }
  return res.json();
}`,
          errors: [
            {
              messageId: 'cancelUnread',
              line: 6,
              column: 11,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import ky from 'ky';
async function isOk(url: string) {
  const res = await ky.get(url);
  if (res.status === 200) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return true;
  }
  return res.json();
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'cancelling a reader that never read',
          code: `
import ky from 'ky';
async function status(url: string) {
  const res = await ky(url);
  const reader = res.body!.getReader();
  await reader.cancel();
  return res.status;
}`,
          errors: [{ messageId: 'cancelUnread', line: 6, column: 9 }],
        },
        {
          name: 'aborting the signal after the response arrived',
          code: `
import ky from 'ky';
async function status(url: string) {
  const controller = new AbortController();
  const res = await ky(url, { signal: controller.signal });
  controller.abort();
  return res.status;
}`,
          errors: [
            {
              messageId: 'cancelUnread',
              line: 6,
              column: 3,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  data: { target: '`res`', how: ' (reads for up to 1 s)' },
                  output: `
import ky from 'ky';
async function status(url: string) {
  const controller = new AbortController();
  const res = await ky(url, { signal: controller.signal });
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
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
