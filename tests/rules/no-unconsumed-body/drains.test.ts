import { runCases, type Invalid } from './run-cases.js';

/**
 * The drain a fix inserts: bounded by the options both rules share (`drainTimeoutMs`,
 * `drainMaxBytes`), written with the globals even where the file shadows them, given a parameter
 * when the callback ignores the response, and replaced by the user's own helper (`drainWith`),
 * imported as the file imports (ESM or CommonJS) without importing it twice. The runtime suite
 * shows each client's drain reusing its connection (docs/runtime-evidence.md).
 */
// A package name: a relative `module` is rewritten from ESLint's working directory, which the
// RuleTester does not fix (tests/lib/fixes/helper-import.test.ts covers that).
const helper = { module: '@acme/http', export: 'consumeBody' };

const invalid: Invalid[] = [
  {
    name: 'drainTimeoutMs sets the time limit of the inserted drain',
    options: [{ drainTimeoutMs: 250 }],
    code: `
async function isUp(url: string) {
  const res = await fetch(url);
  return res.ok;
}`,
    output: `
async function isUp(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(250) }).catch(() => {});
  return res.ok;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21 }],
  },
  {
    name: 'drainMaxBytes sets the dump limit of an undici.request drain',
    options: [{ drainMaxBytes: 512 * 1024 }],
    code: `
import { request } from 'undici';
async function isUp(url: string) {
  const res = await request(url);
  return res.statusCode === 200;
}`,
    output: `
import { request } from 'undici';
async function isUp(url: string) {
  const res = await request(url);
  await res.body.dump({ limit: 512 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.statusCode === 200;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
  },
  {
    name: 'a file that imports the promise setTimeout gets the global one for the timed close',
    code: `
import * as http from 'node:http';
import { setTimeout } from 'node:timers/promises';
export function ping(url: string, done: (ok: boolean) => void) {
  http.get(url, (res) => {
    done(res.statusCode === 200);
  });
}
export const pause = () => setTimeout(10);`,
    output: `
import * as http from 'node:http';
import { setTimeout } from 'node:timers/promises';
export function ping(url: string, done: (ok: boolean) => void) {
  http.get(url, (res) => {
    done(res.statusCode === 200);
    res.resume();
    globalThis.setTimeout(() => res.destroy(), 1000).unref();
  });
}
export const pause = () => setTimeout(10);`,
    errors: [{ messageId: 'unconsumedBody', line: 5, column: 3 }],
  },
  {
    name: 'a node:http callback that takes no parameter is given one, drained first',
    code: `
import * as http from 'node:http';
export function ping(url: string) {
  http.get(url, () => {
    console.log('pinged');
  });
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
export function ping(url: string) {
  http.get(url, (response) => {
    response.resume();
    setTimeout(() => response.destroy(), 1000).unref();
    console.log('pinged');
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'drainWith: the fix calls the helper and imports it',
    options: [{ drainWith: helper }],
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}`,
    output: `
import { consumeBody } from '@acme/http';
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await consumeBody(res);
    throw new Error(String(res.status));
  }
  return res.json();
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21 }],
  },
  {
    name: 'drainWith: the name joins an existing import of the module',
    options: [{ drainWith: helper }],
    code: `
import { logStatus } from '@acme/http';
async function isUp(url: string) {
  const res = await fetch(url);
  logStatus(res.status);
  return res.ok;
}`,
    output: `
import { logStatus, consumeBody } from '@acme/http';
async function isUp(url: string) {
  const res = await fetch(url);
  logStatus(res.status);
  await consumeBody(res);
  return res.ok;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
  },
  {
    name: 'drainWith: an existing import of the helper is reused, under its local name',
    options: [{ drainWith: helper }],
    code: `
import { consumeBody as drain } from '@acme/http';
async function isUp(url: string) {
  const res = await fetch(url);
  return res.ok;
}
export { drain };`,
    output: `
import { consumeBody as drain } from '@acme/http';
async function isUp(url: string) {
  const res = await fetch(url);
  await drain(res);
  return res.ok;
}
export { drain };`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
  },
  {
    name: 'drainWith: a namespace import is used as it is',
    options: [{ drainWith: helper }],
    code: `
import * as http from '@acme/http';
async function isUp(url: string) {
  const res = await fetch(url);
  return res.ok && http.ready;
}`,
    output: `
import * as http from '@acme/http';
async function isUp(url: string) {
  const res = await fetch(url);
  await http.consumeBody(res);
  return res.ok && http.ready;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21 }],
  },
  {
    name: 'drainWith: a name the file already uses gets a numbered alias',
    options: [{ drainWith: { module: '@acme/http', export: 'consumeBody' } }],
    code: `
import { other } from './other.js';
function consumeBody(value: unknown) {
  return other(value);
}
async function isUp(url: string) {
  const res = await fetch(url);
  return res.ok && consumeBody(res.status);
}`,
    output: `
import { other } from './other.js';
import { consumeBody as consumeBody2 } from '@acme/http';
function consumeBody(value: unknown) {
  return other(value);
}
async function isUp(url: string) {
  const res = await fetch(url);
  await consumeBody2(res);
  return res.ok && consumeBody(res.status);
}`,
    errors: [{ messageId: 'unconsumedBody', line: 7, column: 21 }],
  },
  {
    name: 'drainWith: a CommonJS file gets a require after its own',
    options: [{ drainWith: { module: '@acme/http', export: 'consumeBody' } }],
    code: `
'use strict';
const http = require('node:http');
async function isUp(url: string) {
  const res = await fetch(url);
  return res.ok && http.STATUS_CODES[res.status];
}`,
    output: `
'use strict';
const http = require('node:http');
const { consumeBody } = require('@acme/http');
async function isUp(url: string) {
  const res = await fetch(url);
  await consumeBody(res);
  return res.ok && http.STATUS_CODES[res.status];
}`,
    errors: [{ messageId: 'unconsumedBody', line: 5, column: 21 }],
  },
  {
    name: 'drainWith: clients it does not take keep the inline drain',
    options: [{ drainWith: { ...helper, clients: ['node-http'] } }],
    code: `
async function isUp(url: string) {
  const res = await fetch(url);
  return res.ok;
}`,
    output: `
async function isUp(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21 }],
  },
  {
    name: 'drainWith: a lone body is drained inline, the helper takes responses',
    options: [{ drainWith: helper }],
    code: `
import { request } from 'undici';
async function isUp(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) return false;
  return (await body.text()).length > 0;
}`,
    output: `
import { request } from 'undici';
async function isUp(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) {
    await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
    return false;
  }
  return (await body.text()).length > 0;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 38 }],
  },
];

runCases('drains', { both: { valid: [], invalid } });
