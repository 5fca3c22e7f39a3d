import type { TSESTree } from '@typescript-eslint/utils';

// What walking a piece of code leaves behind (path-walker.ts): the state it completes normally with,
// if any, and the jumps out of it (`return`, `throw`, `break`, `continue`) with their states.

/** A state, or `undefined` where no path gets. */
export type Maybe<S> = S | undefined;

/** A jump out of the code walked, waiting for the statement it leaves to. */
export interface Abrupt<S> {
  readonly kind: 'return' | 'throw' | 'break' | 'continue';
  readonly label: string | null;
  readonly node: TSESTree.Node;
  readonly state: S;
}

/** How a piece of code completes: normally, and by its jumps. */
export interface Outcome<S> {
  readonly normal: Maybe<S>;
  readonly abrupt: readonly Abrupt<S>[];
}

/** The states after a condition is true and after it is false. */
export interface Branches<S> {
  readonly whenTrue: Maybe<S>;
  readonly whenFalse: Maybe<S>;
}

/** Completes neither normally nor by a jump. */
export const NONE: Outcome<never> = { normal: undefined, abrupt: [] };

/** Neither branch can be taken. */
export const NO_BRANCHES: Branches<never> = { whenTrue: undefined, whenFalse: undefined };

/** Completes normally with `state`. */
export function normal<S>(state: Maybe<S>): Outcome<S> {
  return { normal: state, abrupt: [] };
}

/** Jumps out with `state`. */
export function jump<S>(kind: Abrupt<S>['kind'], label: string | null, node: TSESTree.Node, state: S): Outcome<S> {
  return { normal: undefined, abrupt: [{ kind, label, node, state }] };
}
