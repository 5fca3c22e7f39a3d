import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { calleeFunction } from './callee-function.js';
import { type FunctionNode, forEachChild, isFunctionNode, outerAwaited, propertyKey, returnedValues, unwrap } from './ast.js';
import { heldHere } from './local-wrappers.js';
import type { OriginContext, Producer } from './origin-context.js';

/** The response one property of a wrapper's result holds, and the name the caller gives it. */
export interface HeldInObject {
  readonly producer: Producer;
  /** The caller's variable for the property: `res` in `const { res, done } = await open(url)`. */
  readonly binding: TSESTree.Identifier;
}

/**
 * `const { res, done } = await open(url)`, where every `return` of `open` (visible, in this file or
 * with types in another) is an object literal whose `res` is a response a client call made there
 * and that `open` only looks at: the caller owes `res`'s body. The other properties must not be
 * able to settle it: a function among them (`done`, `release`) that reads the response, or that
 * touches what the request was sent with (an `AbortController` whose signal it got), makes the
 * wrapper one the analysis does not follow.
 */
export function heldInObject(call: TSESTree.CallExpression, context: OriginContext): HeldInObject | undefined {
  const value = outerAwaited(call);
  const declarator = value.parent;
  if (value === call || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value) return undefined;
  const pattern = declarator.id;
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern || pattern.properties.some((property) => property.type === AST_NODE_TYPES.RestElement)) return undefined;
  const callee = calleeFunction(call, context, () => []);
  if (!callee) return undefined;
  const found = objectWrapper(callee.fn, callee.origin);
  if (!found) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || propertyKey(property) !== found.key) continue;
    return property.value.type === AST_NODE_TYPES.Identifier ? { producer: found.producer, binding: property.value } : undefined;
  }
  return undefined;
}

const cache = new WeakMap<TSESTree.Node, { key: string; producer: Producer } | null>();

function objectWrapper(fn: Exclude<FunctionNode, TSESTree.Program>, context: OriginContext): { key: string; producer: Producer } | undefined {
  let found = cache.get(fn);
  if (found === undefined) {
    cache.set(fn, null);
    found = judge(fn, context) ?? null;
    cache.set(fn, found);
  }
  return found ?? undefined;
}

function judge(fn: Exclude<FunctionNode, TSESTree.Program>, context: OriginContext): { key: string; producer: Producer } | undefined {
  if (fn.generator) return undefined;
  const returned = returnedValues(fn);
  if (returned.length === 0) return undefined;
  const sentWith = optionNames(fn);
  let result: { key: string; producer: Producer } | undefined;
  for (const expression of returned) {
    const object = expression && unwrap(expression);
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    let held: { key: string; producer: Producer } | undefined;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.kind !== 'init') return undefined;
      const value = unwrap(property.value);
      if (value.type !== AST_NODE_TYPES.Identifier) continue;
      const made = heldHere(value, fn, context, false);
      if (!made) continue;
      // The response itself, not a promise of it: the caller's destructuring takes it as it is.
      const key = propertyKey(property);
      if (held || !made.awaited || key === undefined) return undefined;
      held = { key, producer: { client: made.producer.client, view: made.producer.client.rootView } };
    }
    if (!held || (result && (result.key !== held.key || result.producer.client !== held.producer.client))) return undefined;
    if (touchesRequest(object, sentWith, context)) return undefined;
    result = held;
  }
  return result;
}

/**
 * Whether a property of the returned object may reach what settles the response: a function (or
 * a variable) that names something the request was sent with, such as the `AbortController` whose
 * `signal` went into the options. Names are compared, which errs on the side of silence.
 */
function touchesRequest(object: TSESTree.ObjectExpression, sentWith: ReadonlySet<string>, context: OriginContext): boolean {
  if (sentWith.size === 0) return false;
  let touches = false;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    let value: TSESTree.Node = unwrap(property.value);
    if (value.type === AST_NODE_TYPES.Identifier) {
      if (sentWith.has(value.name)) return true;
      const definition = ASTUtils.findVariable(context.scopeOf(value), value)?.defs[0];
      const init = definition?.type === 'Variable' ? definition.node.init : definition?.type === 'FunctionName' ? definition.node : undefined;
      if (!init) continue;
      value = unwrap(init);
    }
    if (!isFunctionNode(value)) continue;
    forEachIdentifier(value, (identifier) => {
      if (sentWith.has(identifier.name)) touches = true;
    });
  }
  return touches;
}

/** The names inside the options of every call in `fn` (`fetch(url, { signal: ac.signal })` → `ac`). */
function optionNames(fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  const visit = (node: TSESTree.Node): void => {
    if (node !== fn && isFunctionNode(node)) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      for (const option of node.arguments.slice(1)) forEachIdentifier(option, (identifier) => names.add(identifier.name));
    }
    forEachChild(node, visit);
  };
  visit(fn);
  return names;
}

function forEachIdentifier(node: TSESTree.Node, visit: (identifier: TSESTree.Identifier) => void): void {
  if (node.type === AST_NODE_TYPES.Identifier) visit(node);
  forEachChild(node, (child) => forEachIdentifier(child, visit));
}

