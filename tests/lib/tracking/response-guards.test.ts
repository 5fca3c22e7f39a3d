import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { fetchClient } from '../../../lib/clients/fetch.js';
import { guardAt, type GuardFacts } from '../../../lib/tracking/response-guards.js';
import { requestsHead } from '../../../lib/tracking/request-options.js';
import { probe } from './probe.js';

/**
 * `guardAt` on the reference after `/* target *\/`: the facts a branch learns when the test is
 * true and when it is false. `error` marks the branch that code uses for failures (the one where
 * a drain before throwing fits); `bodyless` marks a branch where no body can arrive; `used` one where
 * someone else has read the body or holds a reader on it.
 */
function guardOf(test: string): string {
  const code = `
declare function handle(value: unknown): void;
function owner(res: Response) {
  ${test}
}`;
  return probe(code, ({ node, context }) => {
    const guard = guardAt(node, fetchClient.rootView, { client: fetchClient });
    if (!guard) return 'none';
    const facts = (value: GuardFacts) =>
      [value.error ? 'error' : '', value.bodyless ? 'bodyless' : '', value.used ? 'used' : ''].filter(Boolean).join('+') || '-';
    const at = context.sourceCode.getText(guard.node).replace(/\/\*.*?\*\/\s*/g, '');
    const cases = guard.caseFacts
      ? ` | case 204: ${facts(guard.caseFacts(literal(204), true))}, case 200: ${facts(guard.caseFacts(literal(200), true))}`
      : '';
    return `${at}: true ${facts(guard.whenTrue)}, false ${facts(guard.whenFalse)}${cases}`;
  });
}

function literal(value: number): TSESTree.Expression {
  return { type: AST_NODE_TYPES.Literal, value, raw: String(value) } as TSESTree.NumberLiteral;
}

const rows: [expected: string, test: string][] = [
  ['res.ok: true -, false error', 'if (/* target */ res.ok) handle(1);'],
  ['res.ok: true -, false error', 'if (!/* target */ res.ok) handle(1);'],
  ['res.status === 204: true bodyless, false -', 'if (/* target */ res.status === 204) handle(1);'],
  ['204 === res.status: true bodyless, false -', 'if (204 === /* target */ res.status) handle(1);'],
  ['res.status === 205: true bodyless, false -', 'if (/* target */ res.status === 205) handle(1);'],
  ['res.status == 304: true bodyless, false -', 'if (/* target */ res.status == 304) handle(1);'],
  ['res.status !== 204: true -, false bodyless', 'if (/* target */ res.status !== 204) handle(1);'],
  ['res.status === 202: true -, false -', 'if (/* target */ res.status === 202) handle(1);'],
  ['res.status === 404: true error, false -', 'if (/* target */ res.status === 404) handle(1);'],
  ['res.status !== 200: true error, false -', 'if (/* target */ res.status !== 200) handle(1);'],
  ['res.status >= 400: true error, false -', 'if (/* target */ res.status >= 400) handle(1);'],
  ['res.status < 300: true -, false error', 'if (/* target */ res.status < 300) handle(1);'],
  ['res.status > 299: true error, false -', 'if (/* target */ res.status > 299) handle(1);'],
  ['res.status < 200: true bodyless, false -', 'if (/* target */ res.status < 200) handle(1);'],
  ['res.body === null: true bodyless, false -', 'if (/* target */ res.body === null) handle(1);'],
  ['res.body == undefined: true bodyless, false -', 'if (/* target */ res.body == undefined) handle(1);'],
  ['res.body !== null: true -, false bodyless', 'if (/* target */ res.body !== null) handle(1);'],
  ['res.body: true -, false bodyless', 'if (!/* target */ res.body) handle(1);'],
  ['res!.status === 304: true bodyless, false -', 'if (/* target */ res!.status === 304) handle(1);'],
  [
    'res.status: true -, false - | case 204: bodyless, case 200: -',
    'switch (/* target */ res.status) { default: handle(1); }',
  ],
  ['res.bodyUsed: true used, false -', 'if (/* target */ res.bodyUsed) handle(1);'],
  ['res.body?.locked: true used, false -', 'if (/* target */ res.body?.locked) handle(1);'],
  ['res.body.locked: true used, false -', 'if (!/* target */ res.body.locked) handle(1);'],
  ["res.headers.get('content-length') === '0': true bodyless, false -", "if (/* target */ res.headers.get('content-length') === '0') handle(1);"],
  ["'0' != res.headers.get('Content-Length'): true -, false bodyless", "if ('0' != /* target */ res.headers.get('Content-Length')) handle(1);"],
  ['none', "if (/* target */ res.headers.get('content-length') === '10') handle(1);"],
  ['none', "if (/* target */ res.headers.get('content-length') > '0') handle(1);"],
  ['none', "if (/* target */ res.statusText === 'OK') handle(1);"],
  ['none', "if (/* target */ res.headers.get('etag')) handle(1);"],
  ['none', 'if (/* target */ res.status === code) handle(1);'],
  ['none', 'return /* target */ res;'],
];

describe('guardAt', () => {
  for (const [expected, test] of rows) {
    it(`${test} → ${expected}`, () => {
      expect(guardOf(test)).toBe(expected);
    });
  }
});

/** `requestsHead` on the call after `/* target *\/`. */
function isHead(call: string): boolean {
  return probe(`declare const url: string; declare const init: RequestInit; declare const method: string;\n${call}`, ({ node }) => {
    let current: TSESTree.Node | undefined = node;
    while (current && current.type !== AST_NODE_TYPES.CallExpression) current = current.parent;
    if (!current) throw new Error('no call after the marker');
    return requestsHead(current);
  });
}

describe('requestsHead', () => {
  it.each([
    [true, "/* target */ fetch(url, { method: 'HEAD' });"],
    [true, "/* target */ fetch(url, { method: 'head' });"],
    [true, "/* target */ fetch(url, { headers: {}, method: 'HEAD' });"],
    [false, "/* target */ fetch(url, { method: 'GET' });"],
    [false, '/* target */ fetch(url);'],
    [false, '/* target */ fetch(url, init);'],
    [false, '/* target */ fetch(url, { method });'],
    [false, "/* target */ fetch(url, { ['method']: 'HEAD' });"],
  ])('%s for %s', (expected, call) => {
    expect(isHead(call)).toBe(expected);
  });
});
