import type { TSESTree } from '@typescript-eslint/utils';

/**
 * What a path-sensitive walk (path-walker.ts) asks of its domain: the abstract state, what happens at
 * interesting nodes, what a branch condition teaches, and what leaving a scope means.
 */
export interface PathDomain<S> {
  join(a: S, b: S): S;
  equals(a: S, b: S): boolean;
  /** Evaluation reached `node`; called for every node `isEvent` accepts, after its operands. */
  visit(node: TSESTree.Node, state: S): S;
  isEvent(node: TSESTree.Node): boolean;
  /** `test` evaluated to `outcome`; `undefined` when no path in `state` can take that branch. */
  refine(test: TSESTree.Expression, outcome: boolean, state: S): S | undefined;
  /** A `case test:` of `switch (discriminant)` matched (or did not); `undefined` when it cannot. */
  refineCase(discriminant: TSESTree.Expression, test: TSESTree.Expression, matched: boolean, state: S): S | undefined;
  /** Control leaves `scope` (a block, loop, switch, catch clause or function) through `exit`. */
  leave(scope: TSESTree.Node, exit: PathExit, state: S): S;
  /** The state on an edge taken by an exception a callee threw, entering a `catch`. */
  exceptional(state: S): S;
  /**
   * An expression statement completed normally: what it asserts holds (`assert(x)` throws
   * otherwise). `undefined` when no path in `state` can get past it.
   */
  assume(expression: TSESTree.Expression, state: S): S | undefined;
}

/** How a path leaves a scope. `end` is falling off the end of a block or function body. */
export interface PathExit {
  readonly kind: 'return' | 'throw' | 'break' | 'continue' | 'end';
  /** The statement that leaves (or the block or expression body whose end is reached). */
  readonly node: TSESTree.Node;
}
