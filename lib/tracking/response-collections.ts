import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { calledBy, isFunctionNode, isTransparent, isWithin, memberName, optionsLack, outerAwaited, outerWrapper, unwrap } from './ast.js';
import { classifyUse, type ResponseUse, type UseContext } from './response-uses.js';

/** The view of an array of responses (`await Promise.all(urls.map((u) => fetch(u)))`). */
export const ARRAY_VIEW = '#array';
/** The view of an array of settled results of responses (`await Promise.allSettled(…)`). */
export const SETTLED_ARRAY_VIEW = '#settled-array';

/**
 * The responses of `Promise.race(…)` / `Promise.any(…)` over a map of requests: one wins, the
 * others are out of reach as soon as the combinator settles.
 */
export const RACE_VIEW = '#race';

/** Whether `view` holds many responses at once, drained element by element. */
export function isCollectionView(view: string): boolean {
  return view === ARRAY_VIEW || view === SETTLED_ARRAY_VIEW;
}

/** A producer call that makes one element of an array of responses, and the combinator that awaits them all. */
export interface CollectionOrigin {
  /** `Promise.all(…)` or `Promise.allSettled(…)`. */
  readonly combinator: TSESTree.CallExpression;
  readonly view: typeof ARRAY_VIEW | typeof SETTLED_ARRAY_VIEW | typeof RACE_VIEW;
  /**
   * `Promise.all([fetch(a), fetch(b)])`: the requests of an array literal, followed together from
   * the first one. Absent for a `map`, whose one call makes every element.
   */
  readonly elements?: readonly TSESTree.CallExpression[];
}

/**
 * `Promise.all(urls.map((u) => fetch(u)))`, `Promise.allSettled(urls.map(async (u) => await fetch(u)))`:
 * `call` is the whole value of a `map` callback whose results the combinator settles. Syntax only,
 * so that the checker is asked about the inner call only in this shape.
 */
export function collectionOriginOf(call: TSESTree.CallExpression): CollectionOrigin | undefined {
  const node = outerAwaited(call);
  if (node.parent?.type === AST_NODE_TYPES.ArrayExpression) return literalOriginOf(node, node.parent);
  const arrow = node.parent;
  if (arrow?.type !== AST_NODE_TYPES.ArrowFunctionExpression || arrow.body !== node || arrow.params.length > 2) return undefined;
  const map = outerWrapper(arrow).parent;
  if (map?.type !== AST_NODE_TYPES.CallExpression || map.arguments[0] !== outerWrapper(arrow) || map.arguments.length !== 1) return undefined;
  if (map.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(map.callee) !== 'map' || map.callee.optional) return undefined;
  const combinator = outerWrapper(map).parent;
  if (combinator?.type !== AST_NODE_TYPES.CallExpression || combinator.arguments[0] !== outerWrapper(map)) return undefined;
  const view = combinatorView(combinator);
  return view && { combinator, view };
}

function combinatorView(combinator: TSESTree.CallExpression): CollectionOrigin['view'] | undefined {
  const callee = combinator.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== 'Promise') return undefined;
  const name = memberName(callee);
  if (name === 'all') return ARRAY_VIEW;
  if (name === 'allSettled') return SETTLED_ARRAY_VIEW;
  if (name === 'race' || name === 'any') return RACE_VIEW;
  return undefined;
}

/**
 * `const rs = await Promise.all([fetch(a), fetch(b)])` and `await Promise.all([…]);`: an array
 * literal of requests whose array is held whole or dropped, seen from its first element. Destructured
 * (`const [a, b] = …`), each element is followed alone (`promiseAllElement`); a race over a literal
 * is not followed.
 */
function literalOriginOf(element: TSESTree.Node, array: TSESTree.ArrayExpression): CollectionOrigin | undefined {
  if (array.elements[0] !== element) return undefined;
  const combinator = outerWrapper(array).parent;
  if (combinator?.type !== AST_NODE_TYPES.CallExpression || combinator.arguments.length !== 1 || combinator.arguments[0] !== outerWrapper(array)) return undefined;
  const view = combinatorView(combinator);
  if (!view || view === RACE_VIEW || !combinatorValue(combinator)) return undefined;
  const elements: TSESTree.CallExpression[] = [];
  for (const item of array.elements) {
    const request = item && item.type !== AST_NODE_TYPES.SpreadElement ? unwrap(item) : undefined;
    const call = request?.type === AST_NODE_TYPES.AwaitExpression ? unwrap(request.argument) : request;
    if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
    elements.push(call);
  }
  return { combinator, view, elements };
}

/**
 * Array methods that call their callback with each element and give back no element: with a
 * callback that only looks (`rs.map((r) => r.status)`), the array's bodies are still owed.
 */
const LOOKING_METHODS = new Set(['every', 'some', 'map', 'forEach', 'findIndex', 'findLastIndex', 'flatMap']);
/**
 * Methods that give back some of the elements (`rs.filter((r) => r.ok)`): the ones left out are
 * certainly not read by whatever reads the result.
 */
const PICKING_METHODS = new Set(['filter', 'find', 'findLast']);

/**
 * What one reference to an array of responses does to the bodies of its elements. A read of every
 * element settles them (`for (const r of rs) await r.text()`, `rs.map((r) => r.json())`); a look
 * at each leaves them owed; keeping some of them (`filter`) reads part of the array (`read`); any
 * other use (returned, passed on, indexed, spread) is not followed and settles nothing.
 */
export function classifyCollectionUse(reference: TSESTree.Identifier, view: string, context: UseContext): ResponseUse {
  const node = outerWrapper(reference);
  const parent = node.parent;
  if (!parent) return { kind: 'escape' };
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node && !parent.computed) {
    const name = memberName(parent);
    if (name === 'length') return { kind: 'inspect' };
    const call = calledBy(parent);
    if (!call || !name || (!LOOKING_METHODS.has(name) && !PICKING_METHODS.has(name))) return { kind: 'escape' };
    const callback = call.arguments[0] && unwrap(call.arguments[0]);
    if (!callback || !isFunctionNode(callback)) return { kind: 'escape' };
    const each = elementsUse(callback.params[0], callback, view, context);
    if (each !== 'inspect') return each;
    // `flatMap((r) => r.status)` gives back statuses, `flatMap((r) => [r])` would give back elements.
    return PICKING_METHODS.has(name) ? { kind: 'read' } : { kind: 'inspect' };
  }
  if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.right === node && !parent.await) {
    const left = parent.left;
    const binding = left.type === AST_NODE_TYPES.VariableDeclaration && left.declarations.length === 1 ? left.declarations[0]!.id : undefined;
    const each = elementsUse(binding, parent.body, view, context);
    return each === 'inspect' ? { kind: 'inspect' } : each;
  }
  return { kind: 'escape' };
}

/**
 * What `binding` (a callback's parameter, a `for…of` variable) does with each element, over every
 * reference inside `scope`: `inspect` when every one only looks, a consume when any one may do more.
 */
function elementsUse(
  binding: TSESTree.Node | undefined,
  scope: TSESTree.Node,
  view: string,
  context: UseContext,
): ResponseUse | 'inspect' {
  // No name for the element (`rs.map(() => 1)`, `for (const _ of rs)` is a name): nothing is read.
  if (!binding) return 'inspect';
  if (binding.type !== AST_NODE_TYPES.Identifier) return { kind: 'consume' };
  const variable = ASTUtils.findVariable(context.scopeOf(binding), binding);
  if (!variable) return { kind: 'consume' };
  const owner = isFunctionNode(scope) ? scope : context.owner;
  const inner: UseContext = { ...context, owner };
  for (const reference of variable.references) {
    if (reference.init || reference.identifier === binding) continue;
    if (reference.isWrite() || !isWithin(reference.identifier, scope)) return { kind: 'consume' };
    const use = elementUse(reference, view, inner);
    if (use.kind !== 'inspect' && use.kind !== 'drop') return { kind: 'consume' };
  }
  return 'inspect';
}

/** One element: a response, or for `allSettled` a result whose `value` is one. */
function elementUse(reference: TSESLint.Scope.Reference, view: string, context: UseContext): ResponseUse {
  const identifier = reference.identifier as TSESTree.Identifier;
  // A look from a nested closure (`() => r.status`) is still a look; anything more is not followed.
  if (view === ARRAY_VIEW) return classifyUse(identifier, context.client.rootView, { ...context, owner: reference.from.variableScope.block as UseContext['owner'] });
  const member = outerWrapper(identifier).parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outerWrapper(identifier) || member.computed) return { kind: 'escape' };
  const name = memberName(member);
  if (name === 'status' || name === 'reason') return { kind: 'inspect' };
  if (name !== 'value') return { kind: 'escape' };
  return classifyUse(member, context.client.rootView, { ...context, owner: reference.from.variableScope.block as UseContext['owner'] });
}

/**
 * Whether the requests of a race share nothing through their options that could end the losers
 * (`{ signal: controller.signal }` aborted once one wins): no options, or an object literal without
 * `signal` or a spread.
 */
export function racedAlone(call: TSESTree.CallExpression): boolean {
  return optionsLack(call, 'signal');
}

/**
 * The use of the combinator's value: dropped (`await Promise.all(…);`), held in a local `const`
 * or `let`, or anything else, which is not followed.
 */
export function combinatorValue(combinator: TSESTree.CallExpression): { kind: 'drop' } | { kind: 'bind'; id: TSESTree.Identifier } | undefined {
  let node: TSESTree.Node = combinator;
  let awaited = false;
  while (node.parent && (isTransparent(node.parent) || node.parent.type === AST_NODE_TYPES.AwaitExpression)) {
    awaited ||= node.parent.type === AST_NODE_TYPES.AwaitExpression;
    node = node.parent;
  }
  // Unawaited, the array is a promise that goes on (returned, chained): not followed.
  if (!awaited) return undefined;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return { kind: 'drop' };
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    return { kind: 'bind', id: parent.id };
  }
  return undefined;
}

/**
 * The use of every reference to an array of responses held in `variable`. Two references that each
 * keep some elements (`rs.filter((r) => r.ok)` and `rs.filter((r) => !r.ok)`) may keep all of them
 * between them: neither is followed then.
 */
export function collectionUses(
  variable: TSESLint.Scope.Variable,
  view: string,
  context: UseContext,
): Map<TSESTree.Node, ResponseUse> {
  const uses = new Map<TSESTree.Node, ResponseUse>();
  for (const reference of variable.references) {
    if (reference.isWrite()) continue;
    uses.set(reference.identifier, classifyCollectionUse(reference.identifier as TSESTree.Identifier, view, context));
  }
  const picks = [...uses.values()].filter((use) => use.kind === 'read').length;
  if (picks > 1) for (const [node, use] of uses) if (use.kind === 'read') uses.set(node, { kind: 'escape' });
  return uses;
}
