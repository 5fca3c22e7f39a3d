import type { TSESTree } from '@typescript-eslint/utils';
import type { Guard } from './response-guards.js';
import type { AliasTarget, ResponseUse } from './response-uses.js';
import type { TrackedResponse } from './findings.js';

/** One response followed through one function's paths. */
export interface PlannedResponse {
  readonly response: TrackedResponse;
  /** Local names that hold it; index = holder bit. */
  readonly holders: AliasTarget[];
  /** Flags the response starts with (`BODYLESS` for HEAD, `SETTLED` when a view was taken at once). */
  readonly initialFlags: number;
  /** Where it comes into being; `undefined` when it is live from the function's entry (a callback parameter). */
  readonly creation: TSESTree.Node | undefined;
  /** The holders it is born with. */
  readonly initialHolders: readonly number[];
  /**
   * A parameter the function only looks at: its caller still owns the body, so only a `throw`
   * (after which the caller never sees it again) leaks it.
   */
  readonly borrowed: boolean;
}

/**
 * The holder index of events that come from a handle rather than a holder: the request object, an
 * `AbortController` whose signal the request got. They close the response on every path.
 */
export const HANDLE = -1;

/** Something that happens to a response when the walk evaluates a node. */
export type PlanEvent =
  | { readonly type: 'create'; readonly response: number; readonly binding: TSESTree.Node }
  | { readonly type: 'use'; readonly response: number; readonly holder: number; readonly use: ResponseUse }
  | { readonly type: 'reassign'; readonly response: number; readonly holder: number; readonly node: TSESTree.Node }
  | { readonly type: 'capture'; readonly response: number; readonly holder: number };

export interface PlannedGuard {
  readonly response: number;
  readonly holder: number;
  readonly guard: Guard;
}

/** Everything the path walk of one function needs to know, collected before it runs. */
export class FunctionPlan {
  readonly responses: PlannedResponse[] = [];
  readonly events = new Map<TSESTree.Node, PlanEvent[]>();
  readonly guards = new Map<TSESTree.Node, PlannedGuard[]>();
  /** Assertion statements (`assert.strictEqual(res.status, 204)`), by their call. */
  readonly assertions = new Map<TSESTree.Node, PlannedGuard[]>();
  /** Scope node → the holders declared in it, which die when a path leaves it. */
  readonly scopes = new Map<TSESTree.Node, { response: number; holder: number }[]>();

  addEvent(node: TSESTree.Node, event: PlanEvent): void {
    push(this.events, node, event);
  }

  addGuard(guard: PlannedGuard): void {
    push(guard.guard.asserts ? this.assertions : this.guards, guard.guard.node, guard);
  }

  addScope(scope: TSESTree.Node, response: number, holder: number): void {
    push(this.scopes, scope, { response, holder });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
