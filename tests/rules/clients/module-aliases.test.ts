import { runClientCases } from './client-cases.js';

/**
 * Client modules reached through aliases, as JavaScript without types writes them: a module picked
 * at run time (`const transport = url.protocol === 'https:' ? https : http`), a function taken
 * off a module (`const { get } = https`), `require` and `import()` inline. Without types the alias
 * counts when every module it may be makes the same client's responses; with types the callback's
 * `IncomingMessage` parameter is enough, and `require` gives `any`, which stays silent.
 */
runClientCases('module aliases', {
  'no-unconsumed-body': {
    both: {
      valid: [
        {
          name: 'a transport picked by protocol, resumed on the early return',
          code: `
import * as http from 'node:http';
import * as https from 'node:https';
function fetchText(url: URL, done: (text: string | null) => void) {
  const transport = url.protocol === 'https:' ? https : http;
  transport.get(url, (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      done(null);
      return;
    }
    let text = '';
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => done(text));
  });
}`,
        },
        {
          name: 'a get() destructured from https, piped',
          code: `
import https from 'node:https';
const { get } = https;
function save(url: string, out: NodeJS.WritableStream) {
  get(url, (res) => res.pipe(out));
}`,
        },
        {
          name: 'a choice between a client module and something else is not guessed at',
          code: `
import * as https from 'node:https';
const fake = { get(url: string, done: (res: { statusCode: number }) => void) { done({ statusCode: 200 }); } };
function status(url: string, real: boolean, done: (status: number | undefined) => void) {
  (real ? https : fake).get(url, (res) => done(res.statusCode));
}`,
        },
        {
          // Regression: telegraf's `import safeCompare = require('safe-compare')` crashed the import lookup.
          name: "TypeScript's import-equals of a module that is not a client",
          code: `
import safeCompare = require('safe-compare');
async function check(url: string, token: string) {
  const res = await fetch(url);
  return safeCompare(await res.text(), token);
}`,
        },
      ],
      invalid: [
        {
          name: "TypeScript's import-equals require of node:http is the module",
          code: `
import http = require('node:http');
function ping(url: string, done: (ok: boolean) => void) {
  http.get(url, (res) => {
    done(res.statusCode === 200);
  });
}`,
          output: `
import http = require('node:http');
function ping(url: string, done: (ok: boolean) => void) {
  http.get(url, (res) => {
    done(res.statusCode === 200);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 3 }],
        },
        {
          name: 'a transport picked by protocol returns on an error status',
          code: `
import * as http from 'node:http';
import * as https from 'node:https';
function fetchText(url: URL, done: (text: string | null) => void) {
  const transport = url.protocol === 'https:' ? https : http;
  transport.get(url, (res) => {
    if (res.statusCode !== 200) {
      done(null);
      return;
    }
    let text = '';
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => done(text));
  });
}`,
          output: `
import * as http from 'node:http';
import * as https from 'node:https';
function fetchText(url: URL, done: (text: string | null) => void) {
  const transport = url.protocol === 'https:' ? https : http;
  transport.get(url, (res) => {
    if (res.statusCode !== 200) {
      done(null);
      res.resume();
      setTimeout(() => res.destroy(), 1000).unref();
      return;
    }
    let text = '';
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => done(text));
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 6, column: 3 }],
        },
        {
          name: 'request() on a module chosen inline',
          code: `
import http from 'node:http';
import https from 'node:https';
function ping(url: URL, secure: boolean) {
  (secure ? https : http).request(url, (res) => console.log(res.statusCode)).end();
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 5,
              column: 3,
              suggestions: [
                {
                  messageId: 'insertDrain',
                  output: `
import http from 'node:http';
import https from 'node:https';
function ping(url: URL, secure: boolean) {
  (secure ? https : http).request(url, (res) => { const value = console.log(res.statusCode); res.resume(); setTimeout(() => res.destroy(), 1000).unref(); return value; }).end();
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'a get() destructured from https that only logs the status',
          code: `
import * as https from 'node:https';
const { get } = https;
function ping(url: string) {
  get(url, (res) => {
    console.log(res.statusCode);
  });
}`,
          output: `
import * as https from 'node:https';
const { get } = https;
function ping(url: string) {
  get(url, (res) => {
    console.log(res.statusCode);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 3 }],
        },
        {
          name: 'a namespace import of node:http',
          code: `
import * as h from 'node:http';
function ping(url: string) {
  h.request(url, (res) => {
    console.log(res.statusCode);
  }).end();
}`,
          output: `
import * as h from 'node:http';
function ping(url: string) {
  h.request(url, (res) => {
    console.log(res.statusCode);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  }).end();
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 3 }],
        },
        {
          name: 'a module imported at run time',
          code: `
async function ping(url: URL) {
  const transport = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  transport.get(url, (res) => {
    console.log(res.statusCode);
  });
}`,
          output: `
async function ping(url: URL) {
  const transport = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  transport.get(url, (res) => {
    console.log(res.statusCode);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 3 }],
        },
        {
          name: 'request() destructured from an undici namespace',
          code: `
import * as undici from 'undici';
const { request } = undici;
async function status(url: string) {
  const res = await request(url);
  return res.statusCode;
}`,
          output: `
import * as undici from 'undici';
const { request } = undici;
async function status(url: string) {
  const res = await request(url);
  await res.body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.statusCode;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 5, column: 21 }],
        },
      ],
    },
    typedOnly: {
      valid: [
        {
          name: 'with types, require() gives any: the callback parameter is not known to be a response',
          code: `
const https = require('node:https');
function ping(url: string) {
  https.get(url, (res: any) => {
    console.log(res.statusCode);
  });
}`,
        },
      ],
      invalid: [],
    },
    untypedOnly: {
      valid: [],
      invalid: [
        {
          name: 'without types, require() names the module',
          code: `
const https = require('node:https');
function ping(url) {
  https.get(url, (res) => {
    console.log(res.statusCode);
  });
}`,
          output: `
const https = require('node:https');
function ping(url) {
  https.get(url, (res) => {
    console.log(res.statusCode);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 3 }],
        },
        {
          name: 'without types, require() called inline',
          code: `
function ping(url) {
  require('https').get(url, (res) => {
    console.log(res.statusCode);
  });
}`,
          output: `
function ping(url) {
  require('https').get(url, (res) => {
    console.log(res.statusCode);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
}`,
          errors: [{ messageId: 'unconsumedBody', line: 3, column: 3 }],
        },
      ],
    },
  },
  'no-undrained-close': {
    both: {
      valid: [
        {
          name: 'destroy after the body was read',
          code: `
import * as http from 'node:http';
import * as https from 'node:https';
function first(url: URL) {
  const transport = url.protocol === 'https:' ? https : http;
  transport.get(url, (res) => {
    res.once('data', () => res.destroy());
  });
}`,
        },
      ],
      invalid: [
        {
          name: 'destroying an unread response from a transport picked by protocol',
          code: `
import * as http from 'node:http';
import * as https from 'node:https';
function probe(url: URL) {
  const transport = url.protocol === 'https:' ? https : http;
  transport.get(url, (res) => {
    console.log(res.headers['content-length']);
    res.destroy();
  });
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 8,
              column: 5,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import * as http from 'node:http';
import * as https from 'node:https';
function probe(url: URL) {
  const transport = url.protocol === 'https:' ? https : http;
  transport.get(url, (res) => {
    console.log(res.headers['content-length']);
    res.resume();
    setTimeout(() => res.destroy(), 1000).unref();
  });
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
