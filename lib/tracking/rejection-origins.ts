import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import * as path from 'node:path';
import type { ClientModel, RejectionModel } from '../clients/client-model.js';
import { dependencyMajor } from '../dependency-version.js';
import { BODYLESS, ERROR, REJECTS_ERRORS } from './body-state.js';
import { calledBy, catchingClause, enclosingFunction, isFunctionNode, isTransparent, memberName } from './ast.js';
import { maySetOption, optionProducerOf } from './option-producers.js';
import { hasResponseHook } from './response-hooks.js';
import type { CallbackOrigin, OriginContext } from './origin-context.js';
import { isDirectClientCall } from './response-origins.js';

/**
 * The response a call's rejection carries to a handler this function shows. A client that rejects
 * error statuses with the response unread on the error (ky 1's `HTTPError`, axios streams) hands
 * that response to the `catch` around `await call`, or to the `.catch(fn)` / `.then(ok, fn)` of its
 * promise chain, which then owes its body. `flags` are the request's (`REJECTS_ERRORS` when the
 * call keeps the client's default of rejecting).
 */
export function rejectionOriginsOf(
  call: TSESTree.CallExpression,
  client: ClientModel,
  flags: number,
  context: OriginContext,
): CallbackOrigin[] {
  const rejection = client.rejection;
  // A custom `validateStatus` or `throwHttpErrors` picks which statuses reject: not followed.
  if (!rejection || !(flags & REJECTS_ERRORS) || flags & BODYLESS) return [];
  // A wrapper typed to return the client's response may configure (or read) what it rejects with.
  if (!isDirectClientCall(call, context) && !optionProducerOf(call, { ...context, types: undefined })) return [];
  if (rejection.unlessOption && maySetOption(call, rejection.unlessOption, context)) return [];
  if (readsBodyItself(rejection, context)) return [];
  // An interceptor sees the rejection first, and is followed where it is registered.
  if (hasResponseHook(call, client, context)) return [];
  const handler = rejectionHandler(call, client);
  if (!handler) return [];
  const base = { client, request: undefined, view: rejection.view, flags: ERROR, call } as const;
  if (handler.type === AST_NODE_TYPES.CatchClause) {
    const param = handler.param ?? undefined;
    return [{ ...base, fn: enclosingFunction(handler), param, producer: param ?? handler, bound: true, name: nameOf(param, rejection), ignoredAt: handler }];
  }
  const param = handler.params[0];
  return [{ ...base, fn: handler, param, producer: param ?? handler, name: nameOf(param, rejection) }];
}

/**
 * Where the rejection of `call`'s promise goes: along its chain of body shortcuts (`ky(url).json()`)
 * and `.then`/`.finally` steps to a `.catch(fn)` or `.then(ok, fn)` callback, or to the `catch` of
 * the `try` that awaits it in the same function. `undefined` when the promise goes anywhere else.
 */
function rejectionHandler(
  call: TSESTree.CallExpression,
  client: ClientModel,
): TSESTree.CatchClause | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration | undefined {
  let node: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (isTransparent(parent)) {
      node = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.AwaitExpression) return catchingClause(parent);
    if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return undefined;
    const step = calledBy(parent);
    const name = memberName(parent);
    if (!step || name === undefined) return undefined;
    if (name === 'catch') return functionArgument(step.arguments[0]);
    if (name === 'then' && step.arguments.length > 1) return functionArgument(step.arguments[1]);
    const continues = name === 'then' || name === 'finally' || (client.promiseMembers !== undefined && Object.hasOwn(client.promiseMembers, name));
    if (!continues) return undefined;
    node = step;
  }
}

function functionArgument(argument: TSESTree.Node | undefined) {
  return argument && isFunctionNode(argument) ? argument : undefined;
}

/** ky 2 reads the error's body before it throws: decided by the version the linted file runs with. */
function readsBodyItself(rejection: RejectionModel, context: OriginContext): boolean {
  const since = rejection.readsBodySince;
  if (!since) return false;
  const major = dependencyMajor(since.package, path.dirname(context.filename ?? path.join(process.cwd(), 'file.js')));
  // No installed copy nor dependency to go by: which version runs is unknown, so nothing is owed.
  return major === undefined || major >= since.major;
}

function nameOf(param: TSESTree.Node | undefined, rejection: RejectionModel): string | undefined {
  return param?.type === AST_NODE_TYPES.Identifier ? `${param.name}.${rejection.responseMember}` : undefined;
}
