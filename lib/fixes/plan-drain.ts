import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { BodyLeak } from '../tracking/findings.js';
import { enclosingFunction, type FunctionNode, unwrap } from '../tracking/ast.js';
import { drainExpressionWithoutAwait, drainFor } from './drain-text.js';
import { insertAtBlockEnd, insertBeforeStatement } from './insertion-point.js';
import { sourceStyle } from './source-style.js';

/**
 * What a rule can offer for a leak: an autofix when the edit only releases what the code already
 * decided not to read, a suggestion when it changes more (control flow, timing of a callback that
 * cannot await, the shape of a callback), nothing when no edit is certainly right.
 */
export type DrainPlan =
  | { readonly kind: 'fix' | 'suggest'; readonly drain: string; readonly fix: TSESLint.ReportFixFunction }
  | { readonly kind: 'none' };

const NONE: DrainPlan = { kind: 'none' };

/** Plans the drain for one leaking exit. */
export function planDrain(leak: BodyLeak, sourceCode: Readonly<TSESLint.SourceCode>): DrainPlan {
  switch (leak.exit.kind) {
    case 'return':
    case 'throw':
    case 'continue':
    case 'break':
    case 'end':
    case 'iteration-end':
    case 'block-end':
      return planAtExit(leak, sourceCode);
    case 'callback-end':
      return planExpressionBody(leak, sourceCode);
    case 'discard':
      return planDiscarded(leak, sourceCode);
    default:
      return NONE;
  }
}

/** Insert the drain right before the exit, inside the branch that leaks. */
function planAtExit(leak: BodyLeak, sourceCode: Readonly<TSESLint.SourceCode>): DrainPlan {
  // Another path reaches the same exit with the body settled: a drain there would be theirs too.
  if (leak.mixed) return NONE;
  const holder = leak.holders.find((target) => leak.response.client.drains[target.view]);
  if (!holder) return NONE;
  const exit = leak.exit.node;
  // The end of module code has no enclosing function to ask about `await`, nor a block to insert into.
  if (exit.type === AST_NODE_TYPES.Program) return NONE;
  const drain = drainFor(leak.response.client, holder.view, holder.variable.name, leak.errorStatus, canAwait(enclosingFunction(exit)));
  if (!drain) return NONE;
  const style = sourceStyle(sourceCode);
  const statement = `${drain.expression}${style.semicolon}`;
  const endsBlock = leak.exit.kind === 'end' || leak.exit.kind === 'iteration-end' || leak.exit.kind === 'block-end';
  let fix: TSESLint.ReportFixFunction | undefined;
  if (!endsBlock) fix = insertBeforeStatement(sourceCode, exit, statement);
  else if (exit.type === AST_NODE_TYPES.BlockStatement) fix = insertAtBlockEnd(sourceCode, exit, statement);
  if (!fix) return NONE;
  const timingChanges = drain.expression.startsWith('void ');
  return { kind: timingChanges ? 'suggest' : 'fix', drain: drain.expression, fix };
}

/** `.then((res) => res.ok)`: rewrite the body to a block that drains before returning (a suggestion). */
function planExpressionBody(leak: BodyLeak, sourceCode: Readonly<TSESLint.SourceCode>): DrainPlan {
  const body = leak.exit.node;
  const arrow = body.parent;
  if (leak.mixed || arrow?.type !== AST_NODE_TYPES.ArrowFunctionExpression || arrow.body !== body) return NONE;
  const holder = leak.holders.find((target) => leak.response.client.drains[target.view]);
  if (!holder) return NONE;
  const drain = drainFor(leak.response.client, holder.view, holder.variable.name, leak.errorStatus, true);
  if (!drain) return NONE;
  const style = sourceStyle(sourceCode);
  const valueName = freshName(sourceCode, arrow, 'value');
  const block = `{ const ${valueName} = ${sourceCode.getText(body)}${style.semicolon} ${drain.expression}${style.semicolon} return ${valueName}${style.semicolon} }`;
  return {
    kind: 'suggest',
    drain: drain.expression,
    fix: (fixer) => {
      const edits = [fixer.replaceText(body, block)];
      if (drain.awaits && !arrow.async) edits.push(fixer.insertTextBefore(arrow, 'async '));
      return edits;
    },
  };
}

/** `await fetch(url);` and `fetch(url);`: there is no name to drain, so offer to read and discard. */
function planDiscarded(leak: BodyLeak, sourceCode: Readonly<TSESLint.SourceCode>): DrainPlan {
  const statement = leak.exit.node;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return NONE;
  const { client } = leak.response;
  const producer = leak.response.producer;
  const expression = unwrap(statement.expression);
  const style = sourceStyle(sourceCode);
  if (expression === producer) {
    const drain = drainExpressionWithoutAwait(client, client.rootView, 'response');
    if (!drain) return NONE;
    const text = `void ${sourceCode.getText(producer)}.then((response) => ${drain})${style.semicolon}`;
    return { kind: 'suggest', drain: text, fix: (fixer) => fixer.replaceText(statement, text) };
  }
  if (expression.type === AST_NODE_TYPES.AwaitExpression && unwrap(expression.argument) === producer) {
    if (!canAwait(enclosingFunction(statement))) return NONE;
    const drain = drainFor(client, client.rootView, `(${sourceCode.getText(expression)})`, false, true);
    if (!drain) return NONE;
    const text = `${drain.expression}${style.semicolon}`;
    return { kind: 'suggest', drain: drain.expression, fix: (fixer) => fixer.replaceText(statement, text) };
  }
  return NONE;
}

function canAwait(fn: FunctionNode): boolean {
  return fn.type !== AST_NODE_TYPES.Program && fn.async && !fn.generator;
}

/** `base`, or `base2`, `base3`… whichever no variable in scope at `node` uses. */
function freshName(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, base: string): string {
  const taken = new Set<string>();
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    for (const variable of scope.variables) taken.add(variable.name);
    for (const reference of scope.through) taken.add(reference.identifier.name);
  }
  let name = base;
  for (let counter = 2; taken.has(name); counter++) name = `${base}${counter}`;
  return name;
}
