import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { ClientModel } from '../clients/client-model.js';
import { bareModule, clientModels } from '../clients/index.js';
import { responseKindOfType } from '../types/response-type.js';
import { type FunctionNode, isFunctionNode, memberName, unwrap } from './ast.js';
import { moduleRefsOf } from './imports.js';
import type { OriginContext } from './response-origins.js';
import { responseHookOrigins } from './response-hooks.js';

/**
 * A response handed to a callback: `http.get(url, (res) => …)`, `req.on('response', (res) => …)`;
 * also a rejection's response handed to a `catch` (lib/tracking/rejection-origins.ts) or an
 * interceptor (lib/tracking/response-hooks.ts).
 */
export interface CallbackOrigin {
  readonly client: ClientModel;
  /** The function whose paths the response lives on: the callback, or the function around a `catch`. */
  readonly fn: FunctionNode;
  /** `undefined` when the callback takes no parameter: the response is still delivered to it, unread. */
  readonly param: TSESTree.Parameter | undefined;
  /** Where reports land: the request call (the parameter, for rejections and interceptors). */
  readonly producer: TSESTree.Node;
  /** The variable holding the request, whose `destroy()`/`abort()` closes the response. */
  readonly request: TSESLint.Scope.Variable | undefined;
  /** The view the parameter is, when not the client's root view (a rejected error). */
  readonly view?: string;
  /** The flags the response starts with, when they do not come from the request call. */
  readonly flags?: number;
  /** Bound when the walk reaches the parameter (a `catch` clause's), not live from the function's entry. */
  readonly bound?: boolean;
  /** How messages name it, when not by the parameter's name (`error.response`). */
  readonly name?: string;
  /** The request call, when `producer` is not it (a rejection's handler parameter). */
  readonly call?: TSESTree.CallExpression;
  /** What ignores the response when there is no parameter: `fn` when absent. */
  readonly ignoredAt?: TSESTree.Node;
}

/** A function literal that receives a response. */
type Callback = Exclude<FunctionNode, TSESTree.Program>;

const REQUEST_NAMES = new Set(['get', 'request']);
const LISTENER_NAMES = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * Responses a call passes to a function-literal argument. Only request calls and `'response'`
 * listeners qualify: a server's `(req: IncomingMessage) => …` handler gets an incoming request,
 * not a response this code owes a read.
 */
export function callbackOriginsOf(call: TSESTree.CallExpression, context: OriginContext): CallbackOrigin[] {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (name === undefined) return [];
  if (REQUEST_NAMES.has(name)) return requestCallback(call, context);
  const hooks = responseHookOrigins(call, context);
  if (hooks.length > 0) return hooks;
  if (LISTENER_NAMES.has(name) && callee.type === AST_NODE_TYPES.MemberExpression) return responseListener(call, callee, context);
  return [];
}

function requestCallback(call: TSESTree.CallExpression, context: OriginContext): CallbackOrigin[] {
  const fn = lastFunctionArgument(call);
  if (!fn) return [];
  const request = boundVariable(call, context);
  // `http.get(url, () => …)` still adds a 'response' listener, so Node leaves the body to it.
  if (fn.params.length === 0) return ignoredBy(fn, call, call, request, context);
  if (context.types) {
    const typed = typedParam(fn, context);
    return typed ? [{ ...typed, fn, producer: call, request }] : [];
  }
  const client = callbackProducerByName(call, context);
  const param = fn.params[0];
  return client && param ? [{ client, fn, param, producer: call, request }] : [];
}

/** `req.on('response', (res) => …)`. */
function responseListener(
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  context: OriginContext,
): CallbackOrigin[] {
  const event = call.arguments[0];
  const fn = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
  if (event?.type !== AST_NODE_TYPES.Literal || event.value !== 'response' || !fn || !isFunctionNode(fn)) return [];
  const requestCall = requestCallOf(callee.object, context);
  const request = callee.object.type === AST_NODE_TYPES.Identifier ? ASTUtils.findVariable(context.scopeOf(callee.object), callee.object) ?? undefined : undefined;
  if (fn.params.length === 0) return requestCall ? ignoredBy(fn, requestCall, requestCall, request, context) : [];
  if (context.types) {
    const typed = typedParam(fn, context);
    return typed ? [{ ...typed, fn, producer: requestCall ?? call, request }] : [];
  }
  if (!requestCall) return [];
  const client = callbackProducerByName(requestCall, context);
  const param = fn.params[0];
  return client && param ? [{ client, fn, param, producer: requestCall, request }] : [];
}

/** The request call behind `req` in `req.on(…)`: the call itself, or a `const req = http.request(…)`. */
function requestCallOf(object: TSESTree.Node, context: OriginContext): TSESTree.CallExpression | undefined {
  const value = unwrap(object);
  if (value.type === AST_NODE_TYPES.CallExpression) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.scopeOf(value), value);
  const definition = variable?.defs[0];
  if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  if (definition.node.init) {
    const init = unwrap(definition.node.init);
    return init.type === AST_NODE_TYPES.CallExpression ? init : undefined;
  }
  // `let req; … req = websocket._req = request(opts)` (ws): the first call assigned to it.
  for (const reference of variable!.references) {
    const assignment = reference.identifier.parent;
    if (!reference.isWrite() || assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== reference.identifier) continue;
    let assigned = unwrap(assignment.right);
    while (assigned.type === AST_NODE_TYPES.AssignmentExpression) assigned = unwrap(assigned.right);
    if (assigned.type === AST_NODE_TYPES.CallExpression) return assigned;
  }
  return undefined;
}

/** A parameterless callback of a request made by import (`http`, `https`): it leaves the response unread. */
function ignoredBy(
  fn: Callback,
  requestCall: TSESTree.CallExpression,
  producer: TSESTree.CallExpression,
  request: TSESLint.Scope.Variable | undefined,
  context: OriginContext,
): CallbackOrigin[] {
  const client = callbackProducerByName(requestCall, context);
  return client ? [{ client, fn, param: undefined, producer, request }] : [];
}

function typedParam(
  fn: Callback,
  context: OriginContext,
): { client: ClientModel; param: TSESTree.Parameter } | undefined {
  const types = context.types!;
  // undici's callback form passes `(err, data)`; node:http passes `(res)`.
  for (const param of fn.params.slice(0, 2)) {
    const kind = responseKindOfType(types.checker, types.checker.getTypeAtLocation(types.services.esTreeNodeToTSNodeMap.get(param)));
    if (typeof kind !== 'string' && !kind.promise) return { client: kind.client, param };
  }
  return undefined;
}

/**
 * The client whose callback producer `call` calls, by import: `http.get`, `get` from `https`, and
 * a module picked at run time (`(secure ? https : http).request`, `const transport = …`) when
 * every module it may be has one.
 */
function callbackProducerByName(call: TSESTree.CallExpression, context: OriginContext): ClientModel | undefined {
  const refs = moduleRefsOf(call.callee, context.scopeOf);
  if (!refs || refs.length === 0) return undefined;
  const clients = refs.map(({ module, name }) => {
    const bare = bareModule(module);
    return clientModels.find((client) =>
      client.callbackProducers?.some((producer) => producer.modules.includes(bare) && producer.names.includes(name)),
    );
  });
  const [first] = clients;
  return first && clients.every((client) => client === first) ? first : undefined;
}

function lastFunctionArgument(call: TSESTree.CallExpression): Callback | undefined {
  const last = call.arguments.at(-1);
  const fn = last ? unwrap(last) : undefined;
  return fn && isFunctionNode(fn) ? fn : undefined;
}

/** `const req = http.get(…)`: the variable that holds the request. */
function boundVariable(call: TSESTree.CallExpression, context: OriginContext): TSESLint.Scope.Variable | undefined {
  const parent = call.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== call || parent.id.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  return ASTUtils.findVariable(context.scopeOf(parent.id), parent.id) ?? undefined;
}
