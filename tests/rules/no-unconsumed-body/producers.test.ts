import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * What counts as a fetch response. Without type information the rule goes by names and imports:
 * the global `fetch`, `globalThis.fetch`, `fetch` from undici, node-fetch's default export. With
 * types it goes by the value's type, which adds user wrappers typed `Promise<Response>` and drops
 * a local function that only happens to be called `fetch`.
 */
const valid: Valid[] = [
  {
    name: 'undici fetch whose body is read',
    code: `
import { fetch } from 'undici';
async function load(url: string) {
  const res = await fetch(url);
  return res.json();
}`,
  },
  {
    name: 'node-fetch response whose Node stream body is resumed',
    code: `
import fetch from 'node-fetch';
async function isUp(url: string) {
  const res = await fetch(url);
  res.body?.resume();
  setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
  return res.ok;
}`,
  },
  {
    name: 'node-fetch buffer() reads the body',
    code: `
import fetch from 'node-fetch';
async function download(url: string) {
  const res = await fetch(url);
  return res.buffer();
}`,
  },
  {
    name: 'node-fetch body piped to a file',
    code: `
import { createWriteStream } from 'node:fs';
import fetch from 'node-fetch';
async function save(url: string, path: string) {
  const res = await fetch(url);
  res.body?.pipe(createWriteStream(path));
}`,
  },
  {
    name: 'globalThis.fetch whose body is read',
    code: `
async function load(url: string) {
  const res = await globalThis.fetch(url);
  return res.text();
}`,
  },
  {
    name: 'a local function named fetch that returns a plain object',
    code: `
function fetch(id: string) {
  return Promise.resolve({ id, ok: true, status: 200 });
}
async function isKnown(id: string) {
  const res = await fetch(id);
  return res.ok;
}`,
  },
  {
    name: 'a fetch method of an unrelated object',
    code: `
declare const store: { fetch(id: string): Promise<{ ok: boolean }> };
async function isKnown(id: string) {
  const res = await store.fetch(id);
  return res.ok;
}`,
  },
  {
    name: 'a fetch parameter that is not the global',
    code: `
async function isKnown(fetch: (id: string) => Promise<{ ok: boolean }>, id: string) {
  const res = await fetch(id);
  return res.ok;
}`,
  },
  {
    name: 'Response.json() builds a response in memory',
    code: `
function reply(data: unknown) {
  const res = Response.json(data);
  return res.status;
}`,
  },
  {
    name: 'Response.error() builds a response in memory',
    code: `
function fail() {
  const res = Response.error();
  return res.ok;
}`,
  },
  {
    name: 'new Response() has no connection behind it',
    code: `
function fake() {
  const res = new Response('x', { status: 500 });
  return res.ok;
}`,
  },
  {
    name: 'a wrapper that returns new Response() is not a producer',
    code: `
async function fakeFetch(_url: string): Promise<Response> {
  return new Response('{}', { status: 200 });
}
async function isUp(url: string) {
  const res = await fakeFetch(url);
  return res.ok;
}`,
  },
  {
    name: 'a wrapper typed Promise<Response> whose result is read',
    code: `
async function get(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: 'application/json' } });
}
async function load(url: string) {
  const res = await get(url);
  return res.json();
}`,
  },
  {
    name: 'a response received as a parameter is the caller’s business',
    code: `
function isJson(res: Response) {
  return res.headers.get('content-type')?.includes('json') ?? false;
}`,
  },
  {
    name: 'module top-level code that reads the body',
    code: `
const res = await fetch('https://example.com/config.json');
export const config = await res.json();`,
  },
  {
    name: 'a declared local fetch that returns something else',
    code: `
declare function fetch(id: string): Promise<{ ok: boolean }>;
async function isKnown(id: string) {
  const res = await fetch(id);
  return res.ok;
}`,
  },
  {
    name: 'a call through an any-typed client is left alone',
    code: `
declare const client: any;
async function isUp(url: string) {
  const res = await client(url);
  return res.ok;
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'fire-and-forget fetch(u)',
    code: `
function ping(url: string) {
  fetch(url);
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 3,
        data: { response: 'the `fetch(url)` response', exit: 'it is dropped at line 3' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`response`', lines: 'line 3', how: ' (reads for up to 1 s)' },
            output: `
function ping(url: string) {
  void fetch(url).then((response) => response.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}));
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'await fetch(u) as a statement',
    code: `
async function ping(url: string) {
  await fetch(url, { method: 'POST' });
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 9,
        data: { response: 'the `fetch(url, { method: \'POST\' })` response', exit: 'it is dropped at line 3' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: 'the `fetch(url, { method: \'POST\' })` response', lines: 'line 3', how: ' (reads for up to 1 s)' },
            output: `
async function ping(url: string) {
  await (await fetch(url, { method: 'POST' })).body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'void fetch(u)',
    code: `
function ping(url: string) {
  void fetch(url);
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 8,
        data: { response: 'the `fetch(url)` response', exit: 'it is dropped at line 3' },
      },
    ],
  },
  {
    name: 'fetch(u).catch() fire-and-forget',
    code: `
function ping(url: string) {
  fetch(url).catch(() => undefined);
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 3,
        data: { response: 'the `fetch(url)` response', exit: 'it is dropped at line 3' },
      },
    ],
  },
  {
    name: '.then(r => r.ok) whose result is dropped',
    code: `
function ping(url: string) {
  fetch(url).then((r) => r.ok);
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 3,
        data: { response: 'the `fetch(url)` response (`r`)', exit: 'the callback returns at line 3' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`r`', lines: 'line 3', how: ' (reads for up to 1 s)' },
            output: `
function ping(url: string) {
  fetch(url).then(async (r) => { const value = r.ok; await r.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}); return value; });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'module top-level code that reads only the status',
    code: `
const res = await fetch('https://example.com/health');
console.log(res.status);`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 2,
        column: 19,
        data: { response: 'the `fetch(…)` response (`res`)', exit: 'the module ends at line 3' },
      },
    ],
  },
  {
    name: 'module top-level fire-and-forget',
    code: `
await fetch('https://example.com/warm-up');`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 2,
        column: 7,
        data: { response: 'the `fetch(…)` response', exit: 'it is dropped at line 2' },
      },
    ],
  },
  {
    name: 'undici fetch that throws before reading',
    code: `
import { fetch } from 'undici';
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(res.statusText);
  return res.json();
}`,
    output: `
import { fetch } from 'undici';
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error(res.statusText);
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function throws at line 5' },
      },
    ],
  },
  {
    name: 'undici namespace import',
    code: `
import * as undici from 'undici';
async function isUp(url: string) {
  const res = await undici.fetch(url);
  return res.ok;
}`,
    output: `
import * as undici from 'undici';
async function isUp(url: string) {
  const res = await undici.fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 21,
        data: { response: 'the `undici.fetch(url)` response (`res`)', exit: 'the function returns at line 5' },
      },
    ],
  },
  {
    name: 'node-fetch default import that reads only the status',
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
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' },
      },
    ],
  },
  {
    name: 'node-fetch default import under another name that returns early on an error',
    code: `
import nodeFetch from 'node-fetch';
async function load(url: string) {
  const res = await nodeFetch(url);
  if (res.status >= 400) return undefined;
  return res.json();
}`,
    output: `
import nodeFetch from 'node-fetch';
async function load(url: string) {
  const res = await nodeFetch(url);
  if (res.status >= 400) {
    res.body?.resume();
    setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
    return undefined;
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 21,
        data: { response: 'the `nodeFetch(url)` response (`res`)', exit: 'the function returns at line 5' },
      },
    ],
  },
  {
    name: 'an arrow function that returns the status of a fetch',
    code: `
export const isUp = async (url: string) => (await fetch(url)).ok;`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 2,
        column: 51,
        data: { response: 'the `fetch(url)` response', exit: 'it is dropped at line 2' },
      },
    ],
  },
  {
    // Untyped, `globalThis` is an implicit lib variable with no definitions: still the global.
    name: 'globalThis.fetch that reads only the status',
    code: `
async function isUp(url: string) {
  const res = await globalThis.fetch(url);
  return res.ok;
}`,
    output: `
async function isUp(url: string) {
  const res = await globalThis.fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `globalThis.fetch(url)` response (`res`)', exit: 'the function returns at line 4' },
      },
    ],
  },
  {
    name: 'a wrapper typed Promise<Response> that returns fetch is a producer (without types, by its body)',
    code: `
async function get(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: 'application/json' } });
}
async function isUp(url: string) {
  const res = await get(url);
  return res.ok;
}`,
    output: `
async function get(url: string): Promise<Response> {
  return fetch(url, { headers: { accept: 'application/json' } });
}
async function isUp(url: string) {
  const res = await get(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 6,
        column: 21,
        data: { response: 'the `get(url)` response (`res`)', exit: 'the function returns at line 7' },
      },
    ],
  },
  {
    name: 'an arrow wrapper that returns the fetch promise is a producer (without types, by its body)',
    code: `
const api = (path: string) => fetch(\`https://api.example.com\${path}\`);
async function remove(id: string) {
  const res = await api(\`/items/\${id}\`);
  if (!res.ok) throw new Error(\`delete failed: \${res.status}\`);
  return res.json();
}`,
    output: `
const api = (path: string) => fetch(\`https://api.example.com\${path}\`);
async function remove(id: string) {
  const res = await api(\`/items/\${id}\`);
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error(\`delete failed: \${res.status}\`);
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 21,
        data: { response: 'the `api(…)` response (`res`)', exit: 'the function throws at line 5' },
      },
    ],
  },
];

/** Only the type checker can see these: a user function is a producer because of its return type. */
/** A same-file wrapper annotated with a response type of the code's own making (posthog-node). */
const wrapperOfOwnType = `
type FetchResponse = { status: number; json(): Promise<unknown> };
async function get(url: string): Promise<FetchResponse> {
  return fetch(url);
}
async function isUp(url: string) {
  const res = await get(url);
  return res.status === 200;
}`;

const typedOnly = {
  valid: [] as Valid[],
  invalid: [
    {
      name: 'a declared function typed to return a Response subtype is a producer',
      code: `
interface ApiResponse extends Response {}
declare function api(path: string): Promise<ApiResponse>;
async function isUp() {
  const res = await api('/health');
  return res.ok;
}`,
      output: `
interface ApiResponse extends Response {}
declare function api(path: string): Promise<ApiResponse>;
async function isUp() {
  const res = await api('/health');
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}`,
      errors: [
        {
          messageId: 'unconsumedBody',
          line: 5,
          column: 21,
          data: { response: 'the `api(\'/health\')` response (`res`)', exit: 'the function returns at line 6' },
        },
      ],
    },
    {
      // Found in posthog-node's feature-flag poller. The checker calls the result a
      // `FetchResponse`; the body shows the wrapper gives back what `fetch` made. A drain naming
      // `res.body` would not type-check against that type: no fix (without types it gets one).
      name: 'a same-file wrapper annotated with a response type of its own making',
      code: wrapperOfOwnType,
      output: null,
      errors: [{ messageId: 'unconsumedBody', line: 7, column: 21, data: { response: 'the `get(url)` response (`res`)', exit: 'the function returns at line 8' } }],
    },
  ] as Invalid[],
};

/**
 * Without types the same wrappers are unknown functions: their results are not followed. The
 * wrapper itself returns the fetch, which is a hand-off, so nothing is reported anywhere.
 */
const untypedOnly = {
  valid: [
    {
      name: 'without types a declared function returning a Response is unknown',
      code: `
interface ApiResponse extends Response {}
declare function api(path: string): Promise<ApiResponse>;
async function isUp() {
  const res = await api('/health');
  return res.ok;
}`,
    },
  ] as Valid[],
  invalid: [
    {
      name: 'a same-file wrapper annotated with a response type of its own making gets the drain',
      code: wrapperOfOwnType,
      output: wrapperOfOwnType.replace('  return res.status', `  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});\n  return res.status`),
      errors: [{ messageId: 'unconsumedBody', line: 7, column: 21 }],
    },
    {
      name: 'node-fetch through require()',
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
      errors: [
        {
          messageId: 'unconsumedBody',
          line: 4,
          column: 21,
          data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' },
        },
      ],
    },
    {
      name: 'undici fetch destructured from require()',
      code: `
const { fetch } = require('undici');
async function isUp(url) {
  const res = await fetch(url);
  return res.ok;
}`,
      output: `
const { fetch } = require('undici');
async function isUp(url) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}`,
      errors: [
        {
          messageId: 'unconsumedBody',
          line: 4,
          column: 21,
          data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' },
        },
      ],
    },
  ] as Invalid[],
};

runCases('producers', { both: { valid, invalid }, typedOnly, untypedOnly });
