// What the drain rules ask the type checker, counted: lints one code base with `drain recommended`
// in this process, with every method of each program's checker wrapped, and prints per question
// (checker method × the plugin's function that asked) how often it was asked and the time spent in
// the checker answering. For member calls screened by their callee's symbol, it also says which
// names were asked about, what the receiver was, and how many of those calls went on to the next
// question. A diagnosis, not a timing: the wrapping itself costs time (the totals are inflated).
//
//   node bench/questions.mjs '{"filesFrom":"bench/.results/files-cloudflare-100.json"}' [> out.json]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ESLint } from 'eslint';
import { repoRoot } from './corpus.mjs';
import { configurations, flatConfig, loadPlugin, REC } from './configs.mjs';

const { filesFrom, config = REC, top = 25 } = JSON.parse(process.argv[2]);
const files = JSON.parse(readFileSync(filesFrom, 'utf8'));
const drain = loadPlugin();
const ts = (await import('typescript')).default;

const questions = new Map(); // "method ← caller" → { count, ms }
const screened = new Map(); // callee name → { asked, further, receivers: Map }
const furtherNodes = new WeakSet();
const calleePosition = new WeakMap();
const wrapped = new WeakSet();

/** The first frame of the plugin's own code under the checker call: `function (file)`. */
function askedBy() {
  const stack = new Error().stack.split('\n');
  for (const frame of stack.slice(3)) {
    const match = /at (?:(\S+) )?\(?(?:.*\/)?(dist|lib)\/(lib\/[^:]+|rules\/[^:]+)\.js:/.exec(frame);
    if (match) return `${match[1] ?? '<anonymous>'} (${match[3]})`;
    if (frame.includes('/typescript-eslint/') || frame.includes('@typescript-eslint')) return 'typescript-eslint';
  }
  return 'other';
}

function receiverKind(node) {
  // `a.b.get()`: what `a.b` is, syntactically.
  const object = node.parent?.expression;
  if (!object) return 'none';
  if (object.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isIdentifier(object)) return 'identifier';
  if (ts.isPropertyAccessExpression(object)) return object.expression.kind === ts.SyntaxKind.ThisKeyword ? 'this.property' : 'property';
  if (ts.isCallExpression(object)) return 'call result';
  return ts.SyntaxKind[object.kind];
}

// Member names that any client's response (or its promise) gives a meaning to.
const entry = process.env.DRAIN_BENCH_PLUGIN ?? join(repoRoot, 'dist', 'index.js');
const { clientModels } = createRequire(import.meta.url)(join(dirname(entry), 'lib', 'clients', 'index.js'));
const viewMembers = new Set(['then', 'catch', 'finally']);
for (const client of clientModels) {
  for (const view of Object.values(client.views)) Object.keys(view.members).forEach((name) => viewMembers.add(name));
  Object.keys(client.promiseMembers ?? {}).forEach((name) => viewMembers.add(name));
}

/** Where the value of `call` goes, through parentheses, assertions and `await`. */
function position(call) {
  let node = call;
  let parent = node.parent;
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) ||
    ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent) || ts.isAwaitExpression(parent))) {
    node = parent;
    parent = node.parent;
  }
  if (!parent) return 'none';
  if (ts.isReturnStatement(parent) || ts.isYieldExpression(parent) || (ts.isArrowFunction(parent) && parent.body === node)) return 'returned';
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
    return viewMembers.has(parent.name.text) ? 'member a client knows' : 'member no client knows';
  }
  if (ts.isCallExpression(parent) && parent.expression === node) return 'called';
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return 'argument';
  if (ts.isExpressionStatement(parent)) return 'statement';
  if (ts.isVariableDeclaration(parent)) return 'declared';
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return 'assigned';
  if (ts.isPropertyAssignment(parent) || ts.isArrayLiteralExpression(parent) || ts.isShorthandPropertyAssignment(parent)) return 'in an object or array';
  return ts.SyntaxKind[parent.kind];
}
const positions = {}; // position → { asked, further }

function wrap(checker) {
  if (wrapped.has(checker)) return;
  wrapped.add(checker);
  for (const [method, fn] of Object.entries(checker)) {
    if (typeof fn !== 'function') continue;
    checker[method] = function (...args) {
      const caller = askedBy();
      const start = performance.now();
      const result = fn.apply(this, args);
      const ms = performance.now() - start;
      const key = `${method} ← ${caller}`;
      const entry = questions.get(key) ?? questions.set(key, { count: 0, ms: 0 }).get(key);
      entry.count++;
      entry.ms += ms;
      const [node] = args;
      if (method === 'getSymbolAtLocation' && caller.startsWith('calleeDeclarations') && node && ts.isIdentifier(node)) {
        const name = node.text;
        const member = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node;
        const stat = screened.get(name) ?? screened.set(name, { asked: 0, further: 0, member: 0, receivers: {}, declaredIn: {} }).get(name);
        stat.asked++;
        if (member) {
          stat.member++;
          const kind = receiverKind(node);
          stat.receivers[kind] = (stat.receivers[kind] ?? 0) + 1;
          // Mark the callee expression, so that the next question about it counts as "went on".
          furtherNodes.add(node.parent);
        } else furtherNodes.add(node);
        const callee = member ? node.parent : node;
        const call = callee.parent && ts.isCallExpression(callee.parent) && callee.parent.expression === callee ? callee.parent : undefined;
        const where = call ? position(call) : 'not a call';
        (positions[where] ??= { asked: 0, further: 0 }).asked++;
        calleePosition.set(callee, where);
        const file = declarationFile(result);
        stat.declaredIn[file] = (stat.declaredIn[file] ?? 0) + 1;
        stat.last = node;
      }
      if (method === 'getTypeAtLocation' && caller.startsWith('callMayReturnResponse') && node && furtherNodes.has(node)) {
        const name = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isIdentifier(node) ? node.text : undefined;
        if (name && screened.has(name)) screened.get(name).further++;
        positions[calleePosition.get(node)].further++;
      }
      return result;
    };
  }
}

function declarationFile(symbol) {
  let resolved = symbol;
  if (resolved && resolved.flags & ts.SymbolFlags.Alias) resolved = undefined;
  const declaration = resolved?.declarations?.[0];
  if (!declaration) return symbol ? 'alias or no declaration' : 'no symbol';
  const name = declaration.getSourceFile().fileName;
  if (/typescript\/lib\/lib\.dom/.test(name)) return 'lib.dom.d.ts';
  if (/typescript\/lib\//.test(name)) return 'lib.es*.d.ts';
  if (/@types\/node\//.test(name)) return '@types/node';
  if (/node_modules\//.test(name)) return name.endsWith('.d.ts') ? 'other .d.ts in node_modules' : 'node_modules source';
  return 'a source file of the program';
}

const probe = {
  rules: {
    hook: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const program = context.sourceCode.parserServices?.program;
        if (program) wrap(program.getTypeChecker());
        return {};
      },
    },
  },
};
const base = flatConfig(drain, configurations(drain)[config]);
base[0].plugins.probe = probe;
base[0].rules = { 'probe/hook': 'error', ...base[0].rules };

const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: base });
let calls = 0;
const start = performance.now();
const results = await eslint.lintFiles(files);
const wallMs = performance.now() - start;
// Every call expression in the linted files, for the share that was asked about at all.
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const visit = (node) => {
    if (ts.isCallExpression(node)) calls++;
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const byQuestion = [...questions].sort((a, b) => b[1].ms - a[1].ms).map(([key, { count, ms }]) => ({ question: key, count, ms: Math.round(ms) }));
const byName = [...screened]
  .sort((a, b) => b[1].asked - a[1].asked)
  .slice(0, top)
  .map(([name, { asked, further, member, receivers, declaredIn }]) => ({ name, asked, member, further, receivers, declaredIn }));
const totals = {
  files: files.length,
  calls,
  symbolQuestions: [...screened.values()].reduce((sum, s) => sum + s.asked, 0),
  wentOn: [...screened.values()].reduce((sum, s) => sum + s.further, 0),
  distinctNames: screened.size,
  reports: results.reduce((sum, r) => sum + r.messages.filter((m) => m.ruleId?.startsWith('drain/')).length, 0),
  wallMs: Math.round(wallMs),
  checkerMs: Math.round(byQuestion.reduce((sum, q) => sum + q.ms, 0)),
};
process.stdout.write(`${JSON.stringify({ totals, byQuestion, positions, byName }, null, 2)}\n`);
