import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ClientModel } from '../clients/client-model.js';
import type { BodyLeak } from '../tracking/findings.js';
import { enclosingFunction, type FunctionNode, unwrap } from '../tracking/ast.js';
import { drainExpressionWithoutAwait, drainFor } from './drain-text.js';
import { insertAtBlockEnd, insertBeforeStatement } from './insertion-point.js';
import { lineIndent, sourceStyle } from './source-style.js';

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

/**
 * Plans the drains of every leaking exit of one response as one edit, for its one report. An
 * autofix only when every exit has one: a partial fix would leave the report with other exits
 * named. Otherwise a suggestion with the drains that can be planned.
 */
export function planDrains(leaks: readonly BodyLeak[], sourceCode: Readonly<TSESLint.SourceCode>): DrainPlan {
  const plans = leaks.map((leak) => planDrain(leak, sourceCode));
  const usable = plans.filter((plan) => plan.kind !== 'none');
  if (usable.length === 0) return NONE;
  if (plans.length === 1) return plans[0]!;
  const kind = usable.length === plans.length && usable.every((plan) => plan.kind === 'fix') ? 'fix' : 'suggest';
  return { kind, drain: usable[0]!.drain, fix: allOf(usable.map((plan) => plan.fix)) };
}

/** The edits of several fixes as one; none if one of them gives up or two would overlap. */
function allOf(fixes: readonly TSESLint.ReportFixFunction[]): TSESLint.ReportFixFunction {
  return (fixer) => {
    const edits: TSESLint.RuleFix[] = [];
    for (const fix of fixes) {
      const result = fix(fixer);
      if (!result) return null;
      edits.push(...('range' in result ? [result as TSESLint.RuleFix] : result));
    }
    // ESLint throws on overlapping fixes of one report rather than choosing.
    const sorted = edits.toSorted((a, b) => a.range[0] - b.range[0]);
    return sorted.some((edit, index) => index > 0 && edit.range[0] < sorted[index - 1]!.range[1]) ? null : edits;
  };
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
  const found = drainFor(leak.response.client, holder.view, holder.variable.name, leak.errorStatus, canAwait(enclosingFunction(exit)));
  if (!found) return NONE;
  const drain = usedOptionally(holder.variable) ? { ...found, expression: optionalRef(found.expression, holder.variable.name) } : found;
  const style = sourceStyle(sourceCode);
  const statement = `${drain.expression}${style.semicolon}`;
  const endsBlock = leak.exit.kind === 'end' || leak.exit.kind === 'iteration-end' || leak.exit.kind === 'block-end';
  // `return (res = await fetch(u), res.status)`: the exit makes the response, so a drain in front
  // of it would run before the response exists (found by the soak run, tests/reliability).
  const producer = leak.response.producer;
  if (!endsBlock && exit.range[0] <= producer.range[0] && producer.range[1] <= exit.range[1]) return NONE;
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
  const valueName = freshName(sourceCode, arrow, 'value');
  // One line: the statements need semicolons even in a file that ends lines without them.
  const block = `{ const ${valueName} = ${sourceCode.getText(body)}; ${drain.expression}; return ${valueName}; }`;
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
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) return planDestructured(leak, statement, sourceCode);
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return NONE;
  const { client } = leak.response;
  const producer = leak.response.producer;
  const expression = unwrap(statement.expression);
  const style = sourceStyle(sourceCode);
  if (expression === producer && returnsResponseItself(client)) {
    // `got.stream(url);`: the stream is the response, not a promise of one.
    const drain = drainFor(client, client.rootView, sourceCode.getText(producer), false, false);
    if (!drain) return NONE;
    const text = `${drain.expression}${style.semicolon}`;
    return { kind: 'suggest', drain: drain.expression, fix: (fixer) => fixer.replaceText(statement, text) };
  }
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

/**
 * `const { statusCode } = await request(url)`: take the body too and drain it right away (a
 * suggestion: it changes the declaration and reads the body before the code goes on).
 */
function planDestructured(
  leak: BodyLeak,
  declaration: TSESTree.VariableDeclaration,
  sourceCode: Readonly<TSESLint.SourceCode>,
): DrainPlan {
  const declarator = declaration.declarations.length === 1 ? declaration.declarations[0] : undefined;
  const pattern = declarator?.id;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern || !declarator?.init) return NONE;
  if (pattern.properties.some((property) => property.type === AST_NODE_TYPES.RestElement)) return NONE;
  const { client } = leak.response;
  const body = bodyMember(client);
  if (!body) return NONE;
  const name = freshName(sourceCode, declaration, body.member);
  const fn = enclosingFunction(declaration);
  const drain = fn.type === AST_NODE_TYPES.Program ? undefined : drainFor(client, body.view, name, false, canAwait(fn));
  const last = pattern.properties.at(-1);
  const closing = sourceCode.getLastToken(pattern, (token) => token.value === '}');
  if (!drain || !last || !closing) return NONE;
  const style = sourceStyle(sourceCode);
  const property = name === body.member ? name : `${body.member}: ${name}`;
  const indent = lineIndent(sourceCode, declaration) ?? '';
  return {
    kind: 'suggest',
    drain: drain.expression,
    fix: (fixer) => [
      fixer.insertTextAfter(last, `, ${property}`),
      fixer.insertTextAfter(declaration, `${style.eol}${indent}${drain.expression}${style.semicolon}`),
    ],
  };
}

/** The member of the response that is its body, and the view it is (`body` → `stream` for fetch). */
function bodyMember(client: ClientModel): { member: string; view: string } | undefined {
  const members = client.views[client.rootView]?.members ?? {};
  for (const [member, spec] of Object.entries(members)) {
    const access = spec.access;
    if (access?.kind === 'view' && client.drains[access.view]) return { member, view: access.view };
  }
  return undefined;
}

/** Every producer of the client returns the response, never a promise of it (got streams). */
function returnsResponseItself(client: ClientModel): boolean {
  const producers = [...client.producers, ...(client.optionProducers ?? [])];
  return producers.length > 0 && producers.every((producer) => producer.returns === 'value');
}

/**
 * `const res = await fetch(u).catch(() => undefined)` … `res?.status`: the code says the holder
 * may be nullish, and `res.body?.cancel()` would throw a TypeError there (and fail `tsc`).
 */
function usedOptionally(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some(({ identifier }) => {
    const parent = identifier.parent;
    return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier && parent.optional;
  });
}

/** `await res.body?.cancel()` → `await res?.body?.cancel()`; a ref already followed by `?.` stays. */
function optionalRef(expression: string, name: string): string {
  const escaped = name.replace(/\$/g, '\\$');
  return expression.replace(new RegExp(`(?<![\\w$.])${escaped}\\.`), `${name}?.`);
}

/** `await` is allowed in async functions and async generators; module code is left alone. */
function canAwait(fn: FunctionNode): boolean {
  return fn.type !== AST_NODE_TYPES.Program && fn.async;
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
