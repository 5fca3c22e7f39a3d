import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { fixturesDir } from '../rule-tester.js';

/**
 * The messages and suggestion titles as a user reads them in the CLI and in an editor's hover: the
 * whole rendered text, for each message of both rules and each way a response is named (a variable,
 * a destructured body, a view, a rejection's `error.response`, a callback's parameter, a helper's
 * typed parameter, no name at all), and a list of exits long enough to be cut short. The other rule
 * suites check `data`; this one checks the sentences those data make.
 */
interface Report {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly suggestions?: readonly string[];
}

interface Case {
  readonly name: string;
  readonly code: string;
  readonly options?: Record<string, unknown>;
  /** Without type information the case reads the same; `false` for a response only types reveal. */
  readonly untyped?: false;
  readonly reports: readonly Report[];
}

const ONE_SECOND = '(reads for up to 1 s)';
const leak = (response: string, exit: string) =>
  `The body of ${response} is left unread when ${exit}: read or drain it so the connection can be reused.`;

/** A function with `count` early returns before it reads the body: one report that names a few. */
function manyReturns(count: number): string {
  const returns = Array.from({ length: count }, (_, index) => `  if (n === ${index}) return ${index};`);
  return ['export async function pick(url: string, n: number) {', '  const res = await fetch(url);', ...returns, '  return res.json();', '}'].join('\n');
}

const cases: readonly Case[] = [
  {
    name: 'undici.request: the destructured body is named by its call, not as "the body of `body`"',
    code: `
import { request } from 'undici';
export async function health(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) return false;
  await body.json();
  return true;
}`,
    reports: [{ line: 4, column: 38, message: leak('the `request(url)` response (`body`)', 'the function returns at line 5') }],
  },
  {
    name: 'one chunk read through a reader: the body is read only in part',
    code: `
export async function sniff(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  return value?.[0];
}`,
    reports: [
      {
        line: 3,
        column: 21,
        message:
          'The body of the `fetch(url)` response (`res`) is read only in part when the function returns at line 6: read the rest or drain it so the connection can be reused.',
      },
    ],
  },
  {
    name: 'a clone nobody reads: named by its variable and the response it copies',
    code: `
export async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  return res.json();
}`,
    reports: [
      {
        line: 4,
        column: 16,
        message:
          'The clone `copy` of the `fetch(url)` response (`res`) is never read: its half of the tee keeps a copy of the whole body in memory. Read or cancel it, or drop the `clone()`.',
      },
    ],
  },
  {
    name: 'a node-fetch clone nobody reads: the read of the other copy stalls',
    code: `
import fetch from 'node-fetch';
export async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  return res.json();
}`,
    reports: [
      {
        line: 5,
        column: 16,
        message:
          "The clone `copy` of the `fetch(url)` response (`res`) is never read: once the body outgrows the clone's buffer, node-fetch stops reading it, and reading the other copy waits for ever. Read both copies, or drop the `clone()`.",
      },
    ],
  },
  {
    name: 'a view: the body stream of a fetch response',
    code: `
export async function stream(url: string) {
  const body = (await fetch(url)).body;
  if (!body) return null;
  if (Math.random() > 0.5) return null;
  return body;
}`,
    reports: [{ line: 3, column: 23, message: leak('the `fetch(url)` response (`body`)', 'the function returns at line 5') }],
  },
  {
    name: 'a view: axios `data` of a long call, shortened to its callee',
    code: `
import axios from 'axios';
export async function download(url: string) {
  const stream = (await axios.get(url, { responseType: 'stream' })).data;
  if (Math.random() > 0.5) return null;
  return stream;
}`,
    reports: [{ line: 4, column: 25, message: leak('the `axios.get(…)` response (`stream`)', 'the function returns at line 5') }],
  },
  {
    name: 'a rejection: axios `error.response`, named with the call that rejected',
    code: `
import axios from 'axios';
export async function tryDownload(url: string) {
  try {
    const res = await axios.get(url, { responseType: 'stream' });
    return res.data;
  } catch (error) {
    if (axios.isAxiosError(error)) return error.response?.status;
    throw error;
  }
}`,
    reports: [{ line: 7, column: 12, message: leak('the `axios.get(…)` response (`error.response`)', 'the function returns at line 8') }],
  },
  {
    name: 'a callback parameter of node:http',
    code: `
import * as http from 'node:http';
export function ping(url: string) {
  http.get(url, (res) => {
    if (res.statusCode !== 200) return;
    res.resume();
  });
}`,
    reports: [{ line: 4, column: 3, message: leak('the `http.get(…)` response (`res`)', 'the callback returns at line 5') }],
  },
  {
    name: 'a helper\'s typed parameter: named with its client, as no call is in sight',
    untyped: false,
    code: `
export async function check(res: Response) {
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return res.json();
}
export async function run(url: string) {
  return check(await fetch(url));
}`,
    reports: [{ line: 2, column: 29, message: leak('the fetch response `res`', 'the function throws at line 3') }],
  },
  {
    name: 'an unnamed response dropped unread, and its suggestion',
    code: `
export async function notify(url: string) {
  await fetch(url, { method: 'POST', body: JSON.stringify({ event: 'deployed' }) });
}`,
    reports: [
      {
        line: 3,
        column: 9,
        message: leak('the `fetch(…)` response', 'it is dropped at line 3'),
        suggestions: [`Drain the \`fetch(…)\` response at line 3 ${ONE_SECOND}.`],
      },
    ],
  },
  {
    name: 'the suggestion of a callback that cannot await names the holder and the limit, not the code',
    code: `
export function load(url: string) {
  return fetch(url).then((res) => {
    if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
    return res.json();
  });
}`,
    reports: [
      {
        line: 3,
        column: 10,
        message: leak('the `fetch(url)` response (`res`)', 'the callback throws at line 4'),
        suggestions: [`Drain \`res\` at line 4 ${ONE_SECOND}.`],
      },
    ],
  },
  {
    name: 'the drainWith helper appears in the title',
    options: { drainWith: { module: '@acme/http', export: 'consumeBody' } },
    code: `
export function load(url: string) {
  return fetch(url).then((res) => {
    if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
    return res.json();
  });
}`,
    reports: [
      {
        line: 3,
        column: 10,
        message: leak('the `fetch(url)` response (`res`)', 'the callback throws at line 4'),
        suggestions: ['Drain `res` at line 4 with `consumeBody`.'],
      },
    ],
  },
  {
    name: 'five exits: three lines are named and the rest counted, in the message and the title',
    code: `
export function load(url: string) {
  return fetch(url).then((res) => {
    if (res.status === 401) throw new Error('401');
    if (res.status === 403) throw new Error('403');
    if (res.status === 404) throw new Error('404');
    if (res.status === 429) throw new Error('429');
    if (res.status === 500) throw new Error('500');
    return res.json();
  });
}`,
    reports: [
      {
        line: 3,
        column: 10,
        message: leak('the `fetch(url)` response (`res`)', 'the callback throws at lines 4, 5, 6 and 2 more'),
        suggestions: [`Drain \`res\` at lines 4, 5, 6 and 2 more ${ONE_SECOND}.`],
      },
    ],
  },
  {
    name: 'two thousand exits: the message stays one short line',
    code: manyReturns(2000),
    reports: [{ line: 2, column: 21, message: leak('the `fetch(url)` response (`res`)', 'the function returns at lines 3, 4, 5 and 1,997 more') }],
  },
  {
    name: 'four exits are all named',
    code: manyReturns(4),
    reports: [{ line: 2, column: 21, message: leak('the `fetch(url)` response (`res`)', 'the function returns at lines 3, 4, 5 and 6') }],
  },
  {
    name: 'cancelUnread names the close and the call; the drain suggestion names what it drains',
    code: `
export async function exists(url: string) {
  const res = await fetch(url);
  const ok = res.ok;
  await res.body?.cancel();
  return ok;
}`,
    reports: [
      {
        line: 5,
        column: 9,
        message:
          '`res.body?.cancel()` closes the unread body of the `fetch(url)` response (`res`), which can cost its connection: drain the body instead, or send a HEAD request if only the headers matter.',
        suggestions: [`Drain \`res.body\` instead ${ONE_SECOND}.`],
      },
    ],
  },
  {
    name: 'cancelUnread with the HEAD suggestion (node-fetch)',
    code: `
import fetch from 'node-fetch';
export async function isUp(url: string) {
  const res = await fetch(url);
  res.body?.destroy();
  return res.ok;
}`,
    reports: [
      {
        line: 5,
        column: 3,
        message:
          '`res.body?.destroy()` closes the unread body of the `fetch(url)` response (`res`), which can cost its connection: drain the body instead, or send a HEAD request if only the headers matter.',
        suggestions: [`Drain \`res.body\` instead ${ONE_SECOND}.`, "Send `fetch(url)` with `method: 'HEAD'`: no path reads its body."],
      },
    ],
  },
  {
    name: 'destroyUnread of a node:http callback response',
    code: `
import * as http from 'node:http';
export function probe(url: string) {
  http.get(url, (res) => {
    console.log(res.statusCode);
    res.destroy();
  });
}`,
    reports: [
      {
        line: 6,
        column: 5,
        message: '`res.destroy()` closes the unread body of the `http.get(…)` response (`res`), which can cost its connection: drain the body instead.',
        suggestions: [`Drain \`res\` instead ${ONE_SECOND}.`],
      },
    ],
  },
  {
    name: 'destroyUnread of an undici body: the title gives both limits',
    code: `
import { request } from 'undici';
export async function status(url: string) {
  const { statusCode, body } = await request(url);
  body.destroy();
  return statusCode;
}`,
    reports: [
      {
        line: 5,
        column: 3,
        message: '`body.destroy()` closes the unread body of the `request(url)` response (`body`), which can cost its connection: drain the body instead.',
        suggestions: ['Drain `body` instead (reads up to 2 MiB, for up to 1 s).'],
      },
    ],
  },
];

const linter = new Linter({ configType: 'flat', cwd: fixturesDir });

function lint(test: Case, typed: boolean) {
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tsParser as Linter.Parser,
        parserOptions: typed ? { projectService: true, tsconfigRootDir: fixturesDir } : {},
      },
      plugins: { drain: plugin as never },
      rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`drain/${name}`, ['error', test.options ?? {}]])),
    },
  ];
  return linter.verify(test.code, config, { filename: `${fixturesDir}/file.ts` }).map((message) => ({
    line: message.line,
    column: message.column,
    message: message.message,
    ...(message.suggestions?.length ? { suggestions: message.suggestions.map((suggestion) => suggestion.desc) } : {}),
  }));
}

describe('messages as rendered', () => {
  for (const test of cases) {
    it(`${test.name} (typed)`, () => {
      expect(lint(test, true)).toEqual(test.reports);
    });
    if (test.untyped !== false) {
      it(`${test.name} (untyped)`, () => {
        expect(lint(test, false)).toEqual(test.reports);
      });
    }
  }
});
