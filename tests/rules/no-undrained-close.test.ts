import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../rules/no-undrained-close.js';
import { createTypedRuleTester, createUntypedRuleTester } from '../rule-tester.js';

type Valid = ValidTestCase<Options>;
type Invalid = InvalidTestCase<MessageId, Options>;

/**
 * Closing a body nobody read: for fetch a cancel on any path that did not establish an error status
 * (a large body resets the connection; a small error document has arrived whole and survives), for
 * node:http and undici.request a destroy on any path. Each close form runs typed and untyped.
 */
const invalid: Invalid[] = [
  // fetch: `res.body.cancel()` / `res.body?.cancel()`
  {
    name: 'res.body.cancel() on the 200 path, the incident',
    code: `
async function isAvailable(url: string) {
  const res = await fetch(url);
  if (res.status === 200) {
    await res.body!.cancel();
    return true;
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: 'the body', how: ' (reads for up to 1 s)' },
            output: `
async function isAvailable(url: string) {
  const res = await fetch(url);
  if (res.status === 200) {
    await res.body!.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
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
    name: 'res.body?.cancel() after reading only the status',
    code: `
async function statusOf(url: string) {
  const res = await fetch(url);
  await res.body?.cancel();
  return res.status;
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 4,
        column: 9,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function statusOf(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'cancel after res.ok is true',
    code: `
async function ping(url: string) {
  const res = await fetch(url);
  if (res.ok) {
    await res.body?.cancel();
    return 'up';
  }
  throw new Error(await res.text());
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function ping(url: string) {
  const res = await fetch(url);
  if (res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return 'up';
  }
  throw new Error(await res.text());
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'cancel inside a 2xx range check',
    code: `
async function ping(url: string) {
  const res = await fetch(url);
  if (res.status >= 200 && res.status < 300) {
    await res.body?.cancel();
    return true;
  }
  return res.text();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function ping(url: string) {
  const res = await fetch(url);
  if (res.status >= 200 && res.status < 300) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return true;
  }
  return res.text();
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'cancel in the 200 case of a switch',
    code: `
async function ping(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      await res.body?.cancel();
      return true;
    default:
      return res.text();
  }
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 6,
        column: 13,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function ping(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      return true;
    default:
      return res.text();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'cancel as the lone statement of an if',
    code: `
async function ping(url: string) {
  const res = await fetch(url);
  if (res.status === 200) await res.body?.cancel();
  else return res.text();
  return 'ok';
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 4,
        column: 33,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function ping(url: string) {
  const res = await fetch(url);
  if (res.status === 200) await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  else return res.text();
  return 'ok';
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'un-awaited cancel in a .then callback',
    code: `
function ping(url: string) {
  return fetch(url).then((res) => {
    res.body?.cancel();
    return res.status;
  });
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 4,
        column: 5,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
function ping(url: string) {
  return fetch(url).then((res) => {
    void res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return res.status;
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'void cancel keeps its void',
    code: `
function ping(url: string) {
  return fetch(url).then((res) => {
    void res.body?.cancel();
    return res.status;
  });
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 4,
        column: 10,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
function ping(url: string) {
  return fetch(url).then((res) => {
    void res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return res.status;
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'cancel whose promise is caught keeps the .catch',
    code: `
async function ping(url: string) {
  const res = await fetch(url);
  if (res.ok) {
    res.body?.cancel().catch(() => {});
    return true;
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 5,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function ping(url: string) {
  const res = await fetch(url);
  if (res.ok) {
    res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
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
    name: 'cancel on a success path inside a loop',
    code: `
async function firstUp(urls: string[]) {
  for (const url of urls) {
    const res = await fetch(url);
    if (res.ok) {
      await res.body?.cancel();
      return url;
    }
    console.log(await res.text());
  }
  return undefined;
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 6,
        column: 13,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function firstUp(urls: string[]) {
  for (const url of urls) {
    const res = await fetch(url);
    if (res.ok) {
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      return url;
    }
    console.log(await res.text());
  }
  return undefined;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'cancel of a response awaited in an expression',
    code: `
async function ping(url: string) {
  const res = await fetch(url);
  if (res.status === 200) return Boolean(await res.body?.cancel());
  return res.json();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 4,
        column: 48,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function ping(url: string) {
  const res = await fetch(url);
  if (res.status === 200) return Boolean(await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}));
  return res.json();
}`,
          },
        ],
      },
    ],
  },
  // fetch: `reader.cancel()`
  {
    name: 'reader.cancel() on a reader that never read',
    code: `
async function peekStatus(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  await reader.cancel();
  return res.status;
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 9,
        suggestions: [],
      },
    ],
  },
  // fetch: `controller.abort()` when the controller's signal went to the request
  {
    name: 'controller.abort() after the response arrived',
    code: `
async function statusOf(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  controller.abort();
  return res.status;
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 3,
        // The close is on the controller: the drain of the response goes in its place.
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res`', how: ' (reads for up to 1 s)' },
            output: `
async function statusOf(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'controller.abort() on the success path',
    code: `
async function statusOf(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  if (res.ok) {
    controller.abort();
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
            data: { target: '`res`', how: ' (reads for up to 1 s)' },
            output: `
async function statusOf(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  if (res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return true;
  }
  return res.text();
}`,
          },
        ],
      },
    ],
  },
  // strict: `reportErrorPaths` reports the error-path cancel that `recommended` accepts
  {
    name: 'reportErrorPaths reports a cancel on an error path, and drains instead',
    options: [{ reportErrorPaths: true }],
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'drainWith: the close becomes a call of the helper on the response, imported',
    options: [{ drainWith: { module: '@acme/http', export: 'consumeBody' } }],
    code: `
import * as http from 'node:http';
export function probe(url: string) {
  http.get(url, (res) => {
    console.log(res.statusCode);
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
            data: { target: '`res`', how: ' with `consumeBody`' },
            output: `
import * as http from 'node:http';
import { consumeBody } from '@acme/http';
export function probe(url: string) {
  http.get(url, (res) => {
    console.log(res.statusCode);
    void consumeBody(res);
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'drainWith: a cancel of res.body calls the helper with res',
    options: [{ drainWith: { module: '@acme/http', export: 'consumeBody' } }],
    code: `
import { consumeBody } from '@acme/http';
export async function exists(url: string) {
  const res = await fetch(url);
  await res.body?.cancel();
  return res.ok;
}
export { consumeBody };`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 9,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res`', how: ' with `consumeBody`' },
            output: `
import { consumeBody } from '@acme/http';
export async function exists(url: string) {
  const res = await fetch(url);
  await consumeBody(res);
  return res.ok;
}
export { consumeBody };`,
          },
        ],
      },
    ],
  },
  // aliases and `finally` blocks
  {
    name: 'cancel through an alias of the response',
    code: `
async function statusOf(url: string) {
  const res = await fetch(url);
  const copy = res;
  await copy.body?.cancel();
  return res.status;
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 9,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`copy.body`', how: ' (reads for up to 1 s)' },
            output: `
async function statusOf(url: string) {
  const res = await fetch(url);
  const copy = res;
  await copy.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'cancel through the body held in a variable',
    code: `
async function statusOf(url: string) {
  const res = await fetch(url);
  const stream = res.body;
  await stream?.cancel();
  return res.status;
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 9,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`stream`', how: ' (reads for up to 1 s)' },
            output: `
async function statusOf(url: string) {
  const res = await fetch(url);
  const stream = res.body;
  await stream?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'cancel through a destructured body',
    code: `
async function statusOf(url: string) {
  const res = await fetch(url);
  const { body, status } = res;
  await body?.cancel();
  return status;
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 9,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`body`', how: ' (reads for up to 1 s)' },
            output: `
async function statusOf(url: string) {
  const res = await fetch(url);
  const { body, status } = res;
  await body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return status;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'cancel in finally after returning the status',
    code: `
async function isOk(url: string) {
  const res = await fetch(url);
  try {
    return res.status === 200;
  } finally {
    await res.body?.cancel();
  }
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 7,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function isOk(url: string) {
  const res = await fetch(url);
  try {
    return res.status === 200;
  } finally {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'cancel in finally reached by a success path that did not read',
    code: `
async function check(url: string) {
  const res = await fetch(url);
  try {
    if (!res.ok) throw new Error(String(res.status));
    return res.status;
  } finally {
    await res.body?.cancel();
  }
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 8,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function check(url: string) {
  const res = await fetch(url);
  try {
    if (!res.ok) throw new Error(String(res.status));
    return res.status;
  } finally {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  }
}`,
          },
        ],
      },
    ],
  },
  // deliberate closes after a size or kind check
  {
    name: 'reportDeliberate: cancel after comparing content-length',
    options: [{ reportDeliberate: true }],
    code: `
async function download(url: string) {
  const res = await fetch(url);
  const length = Number(res.headers.get('content-length'));
  if (length > 10_000_000) {
    await res.body?.cancel();
    throw new Error('too large');
  }
  return res.arrayBuffer();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 6,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function download(url: string) {
  const res = await fetch(url);
  const length = Number(res.headers.get('content-length'));
  if (length > 10_000_000) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error('too large');
  }
  return res.arrayBuffer();
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'reportDeliberate: cancel after the content type is not JSON',
    options: [{ reportDeliberate: true }],
    code: `
async function loadJson(url: string) {
  const res = await fetch(url);
  if (!res.headers.get('content-type')?.includes('application/json')) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function loadJson(url: string) {
  const res = await fetch(url);
  if (!res.headers.get('content-type')?.includes('application/json')) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'reportDeliberate: cancel of an event stream',
    options: [{ reportDeliberate: true }],
    code: `
async function loadJson(url: string) {
  const res = await fetch(url);
  if (res.headers.get('content-type') === 'text/event-stream') {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 5,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function loadJson(url: string) {
  const res = await fetch(url);
  if (res.headers.get('content-type') === 'text/event-stream') {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
}`,
          },
        ],
      },
    ],
  },
  // node:http and undici.request (per-client files in tests/rules/clients/ hold the rest)
  {
    // trigger.dev's streamsWriterV1.ts: the request's destroy after the response's closes nothing more.
    name: 'node:http res.destroy() then req.destroy(): one close, reported once',
    code: `
import { request } from 'node:http';
export function post(url: string) {
  const req = request(url, { method: 'POST' });
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      res.destroy();
      req.destroy();
      return;
    }
    res.resume();
  });
  req.end('x');
}`,
    errors: [
      {
        messageId: 'destroyUnread',
        line: 7,
        column: 7,
        data: { close: 'res.destroy()', response: "the \`request(url, { method: 'POST' })\` response (\`res\`)" },
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res`', how: ' (reads for up to 1 s)' },
            output: `
import { request } from 'node:http';
export function post(url: string) {
  const req = request(url, { method: 'POST' });
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      setTimeout(() => res.destroy(), 1000).unref();
      req.destroy();
      return;
    }
    res.resume();
  });
  req.end('x');
}`,
          },
        ],
      },
    ],
  },
  {

    name: 'node:http res.destroy() after reading the status',
    code: `
import * as http from 'node:http';
export function probe(url: string) {
  http.get(url, (res) => {
    console.log(res.statusCode);
    res.destroy();
  });
}`,
    errors: [
      {
        messageId: 'destroyUnread',
        line: 6,
        column: 5,
        data: { close: 'res.destroy()', response: 'the `http.get(…)` response (`res`)' },
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res`', how: ' (reads for up to 1 s)' },
            output: `
import * as http from 'node:http';
export function probe(url: string) {
  http.get(url, (res) => {
    console.log(res.statusCode);
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
    name: 'node:http res.destroy() on an error status is still reported',
    code: `
import * as http from 'node:http';
export function probe(url: string) {
  http.get(url, (res) => {
    if (res.statusCode !== 200) {
      res.destroy();
      return;
    }
    res.setEncoding('utf8');
    res.on('data', (chunk) => console.log(chunk));
  });
}`,
    errors: [
      {
        messageId: 'destroyUnread',
        line: 6,
        column: 7,
        data: { close: 'res.destroy()', response: 'the `http.get(…)` response (`res`)' },
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res`', how: ' (reads for up to 1 s)' },
            output: `
import * as http from 'node:http';
export function probe(url: string) {
  http.get(url, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      setTimeout(() => res.destroy(), 1000).unref();
      return;
    }
    res.setEncoding('utf8');
    res.on('data', (chunk) => console.log(chunk));
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'undici body.destroy() after reading the status',
    code: `
import { request } from 'undici';
export async function statusOf(url: string) {
  const { statusCode, body } = await request(url);
  body.destroy();
  return statusCode;
}`,
    errors: [
      {
        messageId: 'destroyUnread',
        line: 5,
        column: 3,
        data: { close: 'body.destroy()', response: 'the `request(url)` response (`body`)' },
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`body`', how: ' (reads up to 2 MiB, for up to 1 s)' },
            output: `
import { request } from 'undici';
export async function statusOf(url: string) {
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
    name: 'undici body.destroy() on an error status is still reported',
    code: `
import { request } from 'undici';
export async function load(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 400) {
    body.destroy();
    return null;
  }
  return body.json();
}`,
    errors: [
      {
        messageId: 'destroyUnread',
        line: 6,
        column: 5,
        data: { close: 'body.destroy()', response: 'the `request(url)` response (`body`)' },
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`body`', how: ' (reads up to 2 MiB, for up to 1 s)' },
            output: `
import { request } from 'undici';
export async function load(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 400) {
    await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return body.json();
}`,
          },
        ],
      },
    ],
  },

  {
    name: 'a release helper called after nothing but the status check closes the unread body at the call',
    code: `
async function release(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {}
}
export async function exists(url: string) {
  const res = await fetch(url);
  await release(res);
  return res.ok;
}
`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 9,
        column: 9,
        suggestions: [{ messageId: 'drainInstead', data: { target: '`res`', how: ' (reads for up to 1 s)' }, output: `
async function release(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {}
}
export async function exists(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}
` }],
      },
    ],
  },
  {
    name: 'aborting a pooled request through a helper after only the status destroys the unread response at the call',
    code: `
import * as http from 'node:http';
import * as net from 'node:net';
function abortHandshake(req: http.ClientRequest, message: string) {
  req.abort();
  if (req.socket) req.socket.destroy();
  console.error(message);
}
export function connect(url: string) {
  const opts: http.RequestOptions = { path: url };
  const req = http.request(opts);
  req.on('response', (res) => {
    if (res.statusCode !== 101) {
      abortHandshake(req, 'unexpected status');
      return;
    }
    res.resume();
  });
  req.end();
}
`,
    errors: [{ messageId: 'destroyUnread', line: 14, column: 7 }],
  },
];

/** Reads, error paths, deliberate stops, bodiless responses: closing there costs nothing or was chosen. */
const valid: Valid[] = [
  {
    name: 'cancelling a clone lets go of its half of the tee only: no connection is closed',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  if (res.headers.get('content-type') !== 'application/json') {
    void copy.body?.cancel().catch(() => {});
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
}`,
  },
  // fetch: `res.body.cancel()` / `res.body?.cancel()`
  {
    name: 'cancel after !res.ok',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(\`HTTP \${res.status}\`);
  }
  return res.json();
}`,
  },
  {
    name: 'cancel after status >= 400',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.status >= 400) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'cancel in 4xx/5xx cases of a switch',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 404:
    case 500:
      await res.body?.cancel();
      return null;
    default:
      return res.json();
  }
}`,
  },
  {
    name: 'cancel in a retry loop after a 503',
    code: `
async function withRetry(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status === 503) {
      await res.body?.cancel();
      continue;
    }
    return res.json();
  }
  throw new Error('unavailable');
}`,
  },
  {
    name: 'cancel after the body was read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const text = await res.text();
  await res.body?.cancel();
  return text;
}`,
  },
  {
    name: 'cancel on !ok as the lone statement of an if',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) return void (await res.body?.cancel());
  return res.json();
}`,
  },
  {
    name: 'cancel of a stream that is not a response body',
    code: `
async function stop(stream: ReadableStream<Uint8Array>) {
  await stream.cancel();
}`,
  },
  {
    name: 'a local fetch that returns something else',
    code: `
interface Stream { cancel(): Promise<void> }
declare function fetch(url: string): Promise<{ status: number; body: Stream }>;
async function isUp(url: string) {
  const res = await fetch(url);
  await res.body.cancel();
  return res.status;
}`,
  },
  // fetch: `reader.cancel()`
  {
    name: 'reader.cancel() after a while (true) read loop with break',
    code: `
async function firstKilobyte(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  let total = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > 1024) break;
  }
  await reader.cancel();
  return total;
}`,
  },
  {
    name: 'reader.cancel() after a for (;;) read loop with break',
    code: `
async function firstChunk(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done || chunk.value.length > 0) break;
  }
  await reader.cancel();
}`,
  },
  {
    name: 'reader.cancel() after one read',
    code: `
async function firstChunk(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  const first = await reader.read();
  await reader.cancel();
  return first.value;
}`,
  },
  {
    name: 'for await with break, then cancel',
    code: `
async function head(url: string) {
  const res = await fetch(url);
  let first: Uint8Array | undefined;
  for await (const chunk of res.body!) {
    first = chunk;
    break;
  }
  await res.body?.cancel();
  return first;
}`,
  },
  // fetch: `controller.abort()` when the controller's signal went to the request
  {
    name: 'abort in a timeout callback',
    code: `
async function load(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  const res = await fetch(url, { signal: controller.signal });
  clearTimeout(timer);
  return res.json();
}`,
  },
  {
    name: 'abort after reading the body',
    code: `
async function load(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const text = await res.text();
  controller.abort();
  return text;
}`,
  },
  {
    // astro's endpoint-response.test.ts: the abort ends a request that may still be in flight, as a
    // timeout does; whether a body had arrived to be thrown away is a may.
    name: 'abort before the promise of the response is awaited',
    code: `
async function bail(url: string) {
  const controller = new AbortController();
  const pending = fetch(url, { signal: controller.signal });
  await new Promise((resolve) => setTimeout(resolve, 500));
  controller.abort();
  try {
    await pending;
  } catch (error) {
    console.log((error as Error).name);
  }
}`,
  },
  {
    name: 'abort of a controller whose signal went elsewhere',
    code: `
async function load(url: string) {
  const controller = new AbortController();
  const res = await fetch(url);
  controller.abort();
  return res.json();
}`,
  },
  {
    name: 'abort on an error path',
    code: `
async function load(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  if (!res.ok) {
    controller.abort();
    throw new Error(String(res.status));
  }
  return res.json();
}`,
  },
  // aliases and `finally` blocks
  {
    name: 'cancel in finally after the try block read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  try {
    if (!res.ok) throw new Error(String(res.status));
    return await res.json();
  } finally {
    await res.body?.cancel();
  }
}`,
  },
  {
    name: 'alias cancelled after !ok',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const { body } = res;
  if (!res.ok) {
    await body?.cancel();
    return null;
  }
  return res.json();
}`,
  },
  // deliberate closes after a size or kind check
  {
    name: 'cancel after comparing content-length',
    code: `
async function download(url: string) {
  const res = await fetch(url);
  const length = Number(res.headers.get('content-length'));
  if (length > 10_000_000) {
    await res.body?.cancel();
    throw new Error('too large');
  }
  return res.arrayBuffer();
}`,
  },
  {
    name: 'cancel after the content type is not JSON',
    code: `
async function loadJson(url: string) {
  const res = await fetch(url);
  if (!res.headers.get('content-type')?.includes('application/json')) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'cancel of an event stream',
    code: `
async function loadJson(url: string) {
  const res = await fetch(url);
  if (res.headers.get('content-type') === 'text/event-stream') {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'reportDeliberate alone still allows cancel on an error path',
    options: [{ reportDeliberate: true }],
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
  },
  // responses without a body
  {
    name: 'cancel of a HEAD response',
    code: `
async function exists(url: string) {
  const res = await fetch(url, { method: 'HEAD' });
  await res.body?.cancel();
  return res.ok;
}`,
  },
  {
    name: 'cancel of a 204 or 304 response',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.status === 204 || res.status === 304) {
    await res.body?.cancel();
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'cancel of a 304 response',
    code: `
async function revalidate(url: string, etag: string) {
  const res = await fetch(url, { headers: { 'if-none-match': etag } });
  if (res.status === 304) {
    await res.body?.cancel();
    return undefined;
  }
  return res.text();
}`,
  },
  // node:http and undici.request (per-client files in tests/rules/clients/ hold the rest)
  {
    name: 'node:http res.resume()',
    code: `
import * as http from 'node:http';
export function probe(url: string) {
  http.get(url, (res) => {
    console.log(res.statusCode);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
  },
  {
    name: 'undici body.dump()',
    code: `
import { request } from 'undici';
export async function statusOf(url: string) {
  const { statusCode, body } = await request(url);
  await body.dump();
  return statusCode;
}`,
  },

  {
    name: 'a release helper (it only cancels its parameter) is not itself a close; its call on an error path is accepted',
    code: `
async function release(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {}
}
export async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await release(res);
    throw new Error(\`HTTP \${res.status}\`);
  }
  return res.json();
}
`,
  },
  {
    name: 'a parameter typed Response that no caller gives a fetched response (a server sends what its app built)',
    code: `
async function sendIfFresh(res: Response, stale: boolean) {
  if (stale) {
    await res.body?.cancel();
    return false;
  }
  return res.text();
}
export async function serve(render: () => Promise<Response>) {
  return sendIfFresh(await render(), false);
}`,
  },
  {
    name: 'an upgrade request on a socket of its own loses nothing when a helper aborts it (ws)',
    code: `
import * as http from 'node:http';
import * as net from 'node:net';
function abortHandshake(req: http.ClientRequest, message: string) {
  req.abort();
  if (req.socket) req.socket.destroy();
  console.error(message);
}
export function connect(url: string) {
  const opts: http.RequestOptions = { path: url };
  opts.createConnection = () => net.connect(80);
  opts.headers = { Connection: 'Upgrade', Upgrade: 'websocket' };
  const req = http.request(opts);
  req.on('response', (res) => {
    if (res.statusCode !== 101) {
      abortHandshake(req, 'unexpected status');
      return;
    }
    res.resume();
  });
  req.end();
}
`,
  },
  {
    name: 'an upgrade request assigned to a `let` and configured through its options object loses nothing when aborted (ws)',
    code: `
import * as http from 'node:http';
import * as https from 'node:https';
function abortHandshake(websocket, stream, message) {
  if (stream.setHeader) {
    stream.abort();
    if (stream.socket && !stream.socket.destroyed) stream.socket.destroy();
  } else {
    stream.destroy(new Error(message));
  }
}
export function connect(websocket, opts, isSecure) {
  const request = isSecure ? https.request : http.request;
  opts.createConnection = opts.createConnection || (() => null);
  opts.headers = { ...opts.headers, Connection: 'Upgrade' };
  let req;
  req = websocket._req = request(opts);
  req.on('response', (res) => {
    if (res.statusCode !== 101) {
      abortHandshake(websocket, req, 'Unexpected server response');
      return;
    }
    req.abort();
  });
}
`,
  },
];

/** Only the type checker knows these hold a fetch `Response`. */
const typedInvalid: Invalid[] = [
  {
    name: 'the same request without the upgrade options is pooled: aborting it after only the status destroys the unread response',
    code: `
import * as http from 'node:http';
import * as https from 'node:https';
function abortHandshake(websocket, stream, message) {
  if (stream.setHeader) {
    stream.abort();
    if (stream.socket && !stream.socket.destroyed) stream.socket.destroy();
  } else {
    stream.destroy(new Error(message));
  }
}
export function connect(websocket, opts, isSecure) {
  const request = isSecure ? https.request : http.request;
  let req;
  req = websocket._req = request(opts);
  req.on('response', (res) => {
    if (res.statusCode !== 101) {
      abortHandshake(websocket, req, 'Unexpected server response');
      return;
    }
    req.abort();
  });
}
`,
    errors: [{ messageId: 'destroyUnread', line: 21, column: 5 }],
  },
  {
    name: 'a wrapper typed to return Promise<Response>',
    code: `
async function getRaw(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: 'application/json' } });
}
async function isUp(url: string) {
  const res = await getRaw(url);
  if (res.ok) {
    await res.body?.cancel();
    return true;
  }
  return res.text();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 8,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function getRaw(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: 'application/json' } });
}
async function isUp(url: string) {
  const res = await getRaw(url);
  if (res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return true;
  }
  return res.text();
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a parameter typed Response, which a caller gives a fetched response',
    code: `
async function isUp(res: Response) {
  if (res.status === 200) {
    await res.body?.cancel();
    return true;
  }
  return res.json();
}
export const check = async (url: string) => isUp(await fetch(url));`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 4,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function isUp(res: Response) {
  if (res.status === 200) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return true;
  }
  return res.json();
}
export const check = async (url: string) => isUp(await fetch(url));`,
          },
        ],
      },
    ],
  },

];

/** Without types, a wrapper is opaque unless the `producers` option names it. */
const untypedValid: Valid[] = [
  {
    name: 'without types a wrapper whose request options come from its caller is not followed (it may send a HEAD)',
    code: `
async function getRaw(url: string, init: RequestInit): Promise<Response> {
  return fetch(url, init);
}
async function isUp(url: string) {
  const res = await getRaw(url, { headers: { accept: 'application/json' } });
  if (res.ok) {
    await res.body?.cancel();
    return true;
  }
  return res.text();
}`,
  },

];

const untypedInvalid: Invalid[] = [
  {
    name: 'without types the producers option names the wrapper',
    options: [{ producers: ['getRaw'] }],
    code: `
async function getRaw(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: 'application/json' } });
}
async function isUp(url: string) {
  const res = await getRaw(url);
  if (res.ok) {
    await res.body?.cancel();
    return true;
  }
  return res.text();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 8,
        column: 11,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
async function getRaw(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: 'application/json' } });
}
async function isUp(url: string) {
  const res = await getRaw(url);
  if (res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return true;
  }
  return res.text();
}`,
          },
        ],
      },
    ],
  },

];

createTypedRuleTester().run('no-undrained-close (typed)', rule, {
  valid,
  invalid: [...invalid, ...typedInvalid],
});

createUntypedRuleTester().run('no-undrained-close (untyped)', rule, {
  valid: [...valid, ...untypedValid],
  invalid: [...invalid, ...untypedInvalid],
});
