import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { fetchClient } from '../../../lib/clients/fetch.js';
import { enclosingFunction } from '../../../lib/tracking/ast.js';
import { classifyUse, PROMISE_VIEW, type ResponseUse } from '../../../lib/tracking/response-uses.js';
import { probe } from './probe.js';

/**
 * `classifyUse` on one reference to a fetch response: the reference follows `/* target *\/`
 * (`/* target #promise *\/` when it holds the promise of a response). Each row reads as "this use
 * does that": consume, release, inspect, drop, hand-off, escape, alias, callback.
 */
function useAt(code: string): string {
  return probe(code, ({ node, words, context }) => {
    const view = words.includes('#promise') ? PROMISE_VIEW : fetchClient.rootView;
    const use = classifyUse(node, view, {
      client: fetchClient,
      owner: enclosingFunction(node),
      scopeOf: (at: TSESTree.Node) => context.sourceCode.getScope(at),
    });
    return describeUse(use);
  });
}

function describeUse(use: ResponseUse): string {
  switch (use.kind) {
    case 'alias':
      return `alias ${use.targets.map((target) => `${target.variable.name}:${target.view}`).join(',')}${use.settles ? ' settled' : ''}`;
    case 'release':
      return `release ${use.close}`;
    default:
      return use.kind;
  }
}

/** Wraps a body in a function that holds `res` (a response) and `p` (a promise of one). */
function inFunction(body: string): string {
  return `
declare function handle(value: unknown): void;
declare const sink: WritableStream;
declare let outer: unknown;
declare const key: string;
async function* owner(res: Response, p: Promise<Response>, q: Promise<Response>) {
  ${body}
}`;
}

const rows: [use: string, body: string][] = [
  // Reads and releases.
  ['consume', 'await /* target */ res.json();'],
  ['consume', 'return /* target */ res.text();'],
  ['consume', "return /* target */ res['arrayBuffer']();"],
  ['consume', 'await /* target */ res.body?.pipeTo(sink);'],
  ['consume', 'return /* target */ res.body!.pipeThrough(new TextDecoderStream());'],
  ['consume', 'const [a, b] = /* target */ res.body!.tee();'],
  ['consume', 'for await (const chunk of /* target */ res.body!) handle(chunk);'],
  // A reader locks the body; what it reads decides: one chunk is a part, a loop reads to the end.
  ['drop', '/* target */ res.body!.getReader();'],
  ['alias reader:reader', 'const reader = /* target */ res.body!.getReader();'],
  ['read', 'return (await /* target */ res.body!.getReader().read()).value;'],
  ['consume', 'for (;;) if ((await /* target */ res.body!.getReader().read()).done) break;'],
  ['release cancel', 'await /* target */ res.body?.cancel();'],
  ['release cancel', '/* target */ res?.body?.cancel();'],
  // Transparent wrappers.
  ['consume', 'return (/* target */ res as Response).json();'],
  ['consume', 'return /* target */ res!.json();'],
  ['consume', 'return (/* target */ res satisfies Response).json();'],
  ['consume', "return (handle('x'), /* target */ res).json();"],
  // Metadata.
  ['inspect', 'return /* target */ res.status;'],
  ['inspect', "return /* target */ res.headers.get('etag');"],
  ['inspect', 'if (/* target */ res.ok) handle(1);'],
  ['inspect', 'return /* target */ res.body?.locked;'],
  ['inspect', 'console.log(/* target */ res);'],
  ['inspect', 'return JSON.stringify(/* target */ res);'],
  ['inspect', 'void /* target */ res;'],
  ['inspect', 'return `${/* target */ res}`;'],
  ['inspect', 'return !/* target */ res;'],
  // Thrown away.
  ['drop', '/* target */ res;'],
  ['drop', '(/* target */ res, 0);'],
  ['drop', 'const { status, ok } = /* target */ res;'],
  // Someone else's now.
  ['handoff', 'return /* target */ res;'],
  ['handoff', 'yield /* target */ res;'],
  ['handoff', 'handle(/* target */ res);'],
  ['handoff', 'return new Response(/* target */ res.body);'],
  ['handoff', 'handle(/* target */ res.body);'],
  // Out of sight: the analysis does not follow these, and stays silent.
  ['escape', 'this.last = /* target */ res;'],
  ['escape', 'outer = /* target */ res;'],
  ['escape', 'const box = { value: /* target */ res };'],
  ['escape', 'const list = [/* target */ res];'],
  ['escape', 'return /* target */ res[key];'],
  ['escape', 'const { json } = /* target */ res;'],
  ['escape', 'const { ...rest } = /* target */ res;'],
  ['escape', 'const other = /* target */ res ?? null;'],
  // New names for the same response.
  ['alias copy:response', 'const copy = /* target */ res;'],
  ['alias copy:response', 'let copy; copy = /* target */ res;'],
  // A clone tees the body: either copy read to its end settles the connection.
  ['alias copy:response', 'const copy = /* target */ res.clone();'],
  ['alias awaited:response', 'const awaited = await /* target */ res;'],
  ['alias body:stream', 'const { status, body } = /* target */ res;'],
  ['alias stream:stream', 'const { body: stream } = /* target */ res;'],
  // Promises of a response.
  ['alias r:response', 'const r = await /* target #promise */ p;'],
  ['callback', 'return /* target #promise */ p.then((r) => r.json());'],
  ['callback', 'return /* target #promise */ p.catch(() => undefined).then((r) => r.ok);'],
  ['callback', 'return /* target #promise */ p.finally(() => handle(0)).then(function (r) { return r; });'],
  ['handoff', 'return /* target #promise */ p.then(handle);'],
  ['handoff', 'return /* target #promise */ p;'],
  ['drop', '/* target #promise */ p;'],
  ['drop', '/* target #promise */ p.then();'],
  ['drop', 'await /* target #promise */ p;'],
  ['alias a:response', 'const [a, b] = await Promise.all([/* target #promise */ p, q]);'],
  ['drop', 'const [, b] = await Promise.all([/* target #promise */ p, q]);'],
  ['escape', 'return Promise.all([/* target #promise */ p, q]);'],
  ['escape', 'const all = await Promise.all([/* target #promise */ p, q]);'],
];

describe('classifyUse', () => {
  for (const [expected, body] of rows) {
    it(`${body} → ${expected}`, () => {
      expect(useAt(inFunction(body))).toBe(expected);
    });
  }

  it('a variable of an outer function is not an alias of this function', () => {
    const code = `
let saved: Response | undefined;
export const last = () => saved;
function owner(res: Response) {
  const inner = () => {
    saved = /* target */ res;
  };
  return inner;
}`;
    expect(useAt(code)).toBe('escape');
  });

  it('a module variable nobody reads the body of is only a look', () => {
    const code = `
let saved: Response | undefined;
export const lastOk = () => saved?.ok;
function owner(res: Response) {
  saved = /* target */ res;
}`;
    expect(useAt(code)).toBe('inspect');
  });
});
