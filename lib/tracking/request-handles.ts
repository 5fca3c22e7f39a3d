import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { ClientModel } from '../clients/client-model.js';
import { clientOfResponseEvent } from '../clients/index.js';
import { calledBy, enclosingFunction, type FunctionNode, isFunctionNode, memberName, outerAwaited, outerWrapper, unwrap } from './ast.js';
import { importOf } from './imports.js';
import type { OriginContext } from './origin-context.js';
import { producerOf } from './response-origins.js';
import { responseKindOfType } from '../types/response-type.js';
import type { AliasTarget, ResponseUse } from './response-uses.js';

/** A variable that can close a response without holding it: the request, an `AbortController`. */
export interface Handle {
  readonly variable: TSESLint.Scope.Variable;
  /** The view of the client model that says which of its calls close the response. */
  readonly view: string;
}

/** `fetch(url, { signal: controller.signal })`: `controller` can cancel the body later. */
export function abortHandles(call: TSESTree.CallExpression, client: ClientModel, context: OriginContext): Handle[] {
  if (!client.views.abortController) return [];
  const handles: Handle[] = [];
  for (const argument of call.arguments) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of argument.properties) {
      if (
        property.type !== AST_NODE_TYPES.Property ||
        property.computed ||
        property.key.type !== AST_NODE_TYPES.Identifier ||
        property.key.name !== 'signal'
      ) {
        continue;
      }
      const value = unwrap(property.value);
      if (value.type !== AST_NODE_TYPES.MemberExpression || memberName(value) !== 'signal') continue;
      const controller = unwrap(value.object);
      if (controller.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = ASTUtils.findVariable(context.scopeOf(controller), controller);
      if (variable) handles.push({ variable, view: 'abortController' });
    }
  }
  return handles;
}

/** A place on `owner`'s paths where a handle closes the response, and what that does to it. */
export interface HandleClose {
  readonly node: TSESTree.Node;
  readonly use: ResponseUse;
}

/**
 * Where `handle` closes the response on the paths of `owner`: its own closing calls
 * (`req.destroy()`), and calls of a named local function that makes one
 * (`const finalize = () => { request.abort(); … }; … finalize(); return;`, node-fetch's own
 * `fetch`). A closing call in a function that is not called by name on the path (a timeout, a
 * listener) is not this path's. `classify` says what a reference to the handle does.
 */
export function handleCloses(
  handle: Handle,
  owner: FunctionNode,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
  classify: (identifier: TSESTree.Identifier) => ResponseUse,
): HandleClose[] {
  const closes: HandleClose[] = [];
  for (const reference of handle.variable.references) {
    const identifier = reference.identifier as TSESTree.Identifier;
    if (reference.isWrite()) continue;
    const fn = enclosingFunction(identifier);
    const named = fn === owner ? undefined : namedFunction(fn, scopeOf);
    if (fn !== owner && !named) continue;
    const use = classify(identifier);
    // The request given to code the analysis cannot read (`abortHandshake(ws, req, …)`) may be closed there.
    if (!named && use.kind === 'handoff') {
      closes.push({ node: identifier, use });
      continue;
    }
    if (use.kind !== 'release') continue;
    if (!named) {
      closes.push({ node: identifier, use });
      continue;
    }
    for (const call of callsIn(named, owner)) {
      // The function it calls releases the body: settled here. Its close is not reported at each
      // call: the one call inside the function runs on paths that never had a response too.
      closes.push({ node: call, use: { kind: 'handoff', known: true } });
    }
  }
  return closes;
}

/** The variable a function is bound to when calls by that name always run it: a declaration, or a `const`. */
function namedFunction(fn: FunctionNode, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): TSESLint.Scope.Variable | undefined {
  if (!isFunctionNode(fn)) return undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    return fn.id ? ASTUtils.findVariable(scopeOf(fn), fn.id) ?? undefined : undefined;
  }
  const bound = outerWrapper(fn);
  const declarator = bound.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== bound || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  if (declarator.parent?.type !== AST_NODE_TYPES.VariableDeclaration || declarator.parent.kind !== 'const') return undefined;
  return ASTUtils.findVariable(scopeOf(declarator.id), declarator.id) ?? undefined;
}

/** Direct calls `name()` of `variable` made by `owner` itself. */
function callsIn(variable: TSESLint.Scope.Variable, owner: FunctionNode): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier as TSESTree.Identifier;
    const callee = outerWrapper(identifier);
    const call = calledBy(callee);
    if (call && enclosingFunction(identifier) === owner) calls.push(call);
  }
  return calls;
}

/** `const [res] = await once(req, 'response')` with `once` from `node:events`. */
export interface OnceResponse {
  /** The client whose requests emit that event (`responseEvent`). */
  readonly client: ClientModel;
  readonly target: AliasTarget;
  readonly request: TSESLint.Scope.Variable | undefined;
  /** Where reports land: the request call behind `req` when it is visible, else the `once` call. */
  readonly producer: TSESTree.CallExpression;
}

export function onceResponseOf(call: TSESTree.CallExpression, context: OriginContext): OnceResponse | undefined {
  const [emitter, event] = call.arguments;
  const client = event?.type === AST_NODE_TYPES.Literal ? clientOfResponseEvent(event.value) : undefined;
  if (!client || !emitter || !isEventsOnce(call, context)) return undefined;
  const value = outerAwaited(call);
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.ArrayPattern) {
    return undefined;
  }
  const first = declarator.id.elements[0];
  if (first?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.scopeOf(first), first);
  if (!variable) return undefined;
  const request = emitter.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(context.scopeOf(emitter), emitter) : null;
  const requestInit = request?.defs[0]?.node.type === AST_NODE_TYPES.VariableDeclarator ? request.defs[0].node.init : null;
  const producer = requestInit && unwrap(requestInit).type === AST_NODE_TYPES.CallExpression ? (unwrap(requestInit) as TSESTree.CallExpression) : call;
  // A got stream emits `response` too, but its body is read through the stream, which is tracked itself.
  if ((producer !== call && producerOf(producer, context)) || isTrackedValue(emitter, context)) return undefined;
  return {
    client,
    target: { variable, identifier: first, view: client.rootView },
    request: request ?? undefined,
    producer,
  };
}

function isEventsOnce(call: TSESTree.CallExpression, context: OriginContext): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.scopeOf(callee), callee);
    const imported = variable ? importOf(variable) : undefined;
    return imported?.name === 'once' && /^(node:)?events$/.test(imported.module ?? '');
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'once' && callee.object.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.scopeOf(callee.object), callee.object);
    const imported = variable ? importOf(variable) : undefined;
    return /^(node:)?events$/.test(imported?.module ?? '');
  }
  return false;
}

function isTrackedValue(node: TSESTree.Node, context: OriginContext): boolean {
  const types = context.types;
  if (!types) return false;
  return typeof responseKindOfType(types.checker, types.checker.getTypeAtLocation(types.services.esTreeNodeToTSNodeMap.get(node))) !== 'string';
}
