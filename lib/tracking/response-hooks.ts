import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { ClientModel, ResponseHooks } from '../clients/client-model.js';
import { clientModels, responseHookMethods } from '../clients/index.js';
import { ERROR } from './body-state.js';
import { calledBy, isFunctionNode, memberName, outerWrapper, unwrap } from './ast.js';
import { moduleBindingOf, optionProducerOf, setsProducerOption } from './option-producers.js';
import type { CallbackOrigin, OriginContext } from './origin-context.js';

/**
 * The responses an interceptor sees: `api.interceptors.response.use((res) => …, (error) => …)` on
 * an axios instance whose responses are streams. The first callback gets every response and must
 * hand it on (return it) or read it; the second gets every rejection, whose `response.data` is the
 * unread stream. Only instances this file makes stream calls on (or creates with `responseType:
 * 'stream'`) qualify: on any other instance axios has read the body before the interceptor runs.
 */
export function responseHookOrigins(call: TSESTree.CallExpression, context: OriginContext): CallbackOrigin[] {
  const registration = hookRegistration(call, context);
  if (!registration) return [];
  const { client, hooks, variable } = registration;
  if (!streamsThrough(variable, client, context)) return [];
  const [onFulfilled, onRejected] = call.arguments.map((argument) => unwrap(argument));
  const origins: CallbackOrigin[] = [];
  const add = (fn: TSESTree.Node | undefined, view: string, flags: number, member?: string): void => {
    if (!fn || !isFunctionNode(fn)) return;
    const param = fn.params[0];
    const name = param?.type === AST_NODE_TYPES.Identifier ? (member ? `${param.name}.${member}` : param.name) : undefined;
    origins.push({ client, fn, param, producer: param ?? fn, request: undefined, view, flags, name });
  };
  add(onFulfilled, hooks.fulfilledView, 0);
  // A rejection for an error status: what reaches the second callback is an error response.
  add(onRejected, hooks.rejectedView, ERROR, client.rejection?.responseMember);
  return origins;
}

/** Whether an interceptor is registered on the instance (or module object) that makes `call`. */
export function hasResponseHook(call: TSESTree.CallExpression, client: ClientModel, context: OriginContext): boolean {
  const hooks = client.responseHooks;
  const callee = unwrap(call.callee);
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
  if (!hooks || object.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(context.scopeOf(object), object);
  return (variable?.references ?? []).some((reference) => registrationAt(reference.identifier, hooks) !== undefined);
}

interface Registration {
  readonly client: ClientModel;
  readonly hooks: ResponseHooks;
  readonly variable: TSESLint.Scope.Variable;
}

/** `X.interceptors.response.use(…)` with `X` a client's module object or an instance of it. */
function hookRegistration(call: TSESTree.CallExpression, context: OriginContext): Registration | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !responseHookMethods.has(memberName(callee) ?? '')) return undefined;
  let object: TSESTree.Node = callee;
  const steps: string[] = [];
  while (object.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(object);
    if (name === undefined) return undefined;
    steps.unshift(name);
    object = unwrap(object.object);
  }
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.scopeOf(object), object);
  const binding = variable ? moduleBindingOf(variable, 0) : undefined;
  if (!variable || !binding) return undefined;
  const client = clientModels.find((model) => model.moduleObject?.modules.includes(binding.module) && model.responseHooks);
  const hooks = client?.responseHooks;
  const expected = hooks && [...hooks.path, hooks.method];
  if (!client || !hooks || expected?.join('.') !== steps.join('.')) return undefined;
  return { client, hooks, variable };
}

/** The registration call that a reference of the instance starts (`api` in `api.interceptors.response.use(…)`). */
function registrationAt(identifier: TSESTree.Node, hooks: ResponseHooks): TSESTree.CallExpression | undefined {
  let node: TSESTree.Node = outerWrapper(identifier);
  for (const step of [...hooks.path, hooks.method]) {
    const member = node.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || memberName(member) !== step) return undefined;
    node = outerWrapper(member);
  }
  return calledBy(node);
}

/**
 * Whether the instance's responses are streams: it is created with a literal stream option, or the
 * file makes a stream call on it (`api.get(url, { responseType: 'stream' })`).
 */
function streamsThrough(variable: TSESLint.Scope.Variable, client: ClientModel, context: OriginContext): boolean {
  const binding = moduleBindingOf(variable, 0);
  if (binding?.factoryCalls.some((factory) => setsProducerOption(factory, client))) return true;
  return variable.references.some((reference) => {
    const node = outerWrapper(reference.identifier);
    const parent = node.parent;
    const call = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node ? calledBy(outerWrapper(parent)) : calledBy(node);
    return call !== undefined && optionProducerOf(call, context) !== undefined;
  });
}
