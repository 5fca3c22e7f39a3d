import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { ClientModel } from '../clients/client-model.js';
import type { FunctionNode } from './ast.js';

// The types the origin modules share (response-origins.ts, option-producers.ts, callback-origins.ts,
// response-hooks.ts, rejection-origins.ts), kept apart so that none of them imports another for a type.

/** What the engine needs to recognise producers in one file. */
export interface OriginContext {
  readonly scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  /** The linted file, whose directory tells which client versions it runs with. */
  readonly filename?: string;
  /** Present when the file has a type-checked program. */
  readonly types?: {
    readonly services: ParserServicesWithTypeInformation;
    readonly checker: ts.TypeChecker;
  };
}

/** A call that produces a response: which client, and the view its value starts as. */
export interface Producer {
  readonly client: ClientModel;
  /** `PROMISE_VIEW` for a promise of the response, else the client's root view. */
  readonly view: string;
  /** It may give `null` or `undefined` instead (`Promise<Response | null>`). */
  readonly nullable?: boolean;
  /**
   * The file's types call the value something else (a wrapper annotated `Promise<FetchResponse>`
   * with a structural type of its own): a drain naming the client's members would not type-check.
   */
  readonly declaredOtherwise?: boolean;
}

/**
 * A response handed to a callback: `http.get(url, (res) => …)`, `req.on('response', (res) => …)`;
 * also a rejection's response handed to a `catch` (rejection-origins.ts) or an interceptor
 * (response-hooks.ts). Made by callback-origins.ts.
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
