import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { PathDomain, PathExit } from '../code-paths/path-domain.js';
import { alwaysEndsProcess } from '../code-paths/process-exit.js';
import { catchingClause } from './ast.js';
import {
  BODYLESS,
  ERROR,
  EXISTS,
  equalStates,
  type FunctionState,
  holderBit,
  holdersOf,
  isOwed,
  joinStates,
  mapResponse,
  OK,
  READ,
  REJECTS_ERRORS,
  SETTLED,
} from './body-state.js';
import type { BodyLeak, LeakExitKind, UndrainedClose } from './findings.js';
import { type FunctionPlan, HANDLE, type PlanEvent } from './function-plan.js';
import type { GuardFacts } from './response-guards.js';
import { PROMISE_VIEW, type ResponseUse } from './response-uses.js';
import { isDeliberateClose } from './deliberate-close.js';
import { isUnpooledRequest } from './request-options.js';
import { cloneCall } from './unread-clones.js';

/** Collects leaks and closes while the walker runs; duplicates (loops, `finally`) are merged. */
export class FindingLog {
  private readonly leaks = new Map<string, BodyLeak>();
  private readonly closes = new Map<TSESTree.Node, UndrainedClose>();
  private readonly ids = new WeakMap<TSESTree.Node, number>();

  leak(leak: BodyLeak): void {
    const key = `${this.id(leak.response.producer)}:${this.id(leak.exit.node)}:${leak.exit.kind}`;
    const previous = this.leaks.get(key);
    if (!previous) {
      this.leaks.set(key, leak);
      return;
    }
    this.leaks.set(key, {
      ...previous,
      mixed: previous.mixed || leak.mixed,
      errorStatus: previous.errorStatus && leak.errorStatus,
      holders: previous.holders.filter((holder) => leak.holders.includes(holder)),
      partial: previous.partial === true || leak.partial === true,
    });
  }

  close(close: UndrainedClose): void {
    const previous = this.closes.get(close.call);
    this.closes.set(close.call, previous ? { ...previous, errorStatus: previous.errorStatus && close.errorStatus } : close);
  }

  result(): { leaks: BodyLeak[]; closes: UndrainedClose[] } {
    return { leaks: [...this.leaks.values()], closes: [...this.closes.values()] };
  }

  private counter = 0;

  private id(node: TSESTree.Node): number {
    let id = this.ids.get(node);
    if (id === undefined) this.ids.set(node, (id = ++this.counter));
    return id;
  }
}

/** The response-body meaning of a path walk over one function. */
export class BodyDomain implements PathDomain<FunctionState> {
  constructor(
    private readonly plan: FunctionPlan,
    private readonly log: FindingLog,
    private readonly scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
  ) {}

  /** Before anything runs: callback parameters are live, everything else does not exist yet. */
  entry(): FunctionState {
    return this.plan.responses.map((planned) =>
      planned.creation === undefined ? [this.fresh(planned.initialFlags, planned.initialHolders)] : [0],
    );
  }

  join = joinStates;
  equals = equalStates;

  isEvent(node: TSESTree.Node): boolean {
    return this.plan.events.has(node);
  }

  visit(node: TSESTree.Node, state: FunctionState): FunctionState {
    let current = state;
    for (const event of this.plan.events.get(node)!) current = this.apply(event, current);
    return current;
  }

  refine(test: TSESTree.Expression, outcome: boolean, state: FunctionState): FunctionState | undefined {
    const guards = this.plan.guards.get(test);
    if (!guards) return state;
    let current: FunctionState | undefined = state;
    for (const { response, holder, guard } of guards) {
      if (current === undefined) return undefined;
      current = this.learn(current, response, holder, outcome ? guard.whenTrue : guard.whenFalse);
    }
    return current;
  }

  refineCase(
    discriminant: TSESTree.Expression,
    test: TSESTree.Expression,
    matched: boolean,
    state: FunctionState,
  ): FunctionState | undefined {
    const guards = this.plan.guards.get(discriminant);
    if (!guards) return state;
    let current: FunctionState | undefined = state;
    for (const { response, holder, guard } of guards) {
      if (current === undefined) return undefined;
      if (guard.caseFacts) current = this.learn(current, response, holder, guard.caseFacts(test, matched));
    }
    return current;
  }

  leave(scope: TSESTree.Node, exit: PathExit, state: FunctionState): FunctionState {
    const dying = this.plan.scopes.get(scope);
    if (!dying) return state;
    let current = state;
    const masks = new Map<number, number>();
    for (const { response, holder } of dying) masks.set(response, (masks.get(response) ?? 0) | holderBit(holder));
    for (const [response, mask] of masks) {
      // A borrowed response goes back to its owner; a throw into a `catch` that ends the process loses nothing.
      if ((this.plan.responses[response]!.borrowed && exit.kind !== 'throw') || (exit.kind === 'throw' && caughtToEndProcess(exit.node))) {
        current = mapResponse(current, response, (value) => (value & mask ? 0 : value));
        continue;
      }
      current = this.dropHolders(current, response, mask, { kind: exitKind(scope, exit), node: exit.node });
    }
    return current;
  }

  assume(expression: TSESTree.Expression, state: FunctionState): FunctionState | undefined {
    const guards = this.plan.assertions.get(expression);
    if (!guards) return state;
    let current: FunctionState | undefined = state;
    for (const { response, holder, guard } of guards) {
      if (current === undefined) return undefined;
      current = this.learn(current, response, holder, guard.whenTrue);
    }
    return current;
  }

  exceptional(state: FunctionState): FunctionState {
    // A callee's exception is out of scope: whatever was live is not this path's business.
    let current = state;
    for (let index = 0; index < current.length; index++) {
      current = mapResponse(current, index, (value) => (value & EXISTS ? value | SETTLED | READ : value));
    }
    return current;
  }

  // ---- events -----------------------------------------------------------------------------

  private apply(event: PlanEvent, state: FunctionState): FunctionState {
    const planned = this.plan.responses[event.response]!;
    switch (event.type) {
      case 'create': {
        const before = state[event.response]!;
        const overwritten = before.filter((value) => isOwed(value) && holdersOf(value) !== 0);
        if (overwritten.length > 0) {
          this.reportLeak(event.response, before, overwritten, { kind: 'overwrite', node: event.binding });
        }
        const fresh = this.fresh(planned.initialFlags, planned.initialHolders);
        const copy = state.slice();
        copy[event.response] = [fresh];
        return copy;
      }
      case 'use':
        return this.use(state, event.response, event.holder, event.use);
      case 'capture':
        return this.onHolder(state, event.response, event.holder, (value) => value | SETTLED | READ);
      case 'reassign':
        return this.dropHolders(state, event.response, holderBit(event.holder), { kind: 'overwrite', node: event.node });
    }
  }

  private use(state: FunctionState, response: number, holder: number, use: ResponseUse): FunctionState {
    switch (use.kind) {
      case 'inspect':
      case 'drop':
        return state;
      case 'read':
        return this.onHolder(state, response, holder, (value) => value | READ);
      case 'release': {
        // Cancelling a clone lets go of its half of the tee only: the original still holds the
        // connection until it is read or cancelled itself.
        if (this.isClone(response, holder)) return state;
        const unread = state[response]!.filter(
          (value) => heldBy(value, holder) && value & EXISTS && !(value & (READ | BODYLESS)) && (holder !== HANDLE || this.closesArrived(response, value)),
        );
        if (unread.length > 0) {
          this.log.close({
            response: this.plan.responses[response]!.response,
            call: use.call,
            close: use.close,
            view: use.view,
            errorStatus: unread.every((value) => value & ERROR),
            deliberate: isDeliberateClose(use.call, this.scopeOf),
            bodyNeverRead: this.neverRead(response),
            helper: use.helper === true,
            unpooled: isUnpooledRequest(this.plan.responses[response]!.response.producer, this.plan.responses[response]!.response.client, this.scopeOf),
          });
        }
        return this.onHolder(state, response, holder, (value) => value | SETTLED);
      }
      case 'alias': {
        const planned = this.plan.responses[response]!;
        let bits = 0;
        for (const target of use.targets) {
          const index = planned.holders.findIndex((existing) => existing.variable === target.variable);
          if (index >= 0) bits |= holderBit(index);
        }
        const settle = use.settles ? SETTLED : 0;
        return this.onHolder(state, response, holder, (value) => value | bits | settle);
      }
      default:
        return this.onHolder(state, response, holder, (value) => value | SETTLED | READ);
    }
  }

  /**
   * Whether a handle's close (`controller.abort()`, `req.destroy()`) throws away a body on this
   * path: one held as a response, not only as the promise of one, and not closed already. An
   * `AbortController` aborted before the promise is awaited ends a request that may still be in
   * flight, as a timeout does: whether a body had arrived to be thrown away is a may. After
   * `res.destroy()`, `req.destroy()` closes nothing more.
   */
  private closesArrived(response: number, value: number): boolean {
    if (value & SETTLED) return false;
    return this.plan.responses[response]!.holders.some((target, index) => value & holderBit(index) && target.view !== PROMISE_VIEW);
  }

  private isClone(response: number, holder: number): boolean {
    const target = holder === HANDLE ? undefined : this.plan.responses[response]!.holders[holder];
    return target !== undefined && cloneCall(target.identifier, this.plan.responses[response]!.response.client.views) !== undefined;
  }

  /** Whether no event anywhere in the function reads (or may read) the response's body. */
  private neverRead(response: number): boolean {
    for (const events of this.plan.events.values()) {
      for (const event of events) {
        if (event.response !== response) continue;
        if (event.type === 'capture') return false;
        if (event.type === 'use' && !['inspect', 'drop', 'release', 'alias'].includes(event.use.kind)) return false;
        if (event.type === 'use' && event.use.kind === 'alias' && event.use.settles) return false;
      }
    }
    return true;
  }

  /**
   * Adds what a branch teaches to the paths that hold the response, and drops the paths that
   * contradict it (`!res.ok` on a path that already saw `res.ok`). When none is left, the branch
   * cannot be taken at all.
   */
  private learn(state: FunctionState, response: number, holder: number, facts: GuardFacts): FunctionState | undefined {
    const client = this.plan.responses[response]!.response.client;
    const bodyless = (facts.bodyless && !client.emptyBodyHoldsConnection) || facts.absent;
    const flags = (facts.error ? ERROR : 0) | (bodyless ? BODYLESS : 0) | (facts.ok ? OK : 0);
    const contradicts = (value: number) =>
      (facts.error && value & OK) || (facts.ok && value & ERROR) || (facts.used && !(value & (READ | SETTLED)));
    if (flags === 0 && !facts.used) return state;
    const before = state[response]!;
    const applies = (value: number) => value & EXISTS && heldBy(value, holder);
    const kept = before.filter((value) => !(applies(value) && contradicts(value)));
    if (kept.length === 0) return undefined;
    // A dead branch owes nothing: marking it bodyless keeps both rules silent there.
    const dead = (value: number) => (flags & ERROR && value & REJECTS_ERRORS ? BODYLESS : 0);
    const pruned = kept.length === before.length ? state : replaceSet(state, response, kept);
    return mapResponse(pruned, response, (value) => (applies(value) ? value | flags | dead(value) : value));
  }

  private onHolder(
    state: FunctionState,
    response: number,
    holder: number,
    update: (value: number) => number,
  ): FunctionState {
    return mapResponse(state, response, (value) => (value & EXISTS && heldBy(value, holder) ? update(value) : value));
  }

  /** Holders die (scope exit, reassignment); a response left with none and still owed leaks. */
  private dropHolders(
    state: FunctionState,
    response: number,
    mask: number,
    exit: { kind: LeakExitKind; node: TSESTree.Node },
  ): FunctionState {
    const before = state[response]!;
    const leaking = before.filter((value) => value & mask && isOwed(value) && holdersOf(value & ~mask) === 0);
    if (leaking.length > 0) this.reportLeak(response, before, leaking, exit);
    return mapResponse(state, response, (value) => {
      if (!(value & mask)) return value;
      const remaining = value & ~mask;
      return holdersOf(remaining) === 0 ? 0 : remaining;
    });
  }

  private reportLeak(
    response: number,
    all: readonly number[],
    leaking: readonly number[],
    exit: { kind: LeakExitKind; node: TSESTree.Node },
  ): void {
    const planned = this.plan.responses[response]!;
    const common = leaking.reduce((bits, value) => bits & holdersOf(value), ~0);
    this.log.leak({
      response: planned.response,
      exit,
      mixed: all.some((value) => !leaking.includes(value)),
      errorStatus: leaking.every((value) => value & ERROR),
      holders: planned.holders.filter((_, index) => common & (1 << index)),
      partial: leaking.some((value) => value & READ),
    });
  }

  private fresh(flags: number, holders: readonly number[]): number {
    return holders.reduce((value, index) => value | holderBit(index), EXISTS | flags);
  }
}

function replaceSet(state: FunctionState, response: number, values: readonly number[]): FunctionState {
  const copy = state.slice();
  copy[response] = values;
  return copy;
}

/** Whether holder `holder` has the response on this path; `HANDLE` events apply on every path. */
function heldBy(value: number, holder: number): boolean {
  return holder === HANDLE || (value & holderBit(holder)) !== 0;
}

const LOOPS = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

function exitKind(scope: TSESTree.Node, exit: PathExit): LeakExitKind {
  if (exit.kind !== 'end') return exit.kind;
  if (scope.type === AST_NODE_TYPES.ArrowFunctionExpression && scope.body === exit.node && scope.body.type !== AST_NODE_TYPES.BlockStatement) {
    return 'callback-end';
  }
  if (scope.type === AST_NODE_TYPES.Program || scope.type.includes('Function')) return 'end';
  if (scope.parent && LOOPS.has(scope.parent.type) && (scope.parent as TSESTree.WhileStatement).body === scope) {
    return 'iteration-end';
  }
  return 'block-end';
}

function caughtToEndProcess(thrown: TSESTree.Node): boolean {
  const handler = catchingClause(thrown);
  return handler !== undefined && alwaysEndsProcess(handler.body);
}
