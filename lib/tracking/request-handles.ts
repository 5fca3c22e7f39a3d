import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { ClientModel } from '../clients/client-model.js';
import { nodeHttpClient } from '../clients/node-http.js';
import { isTransparent, memberName, unwrap } from './ast.js';
import { importOf } from './imports.js';
import { producerOf, type OriginContext } from './response-origins.js';
import { responseKindOfType } from '../types/response-type.js';
import type { AliasTarget } from './response-uses.js';

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

/** `const [res] = await once(req, 'response')` with `once` from `node:events`. */
export interface OnceResponse {
  readonly target: AliasTarget;
  readonly request: TSESLint.Scope.Variable | undefined;
  /** Where reports land: the request call behind `req` when it is visible, else the `once` call. */
  readonly producer: TSESTree.CallExpression;
}

export function onceResponseOf(call: TSESTree.CallExpression, context: OriginContext): OnceResponse | undefined {
  const [emitter, event] = call.arguments;
  if (event?.type !== AST_NODE_TYPES.Literal || event.value !== 'response' || !emitter || !isEventsOnce(call, context)) {
    return undefined;
  }
  let value: TSESTree.Node = call;
  while (value.parent && (isTransparent(value.parent) || value.parent.type === AST_NODE_TYPES.AwaitExpression)) {
    value = value.parent;
  }
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
    target: { variable, identifier: first, view: nodeHttpClient.rootView },
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
