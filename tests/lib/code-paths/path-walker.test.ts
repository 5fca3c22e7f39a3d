import * as parser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { PathDomain, PathExit } from '../../../lib/code-paths/path-domain.js';
import { walkFunction } from '../../../lib/code-paths/path-walker.js';

/**
 * Probe tests of the generic walker, with a domain that knows nothing about HTTP: `m('a')` marks
 * the path with `a`, a condition `c('x')` marks it `x` when true and `!x` when false, a matched
 * `case v:` marks `=v`, and entering a `catch` from a callee's exception marks `caught`. A path's
 * state is the marks it collected, in the order they first appeared; the state at a point is the
 * set of paths that reach it. Every fixture names its function `probe` (or is module code) and
 * states, in an `expected` comment, the paths that reach each exit of the function.
 */

type Paths = readonly string[];

interface Leave {
  readonly scope: TSESTree.Node;
  readonly exit: PathExit;
  readonly state: Paths;
}

function callMark(node: TSESTree.Node, callee: string): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== callee) return undefined;
  const argument = node.arguments[0];
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

function mark(state: Paths, label: string): Paths {
  return normalise(state.map((path) => (path.split(' ').includes(label) ? path : path === '' ? label : `${path} ${label}`)));
}

function normalise(paths: readonly string[]): Paths {
  return [...new Set(paths)].sort();
}

class ProbeDomain implements PathDomain<Paths> {
  readonly leaves: Leave[] = [];

  join(a: Paths, b: Paths): Paths {
    return normalise([...a, ...b]);
  }

  equals(a: Paths, b: Paths): boolean {
    return a.length === b.length && a.every((path, index) => path === b[index]);
  }

  isEvent(node: TSESTree.Node): boolean {
    return callMark(node, 'm') !== undefined;
  }

  visit(node: TSESTree.Node, state: Paths): Paths {
    return mark(state, callMark(node, 'm')!);
  }

  refine(test: TSESTree.Expression, outcome: boolean, state: Paths): Paths {
    const label = callMark(test, 'c');
    return label === undefined ? state : mark(state, outcome ? label : `!${label}`);
  }

  refineCase(_discriminant: TSESTree.Expression, test: TSESTree.Expression, matched: boolean, state: Paths): Paths {
    return matched && test.type === AST_NODE_TYPES.Literal ? mark(state, `=${String(test.value)}`) : state;
  }

  leave(scope: TSESTree.Node, exit: PathExit, state: Paths): Paths {
    this.leaves.push({ scope, exit, state });
    return state;
  }

  exceptional(state: Paths): Paths {
    return mark(state, 'caught');
  }

  // The probe asserts nothing: a statement lets every path through.
  assume(_expression: TSESTree.Expression, state: Paths): Paths {
    return state;
  }
}

/** `kind@line` of a function exit: the leaving statement's line, or the last line for `end`. */
function exitKey(exit: PathExit): string {
  const line = exit.kind === 'end' ? exit.node.loc.end.line : exit.node.loc.start.line;
  return `${exit.kind}@${line}`;
}

function show(paths: Paths): string {
  return paths.map((path) => path || '∅').join(' | ');
}

/** Walks `probe` (or the module) and returns, per exit of that function, the paths reaching it. */
function walk(code: string): { exits: Record<string, string>; leaves: Leave[] } {
  const domain = new ProbeDomain();
  const linter = new Linter({ configType: 'flat' });
  const probeRule: TSESLint.RuleModule<never> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      return {
        'Program:exit'(program: TSESTree.Program) {
          const probeFunction = program.body.find(
            (statement) => statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id?.name === 'probe',
          ) as TSESTree.FunctionDeclaration | undefined;
          walkFunction(probeFunction ?? program, [''], domain, context.sourceCode.visitorKeys);
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: parser as never },
        plugins: { probe: { rules: { walk: probeRule as never } } },
        rules: { 'probe/walk': 'error' },
      },
    ],
    { filename: 'probe.ts' },
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  const exits: Record<string, Paths> = {};
  for (const leave of domain.leaves) {
    const isFunction = leave.scope.type === AST_NODE_TYPES.Program || leave.scope.type === AST_NODE_TYPES.FunctionDeclaration;
    if (!isFunction) continue;
    const key = exitKey(leave.exit);
    exits[key] = normalise([...(exits[key] ?? []), ...leave.state]);
  }
  return { exits: Object.fromEntries(Object.entries(exits).map(([key, paths]) => [key, show(paths)])), leaves: domain.leaves };
}

/** Reads the `expected` comment: one `kind@line: path | path` per line. */
function expectedExits(code: string): Record<string, string> {
  const comment = /\/\*expected\n([\s\S]*?)\*\//.exec(code);
  if (!comment) throw new Error('fixture has no expected comment');
  const expected: Record<string, string> = {};
  for (const line of comment[1]!.split('\n')) {
    const match = /^(\S+):\s*(.*)$/.exec(line.trim());
    if (match) expected[match[1]!] = show(normalise(match[2]!.split(' | ').map((path) => (path === '∅' ? '' : path))));
  }
  return expected;
}

interface Fixture {
  readonly name: string;
  readonly code: string;
}

/** Line numbers in fixtures count from the `function probe` line, which is line 1. */
const fixtures: Fixture[] = [
  {
    name: 'straight-line code reaches the end with every mark',
    code: `function probe() {
  m('a');
  m('b');
}
/*expected
end@4: a b
*/`,
  },
  {
    name: 'if/else splits paths and the branch condition refines each arm',
    code: `function probe() {
  if (c('x')) m('a');
  else m('b');
  m('z');
}
/*expected
end@5: !x b z | x a z
*/`,
  },
  {
    name: 'an if without else keeps the false path',
    code: `function probe() {
  if (c('x')) m('a');
}
/*expected
end@3: !x | x a
*/`,
  },
  {
    name: 'a return leaves with its own paths and nothing after it runs',
    code: `function probe() {
  if (c('x')) {
    m('a');
    return;
  }
  m('b');
}
/*expected
return@4: x a
end@7: !x b
*/`,
  },
  {
    name: 'code after an unconditional return is never evaluated',
    code: `function probe() {
  m('a');
  return;
  m('dead');
}
/*expected
return@3: a
*/`,
  },
  {
    name: 'throw is an exit of its own',
    code: `function probe() {
  if (!c('ok')) throw new Error(m('a'));
  m('b');
}
/*expected
throw@2: !ok a
end@4: ok b
*/`,
  },
  {
    name: '! swaps the branches of a condition',
    code: `function probe() {
  if (!c('x')) return m('a');
  return m('b');
}
/*expected
return@2: !x a
return@3: x b
*/`,
  },
  {
    name: '&& evaluates its right side only when the left is true',
    code: `function probe() {
  if (c('x') && c('y')) return;
}
/*expected
return@2: x y
end@3: !x | x !y
*/`,
  },
  {
    name: '|| evaluates its right side only when the left is false',
    code: `function probe() {
  if (c('x') || c('y')) return;
}
/*expected
return@2: !x y | x
end@3: !x !y
*/`,
  },
  {
    name: '&& as a value splits like a condition',
    code: `function probe() {
  const value = c('x') && m('a');
  return value;
}
/*expected
return@3: !x | x a
*/`,
  },
  {
    name: 'a conditional expression evaluates one arm per path',
    code: `function probe() {
  return c('x') ? m('a') : m('b');
}
/*expected
return@2: !x b | x a
*/`,
  },
  {
    name: '?? may or may not evaluate its right side',
    code: `function probe() {
  return m('a') ?? m('b');
}
/*expected
return@2: a | a b
*/`,
  },
  {
    name: 'a comma expression in a condition refines on its last operand',
    code: `function probe() {
  if ((m('a'), c('x'))) return;
}
/*expected
return@2: a x
end@3: a !x
*/`,
  },
  {
    name: 'operands are evaluated in source order',
    code: `function probe() {
  const total = m('a') + m('b');
  return [m('c'), total];
}
/*expected
return@3: a b c
*/`,
  },
  {
    name: 'assignment evaluates the value before the target is written',
    code: `function probe(target: Record<string, unknown>) {
  target[m('key')] = m('value');
}
/*expected
end@3: value key
*/`,
  },
  {
    name: 'nested functions are not walked: creating one runs nothing',
    code: `function probe() {
  const later = () => m('inner');
  function hoisted() {
    m('hoisted');
  }
  m('outer');
  return [later, hoisted];
}
/*expected
return@7: outer
*/`,
  },
  {
    name: 'while may run zero times; its exit sees every number of iterations',
    code: `function probe() {
  while (c('more')) m('body');
  m('after');
}
/*expected
end@4: !more after | more body !more after
*/`,
  },
  {
    name: 'do…while runs its body at least once',
    code: `function probe() {
  do m('body');
  while (c('more'));
}
/*expected
end@4: body !more | body more !more
*/`,
  },
  {
    name: 'for…of may run zero times',
    code: `function probe(items: number[]) {
  for (const item of items) m('body');
  m('after');
}
/*expected
end@4: after | body after
*/`,
  },
  {
    name: 'break leaves the loop without going back to the test',
    code: `function probe() {
  while (c('more')) {
    if (c('stop')) break;
    m('work');
  }
  m('after');
}
/*expected
end@7: !more after | more !stop work !more after | more !stop work stop after | more stop after
*/`,
  },
  {
    name: 'continue skips the rest of the body and goes back to the test',
    code: `function probe() {
  while (c('more')) {
    if (c('skip')) continue;
    m('work');
  }
}
/*expected
end@6: !more | more !skip work !more | more !skip work skip !more | more skip !more | more skip !skip work !more
*/`,
  },
  {
    name: 'a return inside a loop leaves the function',
    code: `function probe(items: number[]) {
  for (const item of items) {
    if (c('found')) return m('hit');
  }
  return m('miss');
}
/*expected
return@3: found hit | !found found hit
return@5: miss | !found miss
*/`,
  },
  {
    name: 'for(;;) runs the update after the body and after continue',
    code: `function probe() {
  for (let i = 0; c('more'); m('update')) {
    if (c('skip')) continue;
    m('work');
  }
}
/*expected
end@6: !more | more !skip work update !more | more !skip work update skip !more | more skip update !more | more skip update !skip work !more
*/`,
  },
  {
    name: 'switch: a matched case runs to the next break, without default the unmatched path goes on',
    code: `function probe(value: number) {
  switch (value) {
    case 1:
      m('one');
    case 2:
      m('two');
      break;
    case 3:
      return m('three');
  }
  m('after');
}
/*expected
return@9: =3 three
end@12: =1 one two after | =2 two after | after
*/`,
  },
  {
    name: 'switch: default takes every unmatched value',
    code: `function probe(value: number) {
  switch (value) {
    case 1:
      return m('one');
    default:
      throw new Error(m('other'));
  }
}
/*expected
return@4: =1 one
throw@6: other
*/`,
  },
  {
    name: 'switch (true) refines on each case test like an if/else chain',
    code: `function probe() {
  switch (true) {
    case c('x'):
      return m('a');
    case c('y'):
      m('b');
    default:
      m('d');
  }
}
/*expected
return@4: x a
end@10: !x y b d | !x !y d
*/`,
  },
  {
    name: 'an explicit throw enters catch with its own paths; other entries are the try block’s start, end and exits, made exceptional',
    code: `function probe() {
  try {
    m('a');
    if (c('bad')) throw new Error('bad');
    m('b');
  } catch {
    return m('handled');
  }
  m('after');
}
/*expected
return@7: a bad handled | caught handled | a bad caught handled | a !bad b caught handled
end@10: a !bad b after
*/`,
  },
  {
    name: 'a catch is entered from anywhere in try only through exceptional()',
    code: `function probe() {
  try {
    m('a');
  } catch {
    return;
  }
}
/*expected
return@5: a caught | caught
end@7: a
*/`,
  },
  {
    name: 'finally runs on every way out and each way continues as it began',
    code: `function probe() {
  try {
    if (c('early')) return m('r');
    if (c('fail')) throw new Error('f');
  } finally {
    m('fin');
  }
  m('after');
}
/*expected
return@3: early r fin
throw@4: !early fail fin
end@9: !early !fail fin after
*/`,
  },
  {
    name: 'a return in finally replaces the way the try was left',
    code: `function probe() {
  try {
    if (c('fail')) throw new Error('f');
    m('a');
  } finally {
    return m('fin');
  }
}
/*expected
return@6: !fail a fin | fail fin
*/`,
  },
  {
    name: 'try/catch/finally: the catch exits pass through finally',
    code: `function probe() {
  try {
    if (c('fail')) throw new Error('f');
    return m('ok');
  } catch {
    return m('handled');
  } finally {
    m('fin');
  }
}
/*expected
return@4: !fail ok fin
return@6: fail handled fin | caught handled fin | fail caught handled fin | !fail ok caught handled fin
*/`,
  },
  {
    name: 'module code is walked as a function',
    code: `/*expected
throw@6: a x
end@7: a !x b
*/
m('a');
if (c('x')) throw new Error('x');
m('b');`,
  },
];

describe('path walker', () => {
  for (const fixture of fixtures) {
    it(fixture.name, () => {
      expect(walk(fixture.code).exits).toEqual(expectedExits(fixture.code));
    });
  }

  it('leaves a block scope before the function on a return', () => {
    const { leaves } = walk(`function probe() {
  {
    m('a');
    return;
  }
}`);
    expect(leaves.map((leave) => `${leave.scope.type}:${exitKey(leave.exit)}`)).toEqual([
      'BlockStatement:return@4',
      'FunctionDeclaration:return@4',
    ]);
  });

  it('leaves a loop body on continue, break and its end, and the loop on the way out', () => {
    const { leaves } = walk(`function probe(items: number[]) {
  for (const item of items) {
    if (c('skip')) continue;
    if (c('stop')) break;
  }
}`);
    const seen = new Set(leaves.map((leave) => `${leave.scope.type}:${exitKey(leave.exit)}`));
    expect([...seen].sort()).toEqual(
      [
        'BlockStatement:break@4',
        'BlockStatement:continue@3',
        'BlockStatement:end@5',
        'ForOfStatement:end@5',
        'FunctionDeclaration:end@6',
      ].sort(),
    );
  });

  it('labeled continue goes back to the outer loop, skipping the rest of its body', () => {
    const { exits, leaves } = walk(`function probe(rows: number[][]) {
  outer: for (const row of rows) {
    for (const cell of row) {
      if (c('next')) continue outer;
    }
    m('row-end');
  }
}`);
    // Continuing in the first row and then running out of rows never reaches \`row-end\`.
    expect(exits['end@8']!.split(' | ')).toContain('next');
    const seen = new Set(leaves.map((leave) => `${leave.scope.type}:${exitKey(leave.exit)}`));
    expect(seen).toContain('ForOfStatement:continue@4');
  });

  it('labeled break leaves both loops; a plain break only the inner one', () => {
    const labeled = walk(`function probe(rows: number[][]) {
  outer: for (const row of rows) {
    for (const cell of row) {
      if (c('quit')) break outer;
    }
    m('row-end');
  }
}`);
    const plain = walk(`function probe(rows: number[][]) {
  outer: for (const row of rows) {
    for (const cell of row) {
      if (c('quit')) break;
    }
    m('row-end');
  }
}`);
    expect(labeled.exits['end@8']!.split(' | ')).toContain('quit');
    expect(plain.exits['end@8']!.split(' | ')).not.toContain('quit');
    expect(plain.exits['end@8']!.split(' | ')).toContain('quit row-end');
  });

  it('leaves a catch clause before the function', () => {
    const { leaves } = walk(`function probe() {
  try {
    m('a');
  } catch (error) {
    return;
  }
}`);
    const seen = leaves.map((leave) => `${leave.scope.type}:${exitKey(leave.exit)}`);
    expect(seen).toContain('CatchClause:return@5');
    expect(seen.indexOf('CatchClause:return@5')).toBeLessThan(seen.lastIndexOf('FunctionDeclaration:return@5'));
  });

  it('converges on loops whose state keeps growing for a while', () => {
    const { exits } = walk(`function probe() {
  while (c('more')) {
    if (c('a')) m('a');
    else if (c('b')) m('b');
    else m('c');
  }
}`);
    expect(Object.keys(exits)).toEqual(['end@7']);
  });
});
