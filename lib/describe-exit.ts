import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { catchingClause, enclosingFunction, exitStatements, isFunctionNode } from './tracking/ast.js';
import type { LeakExit } from './tracking/findings.js';

/** The leaking exit in words, for messages: "the function throws at line 14". */
export function describeExit(exit: LeakExit): string {
  return describeExits([exit]);
}

/**
 * Every leaking exit of one response in words, in source order of first appearance: "the function
 * returns at lines 3 and 9 or throws at line 5, or when the loop continues at line 6".
 */
export function describeExits(exits: readonly LeakExit[]): string {
  const subjects = new Map<string, Map<string, number[]>>();
  for (const exit of exits) {
    const { subject, verb, line } = exitWords(exit);
    const verbs = subjects.get(subject) ?? subjects.set(subject, new Map()).get(subject)!;
    const lines = verbs.get(verb) ?? verbs.set(verb, []).get(verb)!;
    if (line !== undefined && !lines.includes(line)) lines.push(line);
  }
  const clauses = [...subjects].map(([subject, verbs]) => {
    const events = [...verbs].map(([verb, lines]) => (lines.length === 0 ? verb : `${verb} at ${lineList(lines)}`));
    return `${subject} ${events.join(' or ')}`;
  });
  return clauses.join(', or when ');
}

/** Lines a list names before it counts the rest: a message stays one readable line at any number of exits. */
export const LISTED_LINES = 3;

/** "line 3", "lines 3, 9 and 12", "lines 3, 103, 104 and 1,997 more". */
export function lineList(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  if (lines.length > LISTED_LINES + 1) {
    return `lines ${lines.slice(0, LISTED_LINES).join(', ')} and ${(lines.length - LISTED_LINES).toLocaleString('en-US')} more`;
  }
  return `lines ${lines.slice(0, -1).join(', ')} and ${lines.at(-1)}`;
}

/** The line an exit is named by: where its statement starts, or where the block it ends closes. */
export function exitLine(exit: LeakExit): number {
  return exit.kind === 'end' || exit.kind === 'iteration-end' || exit.kind === 'block-end' ? exit.node.loc.end.line : exit.node.loc.start.line;
}

function exitWords(exit: LeakExit): { subject: string; verb: string; line?: number } {
  const line = exitLine(exit);
  switch (exit.kind) {
    case 'return':
      return { subject: functionWord(exit.node), verb: 'returns', line };
    case 'throw': {
      // Caught in the same function: the path leaves where the `catch` does, not at the `throw`.
      const handler = catchingClause(exit.node);
      return { subject: functionWord(exit.node), verb: handler ? caughtVerb(handler) : 'throws', line };
    }
    case 'end':
      return { subject: exit.node.type === AST_NODE_TYPES.Program ? 'the module' : functionWord(exit.node), verb: 'ends', line };
    case 'callback-end':
      return { subject: 'the callback', verb: 'returns', line };
    case 'continue':
      return { subject: 'the loop', verb: 'continues', line };
    case 'break':
      return { subject: 'the loop', verb: 'is left', line };
    case 'iteration-end':
      return { subject: 'the loop iteration', verb: 'ends', line };
    case 'block-end':
      return { subject: 'the block', verb: 'ends', line };
    case 'overwrite':
      return { subject: 'the variable holding it', verb: 'is overwritten', line };
    case 'discard':
      return { subject: 'it', verb: 'is dropped', line };
    case 'stored':
      return { subject: 'it', verb: 'is stored where nothing reads it', line };
    case 'ignored':
      // A `catch` without a parameter ignores the error that carries the response.
      return { subject: `the ${exit.node.type === AST_NODE_TYPES.CatchClause ? 'catch' : 'callback'} at line ${line}`, verb: 'ignores it' };
  }
}

/** "the callback" for a function literal passed as an argument (`.then((res) => { … })`), else "the function". */
function functionWord(node: TSESTree.Node): string {
  const fn = isFunctionNode(node) ? node : enclosingFunction(node);
  const parent = fn.parent;
  const passed =
    (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) &&
    (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(fn);
  return passed ? 'the callback' : 'the function';
}

/** "returns at line 28 after catching the error thrown" (at the throw's line), from the catch's own exits. */
function caughtVerb(handler: TSESTree.CatchClause): string {
  const exits = exitStatements(handler.body);
  if (exits.length === 0) return `goes on after the catch at line ${handler.loc.start.line}, which caught the error thrown`;
  const returns = exits.filter((exit) => exit.type === AST_NODE_TYPES.ReturnStatement).map((exit) => exit.loc.start.line);
  const throws = exits.filter((exit) => exit.type === AST_NODE_TYPES.ThrowStatement).map((exit) => exit.loc.start.line);
  const parts = [...(returns.length > 0 ? [`returns at ${lineList(returns)}`] : []), ...(throws.length > 0 ? [`throws at ${lineList(throws)}`] : [])];
  return `${parts.join(' or ')} after catching the error thrown`;
}
