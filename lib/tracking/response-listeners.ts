import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { ClientModel } from '../clients/client-model.js';
import { calledBy, capturingFunction, type FunctionNode, isFunctionNode, isWithin, memberName, outerWrapper, unwrap } from './ast.js';
import { importOf } from './imports.js';
import type { AliasTarget, ResponseUse } from './response-uses.js';

const LISTENERS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * The listener that takes a stream over when its headers arrive: `stream.on('response', (res) => …)`
 * on a got stream, where the listener uses `stream` (to pipe it, or to return before doing so).
 * Only when that listener is the stream's one owner: every use of the variable outside it only
 * registers listeners or looks, and no other function uses it. Then the body is owed on each of
 * the listener's own paths, and the function that made the stream is done once it registered it.
 */
export function headersListenerOf(
  target: AliasTarget,
  client: ClientModel,
  owner: FunctionNode,
  classify: (identifier: TSESTree.Identifier) => ResponseUse,
): Exclude<FunctionNode, TSESTree.Program> | undefined {
  const events = client.views[target.view]?.headersEvents;
  if (!events) return undefined;
  const listeners = new Set<Exclude<FunctionNode, TSESTree.Program>>();
  const others: TSESTree.Identifier[] = [];
  for (const reference of target.variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return undefined;
    const identifier = reference.identifier as TSESTree.Identifier;
    const registered = registeredListener(identifier, events);
    if (registered) listeners.add(registered);
    else others.push(identifier);
  }
  const [listener, ...more] = listeners;
  if (!listener || more.length > 0) return undefined;
  for (const identifier of others) {
    if (isWithin(identifier, listener)) continue;
    // Another function that uses the stream (an `error` listener that destroys it) shares it.
    if (capturingFunction(identifier, owner)) return undefined;
    const use = classify(identifier);
    if (use.kind !== 'inspect' && use.kind !== 'drop') return undefined;
  }
  return others.some((identifier) => isWithin(identifier, listener)) ? listener : undefined;
}

/**
 * `events.once(stream, 'response')` (or `once` imported from `events`): waiting for the headers
 * reads none of the body, so the stream's owner still owes it afterwards.
 */
export function waitsForHeaders(call: TSESTree.CallExpression, index: number, client: ClientModel, view: string, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): boolean {
  const events = client.views[view]?.headersEvents;
  const event = call.arguments[1];
  if (!events || index !== 0 || event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string' || !events.includes(event.value)) return false;
  const callee = unwrap(call.callee);
  const named = callee.type === AST_NODE_TYPES.Identifier ? callee : callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'once' ? unwrap(callee.object) : undefined;
  if (named?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(scopeOf(named), named);
  const imported = variable ? importOf(variable) : undefined;
  const fromEvents = /^(node:)?events$/.test(imported?.module ?? '');
  return fromEvents && (callee.type === AST_NODE_TYPES.MemberExpression || imported?.name === 'once');
}

/** `stream.on('response', fn)` with `identifier` as `stream`: the listener `fn`. */
function registeredListener(identifier: TSESTree.Identifier, events: readonly string[]): Exclude<FunctionNode, TSESTree.Program> | undefined {
  const node = outerWrapper(identifier);
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return undefined;
  const name = memberName(member);
  const call = calledBy(outerWrapper(member));
  if (!call || name === undefined || !LISTENERS.has(name)) return undefined;
  const [event, fn] = call.arguments;
  if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string' || !events.includes(event.value)) return undefined;
  const listener = fn && unwrap(fn);
  return listener && isFunctionNode(listener) ? listener : undefined;
}
