import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClientModel, CloseKind, CopyKind } from '../clients/client-model.js';
import type { AliasTarget } from './response-uses.js';
import type { CollectionOrigin } from './response-collections.js';

/** A response the analysis follows: where it was made and by which client. */
export interface TrackedResponse {
  /** The producing call (or the parameter a helper receives it by); reports land here. */
  readonly producer: TSESTree.Node;
  readonly client: ClientModel;
  /** The first local name that holds it, if any. */
  readonly name: string | undefined;
  /** `producer` makes one element of an array of responses, which is what is followed. */
  readonly collection?: CollectionOrigin;
  /** The producer may give `null` or `undefined` instead of a response: a drain must use `?.`. */
  readonly nullable?: boolean;
  /** The code's types do not show a response here (see `Producer`): no fix can name its members. */
  readonly declaredOtherwise?: boolean;
  /** The request call that made it, when `producer` is not that call (the parameter a rejection reaches); messages name it. */
  readonly call?: TSESTree.CallExpression;
}

/** How a path leaves with the body still owed. */
export type LeakExitKind =
  | 'return'
  | 'throw'
  | 'end'
  | 'callback-end'
  | 'continue'
  | 'break'
  | 'iteration-end'
  | 'block-end'
  | 'overwrite'
  | 'discard'
  /** Kept in a field or variable whose body no code reads (`this.#last = await fetch(u)`). */
  | 'stored'
  | 'ignored';

export interface LeakExit {
  readonly kind: LeakExitKind;
  /** The statement that leaves, the block whose end is reached, or the dropping expression. */
  readonly node: TSESTree.Node;
}

/** A path on which a response body is neither read, released nor handed off. */
export interface BodyLeak {
  readonly response: TrackedResponse;
  readonly exit: LeakExit;
  /** Other paths reach the same exit with the body settled (or never made): a drain there is not theirs. */
  readonly mixed: boolean;
  /** Every leaking path to this exit established an error status. */
  readonly errorStatus: boolean;
  /** Names that still hold the response (or a view of it) at the exit, on every leaking path. */
  readonly holders: readonly AliasTarget[];
  /** Some leaking path read part of it (a `reader.read()`, an array's `filter` that keeps some elements). */
  readonly partial?: boolean;
}

/** A close (cancel, destroy) of a body that nothing read, on some path. */
export interface UndrainedClose {
  readonly response: TrackedResponse;
  readonly call: TSESTree.CallExpression;
  readonly close: CloseKind;
  /** The view whose member closed it (`stream` for `res.body.cancel()`). */
  readonly view: string;
  /** Every path reaching the close with the body unread had established an error status. */
  readonly errorStatus: boolean;
  /** The close sits in a branch that tested the body's size or type: a deliberate choice. */
  readonly deliberate: boolean;
  /** No path reads any of the body: the request could have been a HEAD. */
  readonly bodyNeverRead: boolean;
  /** `call` is a function that closes the response it is given (`release(res)`), not a member of it. */
  readonly helper: boolean;
  /** The request's options keep its connection out of every pool (`agent: false`, an upgrade). */
  readonly unpooled: boolean;
}

/** Everything one file's analysis found; both rules read from one shared instance. */
export interface BodyFindings {
  readonly leaks: readonly BodyLeak[];
  readonly closes: readonly UndrainedClose[];
  readonly clones: readonly UnreadClone[];
}

/** `const copy = res.clone()` and `copy` is never read, cancelled or handed on. */
export interface UnreadClone {
  readonly response: TrackedResponse;
  /** The `clone()` call. */
  readonly call: TSESTree.CallExpression;
  readonly variable: TSESLint.Scope.Variable;
  /** What the unread copy costs, by the client. */
  readonly copies: CopyKind;
}
