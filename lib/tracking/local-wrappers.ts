import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { scopedCallee } from './callee-function.js';
import { type FunctionNode, isFunctionNode, isNullOrUndefined, memberName, optionsLack, returnedValues, unwrap } from './ast.js';
import type { OriginContext, Producer } from './origin-context.js';
import { producerOf } from './response-origins.js';
import { classifyUse, PROMISE_VIEW } from './response-uses.js';
import { producerNames } from '../types/producer-names.js';

const cache = new WeakMap<TSESTree.Node, Producer | null>();

/**
 * A call of a function of this file whose every `return` gives back a response a client call made
 * right there, or nothing (`async function tryFetch(url) { try { return await fetch(url) } catch {
 * return null } }`). With types the checker answers this for a wrapper typed `Promise<Response |
 * null>`, and this is asked only when it did not: the wrapper's own annotation may hide the
 * response (`Promise<FetchResponse>` with a structural `FetchResponse`). The body is all there is
 * to go by, so the shapes are few: the client call itself, awaited or not, `.catch(() => null)` on
 * it, or a `const` holding it that the wrapper only looks at. A request that may not be a plain GET (its options are not an
 * object literal, or name a `method`) is left alone: the caller cannot tell a HEAD, which has no body.
 */
export function localWrapperProducer(call: TSESTree.CallExpression, context: OriginContext): Producer | undefined {
  const name = unwrap(call.callee);
  if (name.type !== AST_NODE_TYPES.Identifier) return undefined;
  // With types, only a name the program may produce under (its returned values lead to a client)
  // is looked up: the scope walk stays off every other call.
  if (context.types && !producerNames(context.types.services.program).has(name.name)) return undefined;
  // By scope, with or without types: a wrapper annotated with a response type of its own making
  // (`Promise<FetchResponse>`) is no producer to the checker, yet gives back what `fetch` made.
  const callee = scopedCallee(call, context, () => []);
  if (!callee) return undefined;
  let found = cache.get(callee.fn);
  if (found === undefined) {
    // A wrapper that calls itself is not one while it is being judged.
    cache.set(callee.fn, null);
    found = wrapperProducer(callee.fn, context) ?? null;
    cache.set(callee.fn, found);
  }
  // With types, the checker did not take the call for a response: its type may lack the client's members.
  return found && context.types ? { ...found, declaredOtherwise: true } : (found ?? undefined);
}

function wrapperProducer(fn: Exclude<FunctionNode, TSESTree.Program>, context: OriginContext): Producer | undefined {
  if (fn.generator) return undefined;
  let producer: Producer | undefined;
  let nullable = false;
  let views = new Set<string>();
  for (const returned of returnedValues(fn)) {
    if (returned === undefined || isNullOrUndefined(unwrap(returned))) {
      nullable = true;
      continue;
    }
    const made = madeHere(returned, fn, context);
    if (!made || (producer && producer.client !== made.producer.client)) return undefined;
    producer = made.producer;
    nullable ||= made.nullable;
    views.add(made.awaited ? made.producer.client.rootView : made.producer.view);
  }
  if (!producer) return undefined;
  // An `async` function gives a promise of whatever it returns; another one gives it as it is.
  if (fn.async) views = new Set([PROMISE_VIEW]);
  if (views.size !== 1) return undefined;
  return { client: producer.client, view: [...views][0]!, ...(nullable ? { nullable: true } : {}) };
}

/** A response a client call made in a wrapper, as the wrapper gives it back. */
export interface Made {
  readonly producer: Producer;
  readonly awaited: boolean;
  readonly nullable: boolean;
}

/** What a returned expression holds, if it is a response that a client call in `fn` made. */
function madeHere(expression: TSESTree.Node, fn: FunctionNode, context: OriginContext): Made | undefined {
  let value = unwrap(expression);
  let awaited = false;
  while (value.type === AST_NODE_TYPES.AwaitExpression) {
    awaited = true;
    value = unwrap(value.argument);
  }
  if (value.type === AST_NODE_TYPES.Identifier) return heldHere(value, fn, context, awaited);
  if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
  // `fetch(url).catch(() => null)`: the response, or nothing.
  const callee = unwrap(value.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'catch' && value.arguments.length === 1) {
    const handler = unwrap(value.arguments[0]!);
    if (!isFunctionNode(handler) || handler.body.type === AST_NODE_TYPES.BlockStatement || !isNullOrUndefined(unwrap(handler.body))) return undefined;
    const inner = unwrap(callee.object);
    const made = inner.type === AST_NODE_TYPES.CallExpression ? clientCall(inner, context) : undefined;
    return made && made.view === PROMISE_VIEW ? { producer: made, awaited, nullable: true } : undefined;
  }
  const producer = clientCall(value, context);
  return producer && { producer, awaited, nullable: false };
}

/** `const res = await fetch(url); if (!res.ok) …; return res`: a `const` the wrapper only looks at. */
export function heldHere(identifier: TSESTree.Identifier, fn: FunctionNode, context: OriginContext, awaited: boolean): Made | undefined {
  const variable = ASTUtils.findVariable(context.scopeOf(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.parent?.kind !== 'const' || variable!.scope.variableScope.block !== fn) return undefined;
  const init = definition.node.init;
  if (!init) return undefined;
  const made = madeHere(init, fn, context);
  if (!made || made.nullable) return undefined;
  const view = made.awaited || awaited ? made.producer.client.rootView : made.producer.view;
  const useContext = { client: made.producer.client, owner: fn, scopeOf: context.scopeOf };
  for (const reference of variable!.references) {
    if (reference.init || reference.identifier === identifier) continue;
    // Anything that may read the body, or keep it elsewhere, would give the caller a response that is not fresh.
    const use = classifyUse(reference.identifier, view, useContext);
    if (use.kind !== 'inspect') return undefined;
  }
  return { producer: made.producer, awaited: made.awaited || awaited, nullable: false };
}

/** A client call whose request can be told apart from a HEAD: no options, or a literal without `method`. */
function clientCall(call: TSESTree.CallExpression, context: OriginContext): Producer | undefined {
  const producer = producerOf(call, context);
  if (!producer) return undefined;
  return optionsLack(call, 'method') ? producer : undefined;
}

