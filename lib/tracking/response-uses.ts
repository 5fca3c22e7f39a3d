import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { type ClientModel, type CloseKind, type MemberEffect, memberSpec, type ViewModel } from '../clients/client-model.js';
import { inertSinks } from '../clients/inert-sinks.js';
import { isUnreadContainerPut, isUnreadStore } from './unread-stores.js';
import { responseMembers } from '../clients/index.js';
import { calledBy, type FunctionNode, isFunctionNode, isRepeatedByLoop, isTransparent, memberName, outerAwaited, outerWrapper, unwrap } from './ast.js';

/** The view name of a promise of a response (before `await`). */
export const PROMISE_VIEW = '#promise';

/** A local variable that now also holds (a view of) the response. */
export interface AliasTarget {
  readonly variable: TSESLint.Scope.Variable;
  /** The identifier written at this point, so its own write is not taken for a reassignment. */
  readonly identifier: TSESTree.Identifier;
  readonly view: string;
}

/** What one use of a response value does, in the shape of eslint-plugin-regexp's references. */
export type ResponseUse =
  /** Reads the body to its end, or starts a read that its owner finishes. */
  | { readonly kind: 'consume' }
  /** Reads part of the body (`reader.read()`). */
  | { readonly kind: 'read' }
  /** Closes the body. */
  | {
      readonly kind: 'release';
      readonly close: CloseKind;
      readonly call: TSESTree.CallExpression;
      /** The view whose member closed it, which decides the drain that could replace the close. */
      readonly view: string;
      /** Closed by a function it was passed to (`release(res)`), not by a member of the view. */
      readonly helper?: boolean;
    }
  /** Looks at metadata only; `stored` where it is kept in a place whose body no code reads. */
  | { readonly kind: 'inspect'; readonly stored?: boolean }
  /** The value is thrown away here: an expression statement, a destructuring that keeps no body. */
  | { readonly kind: 'drop' }
  /**
   * Someone else is now responsible: returned, yielded, passed to a function. `known` when that
   * someone certainly takes it: the caller it is returned to, a callee whose summary takes it.
   */
  | {
      readonly kind: 'handoff';
      readonly known?: boolean;
      /** Given back as the function's value: a caller of a helper that does this gets its own response back. */
      readonly returned?: boolean;
    }
  /** Flows somewhere this analysis does not follow: stored, captured, computed member. */
  | { readonly kind: 'escape' }
  | { readonly kind: 'alias'; readonly targets: readonly AliasTarget[]; readonly settles: boolean }
  /** A promise's `.then(fn)`: the response continues as `fn`'s first parameter. */
  | { readonly kind: 'callback'; readonly fn: Exclude<FunctionNode, TSESTree.Program> };

/** Where the analysis stands while climbing from a use to its effect. */
export interface UseContext {
  readonly client: ClientModel;
  readonly owner: FunctionNode;
  readonly scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  /**
   * What the function `call` runs does with argument `index`; `undefined` when its body is not
   * visible. Anything but `borrows` counts as a hand-off.
   */
  readonly calleeSummary?: (call: TSESTree.CallExpression, index: number, view: string) => CalleeSummary | undefined;
}

/**
 * What a function does with a response it receives, from its body (lib/summaries/parameter-summary.ts):
 * `takes` it over, only `borrows` it, `returns` it as its value, only closes it (`cancels`,
 * `destroys`), or gives it to code the analysis cannot see (`unknown`).
 */
export type CalleeSummary = 'takes' | 'borrows' | 'returns' | 'cancels' | 'destroys' | 'unknown';

/**
 * Classifies what happens to a response value at `node`, seen as `view` of `client`. Climbs through
 * wrappers, `await`, member chains into other views and destructuring, until the value meets
 * something that decides its fate.
 */
export function classifyUse(start: TSESTree.Node, startView: string, context: UseContext): ResponseUse {
  let node = start;
  let view = startView;
  let settles = false;
  const settled = (use: ResponseUse): ResponseUse =>
    settles && (use.kind === 'drop' || use.kind === 'inspect') ? { kind: 'consume' } : use;

  for (;;) {
    const parent = node.parent;
    if (!parent) return { kind: 'escape' };
    if (isTransparent(parent)) {
      node = parent;
      continue;
    }
    if (view === PROMISE_VIEW) {
      const promiseUse = classifyPromiseStep(node, parent, context);
      if (promiseUse === 'await') {
        view = context.client.rootView;
        node = parent;
        continue;
      }
      if (promiseUse === 'chain') {
        node = parent.parent!;
        continue;
      }
      if (promiseUse !== 'value') return promiseUse;
    } else if (parent.type === AST_NODE_TYPES.AwaitExpression) {
      // Awaiting a non-thenable yields the same value.
      node = parent;
      continue;
    }

    switch (parent.type) {
      case AST_NODE_TYPES.MemberExpression: {
        if (parent.object !== node) return { kind: 'escape' };
        const step = memberStep(parent, view, context.client);
        if (step.kind === 'view') {
          settles ||= step.settles === true;
          view = step.view;
          node = step.node;
          continue;
        }
        return settled(step.use);
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        if (parent.callee === node) return { kind: 'escape' };
        if (isInertSink(parent)) return settled({ kind: 'inspect' });
        if (view === context.client.rootView && parent.type === AST_NODE_TYPES.CallExpression && isUnreadContainerPut(parent, node, context.scopeOf)) {
          return settled({ kind: 'inspect', stored: true });
        }
        {
          const use = argumentUse(parent, node, view, context);
          // `decorate(res)`, `ensureOk(res)`: the call's value is the same response, which goes on from there.
          if (use === PASSED_BACK) {
            node = parent;
            continue;
          }
          return settled(use);
        }
      case AST_NODE_TYPES.VariableDeclarator:
        if (parent.init !== node) return { kind: 'escape' };
        return settled(bindPattern(parent.id, view, context, settles));
      case AST_NODE_TYPES.AssignmentExpression: {
        if (parent.right !== node || parent.operator !== '=') return { kind: 'escape' };
        const bound = bindPattern(parent.left, view, context, settles);
        const viewModel = context.client.views[view];
        // A field or outer variable that no code reads the body from keeps the response unread.
        if (bound.kind === 'escape' && view === context.client.rootView && viewModel && isUnreadStore(parent.left, viewModel, context.scopeOf)) {
          return settled({ kind: 'inspect', stored: true });
        }
        return settled(bound);
      }
      case AST_NODE_TYPES.ReturnStatement:
        return { kind: 'handoff', known: true, returned: true };
      case AST_NODE_TYPES.YieldExpression:
        return { kind: 'handoff', known: true };
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === node ? { kind: 'handoff', known: true, returned: true } : { kind: 'escape' };
      case AST_NODE_TYPES.ForOfStatement: {
        if (parent.right !== node) return { kind: 'escape' };
        const iterate = context.client.views[view]?.iterate;
        return iterate && iterate.kind !== 'view' ? effectToUse(iterate, parent, view) : { kind: 'escape' };
      }
      case AST_NODE_TYPES.ExpressionStatement:
        return settled({ kind: 'drop' });
      case AST_NODE_TYPES.SequenceExpression:
        if (parent.expressions.at(-1) !== node) return settled({ kind: 'drop' });
        node = parent;
        continue;
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.SwitchStatement:
        return settled({ kind: 'inspect' });
      case AST_NODE_TYPES.ConditionalExpression:
        return parent.test === node ? settled({ kind: 'inspect' }) : { kind: 'escape' };
      case AST_NODE_TYPES.LogicalExpression:
        // `res && res.ok` tests the value; `res ?? other` passes it on, which is not followed.
        return parent.left === node && isConditionContext(parent) ? settled({ kind: 'inspect' }) : { kind: 'escape' };
      case AST_NODE_TYPES.ForStatement:
        return parent.test === node ? settled({ kind: 'inspect' }) : { kind: 'escape' };
      default:
        return { kind: 'escape' };
    }
  }
}

/** The callee gives its argument back as the call's value. */
const PASSED_BACK = Symbol('passed back');

/**
 * Passing the value to a function: an inspect if the callee only looks at it, a close if all it does
 * is close it, the same value again if it returns it, else a hand-off.
 */
function argumentUse(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  argument: TSESTree.Node,
  view: string,
  context: UseContext,
): ResponseUse | typeof PASSED_BACK {
  if (call.type === AST_NODE_TYPES.NewExpression || !context.calleeSummary) return { kind: 'handoff' };
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (index < 0 || call.arguments.slice(0, index).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) {
    return { kind: 'handoff' };
  }
  const summary = context.calleeSummary(call, index, view);
  switch (summary) {
    case 'borrows':
      return { kind: 'inspect' };
    case 'returns':
      return PASSED_BACK;
    case 'cancels':
    case 'destroys':
      return { kind: 'release', close: summary === 'cancels' ? 'cancel' : 'destroy', call, view, helper: true };
    default:
      return { kind: 'handoff', known: summary === 'takes' };
  }
}

type PromiseStep = ResponseUse | 'await' | 'chain' | 'value';

/** A promise of a response can be awaited, chained, or handed to `Promise.all`. */
function classifyPromiseStep(node: TSESTree.Node, parent: TSESTree.Node, context: UseContext): PromiseStep {
  if (parent.type === AST_NODE_TYPES.AwaitExpression) return 'await';
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const call = calledBy(parent);
    const name = memberName(parent);
    if (!call) return { kind: 'escape' };
    if (name === 'catch' || name === 'finally') return 'chain';
    // ky's `ky(url).json()`: body shortcuts on the promise itself.
    const shortcut = name !== undefined && context.client.promiseMembers && Object.hasOwn(context.client.promiseMembers, name) ? context.client.promiseMembers[name]!.call : undefined;
    if (shortcut && shortcut.kind !== 'view') return effectToUse(shortcut, call, PROMISE_VIEW);
    if (name !== 'then') return { kind: 'escape' };
    const onFulfilled = call.arguments[0];
    if (!onFulfilled || (onFulfilled.type === AST_NODE_TYPES.Literal && onFulfilled.value === null)) return 'chain';
    if (onFulfilled.type === AST_NODE_TYPES.Identifier && onFulfilled.name === 'undefined') return 'chain';
    const fn = unwrap(onFulfilled);
    return isFunctionNode(fn) ? { kind: 'callback', fn } : { kind: 'handoff' };
  }
  if (parent.type === AST_NODE_TYPES.ArrayExpression) return promiseAllElement(node, parent, context);
  return 'value';
}

/** `const [a, b] = await Promise.all([fetch(x), fetch(y)])`: element i becomes `a`, `b`, … */
function promiseAllElement(node: TSESTree.Node, array: TSESTree.ArrayExpression, context: UseContext): ResponseUse {
  const index = array.elements.indexOf(node as TSESTree.Expression);
  const call = array.parent;
  if (
    index < 0 ||
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.arguments[0] !== array ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    call.callee.object.type !== AST_NODE_TYPES.Identifier ||
    call.callee.object.name !== 'Promise' ||
    memberName(call.callee) !== 'all'
  ) {
    return { kind: 'escape' };
  }
  const value = outerAwaited(call);
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value) return { kind: 'escape' };
  if (declarator.id.type !== AST_NODE_TYPES.ArrayPattern) return { kind: 'escape' };
  const element = declarator.id.elements[index];
  if (!element) return { kind: 'drop' };
  return bindPattern(element, context.client.rootView, context, false);
}

type MemberStep =
  | { readonly kind: 'view'; readonly view: string; readonly settles?: boolean; readonly node: TSESTree.Node }
  | { readonly kind: 'use'; readonly use: ResponseUse };

function memberStep(member: TSESTree.MemberExpression, view: string, client: ClientModel): MemberStep {
  const viewModel = client.views[view];
  const name = memberName(member);
  const spec = memberSpec(viewModel, name);
  // `res.startedAt = Date.now()` decorates the object; a response's body members cannot be assigned.
  if (!spec && viewModel && isAssigned(member)) return { kind: 'use', use: { kind: 'inspect' } };
  if (!spec || !viewModel) return { kind: 'use', use: { kind: 'escape' } };
  const call = calledBy(member);
  if (call) {
    if (viewModel.readingEvents && isListenerRegistration(name!)) {
      const event = call.arguments[0];
      if (event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string') {
        if (viewModel.readingEvents.includes(event.value)) return { kind: 'use', use: { kind: 'consume' } };
        // Registering returns the stream itself: `res.on('error', fail).pipe(out)` goes on with it.
        return { kind: 'view', view, node: call };
      }
      return { kind: 'use', use: { kind: 'escape' } };
    }
    const effect = spec.call;
    if (!effect) return { kind: 'use', use: { kind: 'escape' } };
    if (effect.kind === 'view') return { kind: 'view', view: effect.view, settles: effect.settles, node: call };
    return { kind: 'use', use: effectToUse(effect, call, view) };
  }
  const effect = spec.access;
  if (!effect) return { kind: 'use', use: { kind: 'escape' } };
  if (effect.kind === 'view') return { kind: 'view', view: effect.view, settles: effect.settles, node: member };
  return { kind: 'use', use: effectToUse(effect, member, view) };
}

function isAssigned(member: TSESTree.MemberExpression): boolean {
  const parent = outerWrapper(member).parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outerWrapper(member);
}

function isListenerRegistration(name: string): boolean {
  return name === 'on' || name === 'once' || name === 'addListener' || name === 'prependListener';
}

function effectToUse(effect: Exclude<MemberEffect, { kind: 'view' }>, node: TSESTree.Node, view: string): ResponseUse {
  if (effect.kind === 'release') {
    return node.type === AST_NODE_TYPES.CallExpression
      ? { kind: 'release', close: effect.close, call: node, view }
      : { kind: 'escape' };
  }
  if (effect.kind === 'read' && effect.repeatedReadsAll && isRepeatedByLoop(node)) return { kind: 'consume' };
  return { kind: effect.kind };
}

/**
 * Binding a value to a pattern: an identifier becomes an alias; an object pattern keeps whichever
 * properties are views of the body; anything else is not followed.
 */
export function bindPattern(pattern: TSESTree.Node, view: string, context: UseContext, settles: boolean): ResponseUse {
  if (pattern.type === AST_NODE_TYPES.Identifier) {
    const variable = localVariable(pattern, context);
    if (!variable) return { kind: 'escape' };
    const readsToEnd = settles || readInLoop(variable, context.client.views[view]);
    return { kind: 'alias', targets: [{ variable, identifier: pattern, view }], settles: readsToEnd };
  }
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return { kind: 'escape' };
  const viewModel = context.client.views[view];
  if (!viewModel) return { kind: 'escape' };
  const targets: AliasTarget[] = [];
  for (const property of pattern.properties) {
    if (property.type === AST_NODE_TYPES.RestElement || property.computed) return { kind: 'escape' };
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String(property.key.value);
    const spec = memberSpec(viewModel, key);
    const effect = spec?.access;
    if (!effect) return { kind: 'escape' };
    if (effect.kind === 'inspect') continue;
    if (effect.kind !== 'view' || property.value.type !== AST_NODE_TYPES.Identifier) return { kind: 'escape' };
    const variable = localVariable(property.value, context);
    if (!variable) return { kind: 'escape' };
    targets.push({ variable, identifier: property.value, view: effect.view });
  }
  return targets.length === 0 ? { kind: 'drop' } : { kind: 'alias', targets, settles };
}

/**
 * `const reader = body.getReader()` with `reader.read()` in a loop: the reader is the loop's, from
 * the start. Even the path that would skip the loop (`while (!done)`) belongs to it: that path
 * exists only for the analysis.
 */
function readInLoop(variable: TSESLint.Scope.Variable, view: ViewModel | undefined): boolean {
  return variable.references.some(({ identifier }) => {
    const read = readCall(identifier, view);
    return read !== undefined && read.effect.repeatedReadsAll === true && isRepeatedByLoop(read.call);
  });
}

/** `reader.read()` on the holder `identifier`: the call of a member of `view` that reads a chunk. */
export function readCall(
  identifier: TSESTree.Node,
  view: ViewModel | undefined,
): { readonly call: TSESTree.CallExpression; readonly effect: Extract<MemberEffect, { kind: 'read' }> } | undefined {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return undefined;
  const effect = memberSpec(view, memberName(member))?.call;
  const call = calledBy(member);
  return effect?.kind === 'read' && call ? { call, effect } : undefined;
}

/** The variable `identifier` names, if it belongs to the function that owns the response. */
function localVariable(identifier: TSESTree.Identifier, context: UseContext): TSESLint.Scope.Variable | undefined {
  const variable = ASTUtils.findVariable(context.scopeOf(identifier), identifier);
  if (!variable || variable.defs.length === 0) return undefined;
  return variable.scope.variableScope.block === context.owner ? variable : undefined;
}

function isInertSink(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type === AST_NODE_TYPES.NewExpression) return false;
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const names = inertSinks[''];
    return Array.isArray(names) && names.includes(callee.name);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const names = Object.hasOwn(inertSinks, callee.object.name) ? inertSinks[callee.object.name] : undefined;
  const name = memberName(callee);
  return names === '*' || (Array.isArray(names) && name !== undefined && names.includes(name));
}

function isConditionContext(node: TSESTree.Node): boolean {
  let current = node;
  while (
    current.parent &&
    ((current.parent.type === AST_NODE_TYPES.LogicalExpression && current.parent.operator !== '??') ||
      (current.parent.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === '!'))
  ) {
    current = current.parent;
  }
  const parent = current.parent;
  return (
    (parent?.type === AST_NODE_TYPES.IfStatement && parent.test === current) ||
    (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test === current) ||
    (parent?.type === AST_NODE_TYPES.WhileStatement && parent.test === current) ||
    (parent?.type === AST_NODE_TYPES.ForStatement && parent.test === current) ||
    (parent?.type === AST_NODE_TYPES.DoWhileStatement && parent.test === current)
  );
}

/**
 * Whether whatever `call` returns goes on unread without a report, for every client: it is returned
 * or yielded unawaited (the caller's analysis follows it, and a rejection goes to the caller too),
 * called, or read through a member that no client's response or promise has (classifyUse says
 * `escape` there). Checked before asking whether the call produces a response at all, which costs
 * the checker's time on every call that gets this far: in generated SDKs nearly every call of a
 * producer-named method is `return this._client.get(…)._thenUnwrap(…)`.
 */
export function valueGoesOnUntracked(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  let parent: TSESTree.Node | undefined = node.parent;
  let awaited = false;
  while (parent && (isTransparent(parent) || parent.type === AST_NODE_TYPES.AwaitExpression)) {
    awaited ||= parent.type === AST_NODE_TYPES.AwaitExpression;
    node = parent;
    parent = node.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.YieldExpression:
      // `return await ky(url)` in a `try`: the rejection, and the response on it, stay here.
      return !awaited;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === node;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node;
    case AST_NODE_TYPES.MemberExpression: {
      if (parent.object !== node) return false;
      const name = memberName(parent);
      return name !== undefined && !responseMembers.has(name);
    }
    default:
      return false;
  }
}
