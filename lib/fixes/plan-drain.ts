import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ClientModel, ViewModel } from '../clients/client-model.js';
import type { BodyLeak, LeakExit, TrackedResponse } from '../tracking/findings.js';
import { enclosingFunction, type FunctionNode, memberName, outerWrapper, unwrap } from '../tracking/ast.js';
import { isCollectionView, RACE_VIEW, SETTLED_ARRAY_VIEW } from '../tracking/response-collections.js';
import { cloneCall } from '../tracking/unread-clones.js';
import { readCall } from '../tracking/response-uses.js';
import { type DrainAbout, type DrainSetting, type DrainText, drainable, drainFor, optionalRef, withImport } from './drain-text.js';
import { insertAtBlockEnd, insertBeforeStatement, oneLine, replaceStatement } from './insertion-point.js';
import { lineIndent, sourceStyle } from './source-style.js';

/**
 * What a rule can offer for a leak: an autofix when the edit only releases what the code already
 * decided not to read, a suggestion when it changes more (control flow, timing of a callback that
 * cannot await, the shape of a callback), nothing when no edit is certainly right.
 */
export type DrainPlan =
  | {
      readonly kind: 'fix' | 'suggest';
      readonly drain: string;
      readonly fix: TSESLint.ReportFixFunction;
      /** What the drain reads and how far, for titles. */
      readonly about: DrainAbout;
      /** The exits the edit drains before, when it is planned for leaking exits. */
      readonly exits?: readonly LeakExit[];
    }
  | { readonly kind: 'none' };

const NONE: DrainPlan = { kind: 'none' };

/** Plans the drain for one leaking exit. */
export function planDrain(leak: BodyLeak, sourceCode: Readonly<TSESLint.SourceCode>, setting: DrainSetting): DrainPlan {
  // `res.body` on a `FetchResponse` of the code's own making would not type-check.
  if (leak.response.declaredOtherwise) return NONE;
  switch (leak.exit.kind) {
    case 'return':
    case 'throw':
    case 'continue':
    case 'break':
    case 'end':
    case 'iteration-end':
    case 'block-end':
      return planAtExit(leak, sourceCode, setting);
    case 'callback-end':
      return planExpressionBody(leak, sourceCode, setting);
    case 'discard':
      return planDiscarded(leak, sourceCode, setting);
    case 'ignored':
      return planIgnored(leak, sourceCode, setting);
    default:
      return NONE;
  }
}

/**
 * Plans the drains of every leaking exit of one response as one edit, for its one report. An
 * autofix only when every exit has one: a partial fix would leave the report with other exits
 * named. Otherwise a suggestion with the drains that can be planned.
 */
export function planDrains(leaks: readonly BodyLeak[], sourceCode: Readonly<TSESLint.SourceCode>, setting: DrainSetting): DrainPlan {
  const plans = leaks.map((leak) => planDrain(leak, sourceCode, setting));
  const usable = plans.filter((plan) => plan.kind !== 'none');
  if (usable.length === 0) return NONE;
  const exits = leaks.filter((_, index) => plans[index]!.kind !== 'none').map((leak) => leak.exit);
  if (plans.length === 1) return { ...usable[0]!, exits };
  const kind = usable.length === plans.length && usable.every((plan) => plan.kind === 'fix') ? 'fix' : 'suggest';
  return { kind, drain: usable[0]!.drain, fix: allOf(usable.map((plan) => plan.fix)), about: usable[0]!.about, exits };
}

/** The edits of several fixes as one; none if one of them gives up or two would overlap. */
function allOf(fixes: readonly TSESLint.ReportFixFunction[]): TSESLint.ReportFixFunction {
  return (fixer) => {
    const edits: TSESLint.RuleFix[] = [];
    for (const fix of fixes) {
      const result = fix(fixer);
      if (!result) return null;
      for (const edit of 'range' in result ? [result as TSESLint.RuleFix] : result) {
        // Every drain that calls the user's helper brings the same import: keep one.
        if (!edits.some((other) => other.range[0] === edit.range[0] && other.range[1] === edit.range[1] && other.text === edit.text)) edits.push(edit);
      }
    }
    // ESLint throws on overlapping fixes of one report rather than choosing.
    const sorted = edits.toSorted((a, b) => a.range[0] - b.range[0]);
    return sorted.some((edit, index) => index > 0 && edit.range[0] < sorted[index - 1]!.range[1]) ? null : edits;
  };
}

/** The plan for one drain whose text is placed by `place`; a suggestion when it leaves a promise running. */
function planned(drain: DrainText, place: TSESLint.ReportFixFunction | undefined, kind: 'fix' | 'suggest' = 'fix'): DrainPlan {
  if (!place) return NONE;
  return { kind: drain.background ? 'suggest' : kind, drain: drain.statements.join('; '), fix: withImport(drain.importEdit, place), about: drain.about };
}

/** Insert the drain right before the exit, inside the branch that leaks. */
function planAtExit(leak: BodyLeak, sourceCode: Readonly<TSESLint.SourceCode>, setting: DrainSetting): DrainPlan {
  // Another path reaches the same exit with the body settled: a drain there would be theirs too.
  if (leak.mixed) return NONE;
  const collection = leak.holders.find((target) => isCollectionView(target.view));
  const holder = collection ?? leak.holders.find((target) => drainable(leak.response.client, target.view));
  if (!holder) return NONE;
  const exit = leak.exit.node;
  // The end of module code has no enclosing function to ask about `await`, nor a block to insert into.
  if (exit.type === AST_NODE_TYPES.Program) return NONE;
  const found = collection
    ? !leak.partial && collectionDrain(leak.response, collection.view, collection.variable.name, sourceCode, setting, exit)
    : drainOrNull(leak.response.nullable, leak.response.client, holder.view, holder.variable.name, canAwait(enclosingFunction(exit)), setting, exit);
  const copied = found && !collection ? withCopies(leak, holder, found) : found;
  const unlocked = copied && !collection ? unlockedFirst(leak, copied) : copied && { drain: copied, certain: true };
  if (!unlocked) return NONE;
  const drain = collection ? unlocked.drain : optionalLike(unlocked.drain, holder.variable);
  const kind = unlocked.certain ? 'fix' : 'suggest';
  const endsBlock = leak.exit.kind === 'end' || leak.exit.kind === 'iteration-end' || leak.exit.kind === 'block-end';
  // `return (res = await fetch(u), res.status)`: the exit makes the response, so a drain in front
  // of it would run before the response exists (found by the soak run, tests/reliability).
  const producer = leak.response.producer;
  if (!endsBlock && exit.range[0] <= producer.range[0] && producer.range[1] <= exit.range[1]) return NONE;
  if (!endsBlock) return planned(drain, insertBeforeStatement(sourceCode, exit, drain.statements), kind);
  return planned(drain, exit.type === AST_NODE_TYPES.BlockStatement ? insertAtBlockEnd(sourceCode, exit, drain.statements) : undefined, kind);
}

/**
 * `const copy = res.clone()`: the tee lets go of the connection only when both copies are read or
 * cancelled, and cancelling one copy settles only once the other is done too. So each other copy
 * holding the response is let go first, without waiting (the client's `releaseCopy`), and the drain
 * of the one copy then decides: read to the end, or cut off at its limit, which ends the tee. A
 * drain of one copy alone would hang at its limit, waiting for the other.
 */
function withCopies(leak: BodyLeak, drained: BodyLeak['holders'][number], drain: DrainText): DrainText | undefined {
  const { client } = leak.response;
  const copies = leak.holders.filter((holder) => holder !== drained && holder.view === drained.view && cloneCall(holder.identifier, client.views));
  if (copies.length === 0) return drain;
  const release = client.drains[drained.view]?.releaseCopy;
  if (!release) return undefined;
  const releases = copies.flatMap((copy) => optionalLike({ ...drain, statements: [`void ${release.replaceAll('{{ref}}', copy.variable.name)}`] }, copy.variable).statements);
  return { ...drain, statements: [...releases, ...drain.statements] };
}

/**
 * A body a reader still locks cannot be drained (`pipeTo` rejects): release the reader first. Sure
 * only when no `read()` of it is left pending (each one awaited where it is called), since releasing
 * rejects a pending read; otherwise a suggestion. None when the partial read went through a reader
 * no variable holds.
 */
function unlockedFirst(leak: BodyLeak, drain: DrainText): { readonly drain: DrainText; readonly certain: boolean } | undefined {
  const { client } = leak.response;
  const locking = leak.holders.filter((holder) => client.views[holder.view]?.unlock);
  if (locking.length === 0) {
    const locks = Object.values(client.views).some((view) => view.unlock);
    return leak.partial && locks ? undefined : { drain, certain: true };
  }
  const releases = locking.flatMap((holder) => {
    if (releasedRightBefore(leak.exit.node, holder.variable.name, client.views[holder.view]!.unlock!)) return [];
    const release: DrainText = { ...drain, statements: [`${holder.variable.name}.${client.views[holder.view]!.unlock!}()`] };
    return optionalLike(release, holder.variable).statements;
  });
  const certain = locking.every((holder) =>
    holder.variable.references.every((reference) => !pendingRead(reference.identifier, client.views[holder.view]!)),
  );
  return { drain: { ...drain, statements: [...releases, ...drain.statements] }, certain };
}

/** `reader.releaseLock(); return value;`: the statement before the exit (or ending its block) already released. */
function releasedRightBefore(exit: TSESTree.Node, name: string, unlock: string): boolean {
  const list = exit.type === AST_NODE_TYPES.BlockStatement ? exit.body : exit.parent && 'body' in exit.parent && Array.isArray(exit.parent.body) ? (exit.parent.body as TSESTree.Node[]) : [];
  const before = exit.type === AST_NODE_TYPES.BlockStatement ? list.at(-1) : list[list.indexOf(exit) - 1];
  if (before?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = before.expression;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { object } = call.callee;
  return object.type === AST_NODE_TYPES.Identifier && object.name === name && memberName(call.callee) === unlock;
}

/** `reader.read()` whose promise is not awaited where it is made: it may still be pending. */
function pendingRead(identifier: TSESTree.Node, view: ViewModel): boolean {
  const read = readCall(identifier, view);
  return read !== undefined && outerWrapper(read.call).parent?.type !== AST_NODE_TYPES.AwaitExpression;
}

/**
 * Drains every element of the array of responses `ref`: `await Promise.all(ref.map((response) => …))`
 * when the client's drain is one awaited expression (none otherwise). For
 * `allSettled` results, only the fulfilled ones hold a response. Only where the function can `await`.
 */
function collectionDrain(
  { client, nullable }: TrackedResponse,
  view: string,
  ref: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
  setting: DrainSetting,
  at: TSESTree.Node,
): DrainText | undefined {
  if (!canAwait(enclosingFunction(at))) return undefined;
  const settled = view === SETTLED_ARRAY_VIEW;
  const element = freshName(sourceCode, at, settled ? 'result' : 'response');
  const drain = drainOrNull(nullable, client, client.rootView, settled ? `${element}.value` : element, true, setting, at);
  if (!drain) return undefined;
  const only = drain.statements.length === 1 ? drain.statements[0]! : undefined;
  // A drain of several statements (a read, then a timed close) would need a loop: none is offered.
  if (!only?.startsWith('await ')) return undefined;
  const each = only.slice('await '.length);
  const body = settled ? `${element}.status === 'fulfilled' && ${each}` : each;
  return { ...drain, statements: [`await Promise.all(${ref}.map((${element}) => ${body}))`] };
}

/**
 * `drainFor`, with `?.` after `ref` when the producer may give `null` or `undefined` instead of a
 * response (`Promise<Response | null>`), where `ref.body` would throw. None for a drain that passes
 * `ref` whole (the user's helper takes a response, not `null`).
 */
function drainOrNull(
  nullable: boolean | undefined,
  client: ClientModel,
  view: string,
  ref: string,
  awaitAllowed: boolean,
  setting: DrainSetting,
  at: TSESTree.Node,
): DrainText | undefined {
  const drain = drainFor(client, view, ref, awaitAllowed, setting, at);
  if (!drain || !nullable) return drain;
  const safe = drain.statements.map((statement) => (statement.includes(`${ref}?.`) ? statement : statement.replace(`${ref}.`, `${ref}?.`)));
  return safe.every((statement) => statement.includes(`${ref}?.`)) ? { ...drain, statements: safe } : undefined;
}

/** `.then((res) => res.ok)`: rewrite the body to a block that drains before returning (a suggestion). */
function planExpressionBody(leak: BodyLeak, sourceCode: Readonly<TSESLint.SourceCode>, setting: DrainSetting): DrainPlan {
  const body = leak.exit.node;
  const arrow = body.parent;
  if (leak.mixed || arrow?.type !== AST_NODE_TYPES.ArrowFunctionExpression || arrow.body !== body) return NONE;
  const holder = leak.holders.find((target) => drainable(leak.response.client, target.view));
  if (!holder) return NONE;
  const found = drainOrNull(leak.response.nullable, leak.response.client, holder.view, holder.variable.name, true, setting, body);
  if (!found) return NONE;
  const drain = optionalLike(found, holder.variable);
  const valueName = freshName(sourceCode, arrow, 'value');
  // One line: the statements need semicolons even in a file that ends lines without them.
  const block = `{ const ${valueName} = ${sourceCode.getText(body)}; ${oneLine(drain.statements)} return ${valueName}; }`;
  return planned(
    drain,
    (fixer) => {
      const edits = [fixer.replaceText(body, block)];
      if (drain.awaits && !arrow.async) edits.push(fixer.insertTextBefore(arrow, 'async '));
      return edits;
    },
    'suggest',
  );
}

/** `await fetch(url);` and `fetch(url);`: there is no name to drain, so offer to read and discard. */
function planDiscarded(leak: BodyLeak, sourceCode: Readonly<TSESLint.SourceCode>, setting: DrainSetting): DrainPlan {
  const statement = leak.exit.node;
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) return planDestructured(leak, statement, sourceCode, setting);
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return NONE;
  const { client } = leak.response;
  if (leak.response.collection) {
    // `await Promise.all(urls.map((u) => fetch(u)));`: name the array and drain every element (a
    // suggestion: the statement now also waits for the bodies).
    const view = leak.response.collection.view;
    // The losers of a race are out of reach: draining them means keeping the promises, a rewrite.
    if (view === RACE_VIEW) return NONE;
    const name = freshName(sourceCode, statement, view === SETTLED_ARRAY_VIEW ? 'results' : 'responses');
    const drain = collectionDrain(leak.response, view, name, sourceCode, setting, statement);
    if (!drain) return NONE;
    return planned(drain, replaceStatement(sourceCode, statement, [`const ${name} = ${sourceCode.getText(statement.expression)}`, ...drain.statements]), 'suggest');
  }
  const producer = leak.response.producer;
  const expression = unwrap(statement.expression);
  const fn = enclosingFunction(statement);
  const awaitAllowed = canAwait(fn);
  const drainOf = (ref: string) => drainOrNull(leak.response.nullable, client, client.rootView, ref, awaitAllowed, setting, statement);
  const name = freshName(sourceCode, statement, 'response');
  // A drain that names its response twice (a read, then a timed close) gets a `const` to name it by.
  const named = (value: string): DrainPlan => {
    const drain = drainOf(name);
    if (!drain || fn.type === AST_NODE_TYPES.Program) return NONE;
    return planned(drain, replaceStatement(sourceCode, statement, [`const ${name} = ${value}`, ...drain.statements]), 'suggest');
  };
  if (expression === producer && returnsResponseItself(client)) {
    // `got.stream(url);`: the stream is the response, not a promise of one.
    const drain = drainOf(sourceCode.getText(producer));
    if (drain?.statements.length === 1) return planned(drain, replaceStatement(sourceCode, statement, drain.statements), 'suggest');
    return named(sourceCode.getText(producer));
  }
  if (expression === producer) {
    // `fetch(url);`: keep it running in the background, as it did, and drain the response it brings.
    const drain = drainOrNull(leak.response.nullable, client, client.rootView, 'response', false, setting, statement);
    if (!drain) return NONE;
    const read = drain.statements.map((text) => text.replace(/^void /, ''));
    const then = read.length === 1 ? read[0]! : `{ ${oneLine(read)} }`;
    const text = `void ${sourceCode.getText(producer)}.then((response) => ${then})`;
    return planned({ ...drain, statements: [text], background: true }, replaceStatement(sourceCode, statement, [text]));
  }
  if (expression.type === AST_NODE_TYPES.AwaitExpression && unwrap(expression.argument) === producer) {
    if (!awaitAllowed) return NONE;
    const drain = drainOf(`(${sourceCode.getText(expression)})`);
    if (drain?.statements.length === 1) return planned(drain, replaceStatement(sourceCode, statement, drain.statements), 'suggest');
    return named(sourceCode.getText(expression));
  }
  return NONE;
}

/**
 * `.then(() => done())`, `http.get(url, () => …)`: the callback takes no parameter, so give it one
 * and drain it first thing (a suggestion: it changes the callback's signature).
 */
function planIgnored(leak: BodyLeak, sourceCode: Readonly<TSESLint.SourceCode>, setting: DrainSetting): DrainPlan {
  const fn = leak.exit.node;
  if ((fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) || fn.params.length > 0) return NONE;
  const open = fn.type === AST_NODE_TYPES.ArrowFunctionExpression ? sourceCode.getFirstToken(fn, (token) => token.value === '(') : sourceCode.getTokenBefore(fn.body, (token) => token.value === '(');
  const close = open && sourceCode.getTokenAfter(open);
  if (!open || close?.value !== ')') return NONE;
  const { client } = leak.response;
  const step = fn.parent.type === AST_NODE_TYPES.CallExpression && fn.parent.callee.type === AST_NODE_TYPES.MemberExpression ? memberName(fn.parent.callee) : undefined;
  const rejected = step === 'catch' || (step === 'then' && fn.parent.type === AST_NODE_TYPES.CallExpression && fn.parent.arguments[1] === fn);
  const name = freshName(sourceCode, fn.body, rejected ? 'error' : 'response');
  // A promise callback may become `async` and wait for the drain: the chain waits for what it returns.
  const awaitAllowed = fn.async || step === 'then' || step === 'catch';
  const drain = drainOrNull(!rejected && leak.response.nullable, client, rejected && client.rejection ? client.rejection.view : client.rootView, name, awaitAllowed, setting, fn.body);
  if (!drain) return NONE;
  const body = fn.body;
  let place: TSESLint.ReportFixFunction | undefined;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    place = (fixer) => fixer.replaceText(body, `{ ${oneLine(drain.statements)} return ${sourceCode.getText(body)}; }`);
  } else if (body.body[0]) {
    place = insertBeforeStatement(sourceCode, body.body[0], drain.statements);
  } else {
    place = insertAtBlockEnd(sourceCode, body, drain.statements);
  }
  const withParam = place && ((fixer: TSESLint.RuleFixer) => {
    const placed = place(fixer);
    if (!placed) return null;
    const edits = [fixer.insertTextAfter(open, name), ...('range' in placed ? [placed as TSESLint.RuleFix] : placed)];
    if (drain.awaits && !fn.async) edits.push(fixer.insertTextBefore(fn, 'async '));
    return edits;
  });
  return planned(drain, withParam, 'suggest');
}

/**
 * `const { statusCode } = await request(url)`: take the body too and drain it right away (a
 * suggestion: it changes the declaration and reads the body before the code goes on).
 */
function planDestructured(
  leak: BodyLeak,
  declaration: TSESTree.VariableDeclaration,
  sourceCode: Readonly<TSESLint.SourceCode>,
  setting: DrainSetting,
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
  const drain = fn.type === AST_NODE_TYPES.Program ? undefined : drainFor(client, body.view, name, canAwait(fn), setting, declaration);
  const last = pattern.properties.at(-1);
  const closing = sourceCode.getLastToken(pattern, (token) => token.value === '}');
  if (!drain || !last || !closing) return NONE;
  const style = sourceStyle(sourceCode);
  const property = name === body.member ? name : `${body.member}: ${name}`;
  const indent = lineIndent(sourceCode, declaration) ?? '';
  const after = drain.statements.map((statement) => `${style.eol}${indent}${statement}${style.semicolon}`).join('');
  return planned(
    drain,
    (fixer) => [fixer.insertTextAfter(last, `, ${property}`), fixer.insertTextAfter(declaration, after)],
    'suggest',
  );
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
 * `drain` with `?.` after `variable` when the code already writes `variable?.…`
 * (`const res = await fetch(u).catch(() => undefined)` … `res?.status`): it may be nullish there for
 * a reason the analysis does not see, and `res.body?.cancel()` would throw a TypeError (and fail `tsc`).
 */
function optionalLike(drain: DrainText, variable: TSESLint.Scope.Variable): DrainText {
  const optional = variable.references.some(({ identifier }) => {
    const parent = identifier.parent;
    return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier && parent.optional;
  });
  return optional ? { ...drain, statements: drain.statements.map((statement) => optionalRef(statement, variable.name)) } : drain;
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
