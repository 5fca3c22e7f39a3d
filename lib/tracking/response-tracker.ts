import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { walkFunction } from '../code-paths/path-walker.js';
import { BODYLESS, MAX_HOLDERS, SETTLED } from './body-state.js';
import { BodyDomain, FindingLog } from './body-domain.js';
import { capturingFunction, enclosingFunction, enclosingStatement, type FunctionNode, isWithin, unwrap } from './ast.js';
import type { BodyFindings, LeakExit, TrackedResponse, UnreadClone } from './findings.js';
import { FunctionPlan, HANDLE, type PlannedResponse } from './function-plan.js';
import { callbackOriginsOf } from './callback-origins.js';
import { abortHandles, handleCloses, onceResponseOf, type Handle } from './request-handles.js';
import { calleeFunction, type VisibleFunction } from './callee-function.js';
import { HANDLED_TAG, summarizeParameter } from '../summaries/parameter-summary.js';
import { keptByCaller } from '../summaries/kept-by-callers.js';
import { receivesNetworkResponse } from '../summaries/parameter-origin.js';
import { responseKindOfType } from '../types/response-type.js';
import { producerNames, typeMayBeResponse } from '../types/producer-names.js';
import type * as ts from 'typescript';
import type { AnalysisOptions } from '../analysis-options.js';
import { callName, configuredProducer } from './configured-calls.js';
import { type Guard, guardAt, type GuardContext, guardOnMember, guardsThroughConstant } from './response-guards.js';
import { literalValueOf } from '../types/literal-value.js';
import { isTypeUnreachable } from '../types/unreachable-branch.js';
import type { CallbackOrigin, OriginContext, Producer } from './origin-context.js';
import { producerOf } from './response-origins.js';
import { localWrapperProducer } from './local-wrappers.js';
import { heldInObject } from './object-wrappers.js';
import { collectionOriginOf, collectionUses, combinatorValue, isCollectionView, RACE_VIEW, racedAlone, type CollectionOrigin } from './response-collections.js';
import { bindPattern, classifyUse, PROMISE_VIEW, valueGoesOnUntracked, type AliasTarget, type ResponseUse, type UseContext } from './response-uses.js';
import { fieldHeadGuards, headGuards, isUnpooledRequest, requestsHead, sentAsHead } from './request-options.js';
import { requestFlags } from './option-producers.js';
import type { ClientModel } from '../clients/client-model.js';
import { rejectionOriginsOf } from './rejection-origins.js';
import { headersListenerOf, waitsForHeaders } from './response-listeners.js';
import { unreadClones } from './unread-clones.js';
import { httpMocksOf, type HttpMocks } from './http-mocks.js';

/** What the tracker needs from the file being linted. */
export interface TrackerContext extends OriginContext {
  readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>;
  /** Comments before a function's declaration, for `@drain-handled`. */
  readonly commentsOf: (node: TSESTree.Node) => readonly string[];
  readonly options: AnalysisOptions;
}

/**
 * Follows every response produced in a file: decides at once what happens to values used only
 * once, and plans a path walk for every function that holds one in a variable.
 */
export function trackResponses(
  calls: readonly TSESTree.CallExpression[],
  functions: readonly Exclude<FunctionNode, TSESTree.Program>[],
  context: TrackerContext,
): BodyFindings {
  const mocks = calls[0] ? httpMocksOf(calls, globalScopeOf(context.scopeOf(calls[0])), context.scopeOf) : NO_MOCKS;
  const tracker = new ResponseTracker(context, mocks);
  // A test that intercepts HTTP (nock, msw, `vi.mock('ky')`) gets its answers from memory.
  if (mocks.everyClient) return tracker.run();
  for (const call of calls) tracker.addCall(call);
  for (const fn of functions) tracker.addParameters(fn);
  return tracker.run();
}

class ResponseTracker {
  private readonly log = new FindingLog();
  private readonly plans = new Map<FunctionNode, FunctionPlan>();
  /** Responses received by typed parameters: reported only if some caller passes a network response. */
  private readonly parameters = new Map<TSESTree.Node, { fn: Exclude<FunctionNode, TSESTree.Program>; index: number }>();
  /** Parameters already followed as callback responses, so typed helpers do not follow them twice. */
  private readonly plannedParams = new Set<TSESTree.Node>();

  constructor(
    private readonly context: TrackerContext,
    /** What the file mocks of HTTP (lib/tracking/http-mocks.ts). */
    private readonly mocks: HttpMocks,
  ) {}

  addCall(call: TSESTree.CallExpression): void {
    if (isPromiseChainStep(call)) return;
    for (const origin of callbackOriginsOf(call, this.context)) this.addCallbackOrigin(origin);
    const once = onceResponseOf(call, this.context);
    if (once) {
      const response: TrackedResponse = { producer: once.producer, client: once.client, name: once.target.variable.name };
      const handles = once.request ? [{ variable: once.request, view: 'request' }] : [];
      this.planResponse(response, enclosingFunction(call), [once.target], call, 0, handles);
      return;
    }
    // One element of `Promise.all(urls.map((u) => fetch(u)))`: the array is followed instead.
    const collection = collectionOriginOf(call);
    if (collection) {
      this.addCollection(call, collection);
      return;
    }
    // Wherever its value goes, no report can start here: the checker need not be asked.
    if (valueGoesOnUntracked(call)) return;
    const producer = this.producerAt(call);
    if (!producer) {
      this.addHeldInObject(call);
      return;
    }
    const owner = enclosingFunction(call);
    const use = classifyUse(call, producer.view, this.useContext(producer.client, owner));
    const flags = headFlags(call, producer.client, this.context.scopeOf) | requestFlags(call, producer.client, this.context);
    const response: TrackedResponse = {
      producer: call,
      client: producer.client,
      name: aliasName(use),
      nullable: producer.nullable,
      declaredOtherwise: producer.declaredOtherwise,
    };
    const guards = headGuards(call, owner, this.context.scopeOf);
    const head = sentAsHead(call, guards) && !producer.client.emptyBodyHoldsConnection ? BODYLESS : 0;
    this.follow(response, use, owner, call, flags | head, abortHandles(call, producer.client, this.context), guards);
    // The error a rejected call carries may hold the response too (lib/tracking/rejection-origins.ts).
    for (const origin of rejectionOriginsOf(call, producer.client, flags | head, this.context)) this.addCallbackOrigin(origin);
  }

  /**
   * `const rs = await Promise.all(urls.map((u) => fetch(u)))`: the array holds every response, and
   * is followed as one obligation, settled when every element is read (lib/tracking/response-collections.ts).
   */
  private addCollection(call: TSESTree.CallExpression, origin: CollectionOrigin): void {
    // `Promise.race` / `Promise.any`: whatever becomes of the winner, the losers are dropped there.
    if (origin.view === RACE_VIEW && !racedAlone(call)) return;
    // Where the array goes is decided before the checker is asked whether `call` is a producer.
    const value = origin.view === RACE_VIEW ? ({ kind: 'drop' } as const) : combinatorValue(origin.combinator);
    if (!value) return;
    const producer = this.producerAt(call);
    if (!producer || (producer.view !== PROMISE_VIEW && producer.view !== producer.client.rootView)) return;
    const flags = headFlags(call, producer.client, this.context.scopeOf) | requestFlags(call, producer.client, this.context);
    if (flags & BODYLESS) return;
    if (origin.elements && !origin.elements.every((element) => element === call || this.sameRequestAs(element, producer, flags))) return;
    const owner = enclosingFunction(origin.combinator);
    const response: TrackedResponse = {
      producer: call,
      client: producer.client,
      name: value.kind === 'bind' ? value.id.name : undefined,
      collection: origin,
      nullable: producer.nullable,
      declaredOtherwise: producer.declaredOtherwise,
    };
    if (value.kind === 'drop') {
      this.leakNow(response, { kind: 'discard', node: enclosingStatement(origin.combinator) });
      return;
    }
    const use = bindPattern(value.id, origin.view, this.useContext(producer.client, owner), false);
    if (use.kind === 'alias') this.planResponse(response, owner, use.targets, origin.combinator, flags, []);
  }

  /**
   * Whether another element of `Promise.all([fetch(a), fetch(b)])` is a request like the first: the
   * same client and view, and the same flags, so that one obligation and one drain fit the array.
   * A literal that mixes in anything else (`getUser()`, a `HEAD`) is not followed.
   */
  private sameRequestAs(element: TSESTree.CallExpression, first: Producer, flags: number): boolean {
    const producer = this.producerAt(element);
    if (!producer || producer.client !== first.client || producer.view !== first.view) return false;
    if (producer.nullable !== first.nullable || producer.declaredOtherwise !== first.declaredOtherwise) return false;
    return (headFlags(element, producer.client, this.context.scopeOf) | requestFlags(element, producer.client, this.context)) === flags;
  }

  /** A client's call, one the options name, or (without types) a wrapper of this file. */
  private producerAt(call: TSESTree.CallExpression): Producer | undefined {
    const producer = producerOf(call, this.context) ?? configuredProducer(call, this.context.options) ?? localWrapperProducer(call, this.context);
    // `globalThis.fetch = mock` in a test: the file's fetch responses may be built by the mock.
    const mocked = producer?.client.producers.some((named) => named.modules === null && this.mocks.globals.has(named.name));
    return mocked ? undefined : producer;
  }

  /** `const { res, done } = await open(url)`: a wrapper's object holds a response (lib/tracking/object-wrappers.ts). */
  private addHeldInObject(call: TSESTree.CallExpression): void {
    const held = heldInObject(call, this.context);
    if (!held) return;
    const owner = enclosingFunction(call);
    const use = bindPattern(held.binding, held.producer.view, this.useContext(held.producer.client, owner), false);
    if (use.kind !== 'alias') return;
    const response: TrackedResponse = { producer: call, client: held.producer.client, name: held.binding.name };
    this.planResponse(response, owner, use.targets, call, 0, []);
  }

  /**
   * A function that receives a response by a typed parameter. If it takes the response over (reads,
   * releases or passes it on somewhere), it owns it on every path; if it only looks, or a caller
   * goes on using the response after the call, it borrows it, and only throwing with the body
   * unread loses it for the caller.
   */
  addParameters(fn: Exclude<FunctionNode, TSESTree.Program>): void {
    const types = this.context.types;
    if (!types) return;
    const params = fn.params.filter((param) => !(param.type === AST_NODE_TYPES.Identifier && param.name === 'this'));
    for (const [index, param] of params.entries()) {
      if (param.type !== AST_NODE_TYPES.Identifier || !param.typeAnnotation || this.plannedParams.has(param)) continue;
      // The annotation names no response type: the checker need not be asked.
      const annotation = types.services.esTreeNodeToTSNodeMap.get(param.typeAnnotation.typeAnnotation) as ts.TypeNode;
      if (!typeMayBeResponse(annotation, producerNames(types.services.program))) continue;
      const kind = responseKindOfType(types.checker, types.checker.getTypeAtLocation(types.services.esTreeNodeToTSNodeMap.get(param)));
      if (typeof kind === 'string' || kind.promise) continue;
      const visible: VisibleFunction = { fn, scopeOf: this.context.scopeOf, comments: this.context.commentsOf(fn), origin: this.context };
      if (visible.comments.some((comment) => comment.includes(HANDLED_TAG))) return;
      const summary = summarizeParameter(visible, index, kind.client, kind.view, (callee) => this.summaryContext(kind.client, callee));
      // It gives the response to code the analysis cannot see, which may be what settles it; or it
      // only closes it, which its callers' analysis judges where they call it.
      if (summary === 'unknown' || summary === 'cancels' || summary === 'destroys') continue;
      const target = bindPattern(param, kind.view, this.useContext(kind.client, fn), false);
      if (target.kind !== 'alias') continue;
      const response: TrackedResponse = { producer: param, client: kind.client, name: param.name };
      const borrowed =
        summary !== 'takes' ||
        keptByCaller(fn, index, this.context.scopeOf, (identifier) =>
          classifyUse(identifier, kind.view, this.useContext(kind.client, enclosingFunction(identifier))),
        );
      this.planResponse(response, fn, target.targets, undefined, 0, [], borrowed, fieldHeadGuards(fn, this.context.scopeOf));
      this.parameters.set(param, { fn, index });
    }
  }

  private addCallbackOrigin(origin: CallbackOrigin): void {
    const response: TrackedResponse = { producer: origin.producer, client: origin.client, name: origin.name, call: origin.call };
    const handles = origin.request ? [{ variable: origin.request, view: 'request' }] : [];
    const producer = origin.producer;
    const flags = origin.flags ?? (producer.type === AST_NODE_TYPES.CallExpression ? headFlags(producer, origin.client, this.context.scopeOf) : 0);
    this.followCallback(response, origin.fn, flags, handles, origin.param, origin);
  }

  run(): BodyFindings {
    const unread: UnreadClone[] = [];
    for (const [fn, plan] of this.plans) {
      const domain = new BodyDomain(plan, this.log, this.context.scopeOf);
      walkFunction(fn, domain.entry(), domain, this.context.visitorKeys);
      unread.push(...unreadClones(plan));
    }
    const found = this.log.result();
    const types = this.context.types;
    const leaks = found.leaks.filter(
      // An exit the types make unreachable (`default:` after every case, `assertNever(kind)`) leaks nothing.
      (leak) => this.fromNetwork(leak.response) && !(types && isTypeUnreachable(leak.exit.node, types)),
    );
    const closes = found.closes.filter((close) => this.fromNetwork(close.response));
    const byPosition = (a: TSESTree.Node, b: TSESTree.Node) => a.range[0] - b.range[0];
    leaks.sort((a, b) => byPosition(a.response.producer, b.response.producer) || byPosition(a.exit.node, b.exit.node));
    closes.sort((a, b) => byPosition(a.call, b.call));
    const clones = unread.filter((clone) => this.fromNetwork(clone.response)).sort((a, b) => byPosition(a.call, b.call));
    return { leaks, closes, clones };
  }

  /** Asked only of reported responses: a parameter's comes from its callers, which may never pass a fetched one. */
  private fromNetwork(response: TrackedResponse): boolean {
    const parameter = this.parameters.get(response.producer);
    return !parameter || receivesNetworkResponse(parameter.fn, parameter.index, this.context);
  }

  /** Applies the first use of a value that no variable holds yet. */
  private follow(
    response: TrackedResponse,
    use: ResponseUse,
    owner: FunctionNode,
    at: TSESTree.Node,
    flags: number,
    handles: readonly Handle[],
    guards: readonly Guard[] = [],
  ): void {
    switch (use.kind) {
      case 'inspect':
      case 'drop':
        if (!(flags & BODYLESS)) this.leakNow(response, { kind: use.kind === 'inspect' && use.stored ? 'stored' : 'discard', node: enclosingStatement(at) });
        return;
      case 'release':
        if (!(flags & BODYLESS)) {
          this.log.close({
            response,
            call: use.call,
            close: use.close,
            view: use.view,
            errorStatus: false,
            deliberate: false,
            bodyNeverRead: true,
            helper: use.helper === true,
            unpooled: isUnpooledRequest(response.producer, response.client, this.context.scopeOf),
          });
        }
        return;
      case 'alias':
        this.planResponse(response, owner, use.targets, at, flags | (use.settles ? SETTLED : 0), handles, false, guards);
        for (const target of use.targets) this.followHeadersListener(response, target, owner, flags);
        return;
      case 'callback':
        this.followCallback(response, use.fn, flags, handles, use.fn.params[0]);
        return;
      default:
        return;
    }
  }

  /** `promise.then((res) => …)`, `http.get(url, (res) => …)`: the response lives on in the callback. */
  private followCallback(
    response: TrackedResponse,
    fn: FunctionNode,
    flags: number,
    handles: readonly Handle[],
    param: TSESTree.Parameter | undefined,
    /** A callback origin's view, binding and naming, when not a plain response parameter. */
    origin?: Pick<CallbackOrigin, 'view' | 'bound' | 'ignoredAt'>,
  ): void {
    const ignoredAt = origin?.ignoredAt ?? fn;
    if (!param) {
      if (!(flags & BODYLESS)) this.leakNow(response, { kind: 'ignored', node: ignoredAt });
      return;
    }
    const use = bindPattern(param, origin?.view ?? response.client.rootView, this.useContext(response.client, fn), false);
    this.plannedParams.add(param);
    if (use.kind === 'alias') {
      const named = { ...response, name: response.name ?? use.targets[0]?.variable.name };
      // A `catch` parameter comes into being when the walk enters the clause.
      const creation = origin?.bound ? use.targets[0]!.identifier : undefined;
      this.planResponse(named, fn, use.targets, creation, flags, handles, false);
    } else if (use.kind === 'drop' && !(flags & BODYLESS)) {
      this.leakNow(response, { kind: 'ignored', node: ignoredAt });
    }
  }

  /**
   * `stream.on('response', (res) => …)` that takes the stream over (lib/tracking/response-listeners.ts):
   * the outer function hands it to the listener, which owes the body on each of its paths. The
   * listener's holder is the outer variable, which dies when the listener returns.
   */
  private followHeadersListener(response: TrackedResponse, target: AliasTarget, owner: FunctionNode, flags: number): void {
    const context = this.useContext(response.client, owner);
    const listener = headersListenerOf(target, response.client, owner, (identifier) => classifyUse(identifier, target.view, context));
    if (!listener) return;
    this.planResponse(response, listener, [target], undefined, flags, []);
    const plan = this.plans.get(listener)!;
    plan.addScope(listener, plan.responses.length - 1, 0);
  }

  private leakNow(response: TrackedResponse, exit: LeakExit): void {
    this.log.leak({ response, exit, mixed: false, errorStatus: false, holders: [] });
  }

  /** Registers a response held in variables of `owner`, with every use of every alias. */
  private planResponse(
    response: TrackedResponse,
    owner: FunctionNode,
    targets: readonly AliasTarget[],
    creation: TSESTree.Node | undefined,
    flags: number,
    handles: readonly Handle[],
    borrowed = false,
    /** Tests on something other than the response that still tell about it (`this.method === 'HEAD'`). */
    guards: readonly Guard[] = [],
  ): void {
    let plan = this.plans.get(owner);
    if (!plan) this.plans.set(owner, (plan = new FunctionPlan()));
    const index = plan.responses.length;
    const planned: PlannedResponse = {
      response,
      holders: [],
      initialFlags: flags,
      creation,
      initialHolders: targets.map((_, i) => i),
      borrowed,
    };
    plan.responses.push(planned);
    if (creation) plan.addEvent(creation, { type: 'create', response: index, binding: targets[0]!.identifier.parent ?? creation });
    const context = this.useContext(response.client, owner);
    for (const target of targets) this.addHolder(plan, planned, index, target);
    for (const handle of handles) this.planHandle(plan, index, handle, owner, context);
    this.planDestructuredGuards(plan, index, targets, response.client);
    for (const guard of guards) plan.addGuard({ response: index, holder: HANDLE, guard });
    for (let holder = 0; holder < planned.holders.length; holder++) {
      this.planHolder(plan, planned, index, holder, owner, context, (target) => {
        if (planned.holders.some((existing) => existing.variable === target.variable)) return true;
        return this.addHolder(plan, planned, index, target);
      });
    }
  }

  private addHolder(plan: FunctionPlan, planned: PlannedResponse, index: number, target: AliasTarget): boolean {
    if (planned.holders.length >= MAX_HOLDERS) return false;
    planned.holders.push(target);
    plan.addScope(target.variable.scope.block, index, planned.holders.length - 1);
    return true;
  }

  /** Turns every reference to one holder into an event, guard or new alias. */
  private planHolder(
    plan: FunctionPlan,
    planned: PlannedResponse,
    index: number,
    holder: number,
    owner: FunctionNode,
    context: UseContext,
    alias: (target: AliasTarget) => boolean,
  ): void {
    const target = planned.holders[holder]!;
    // An array of responses: each reference is judged by what it does to the elements.
    const collection = isCollectionView(target.view) ? collectionUses(target.variable, target.view, context) : undefined;
    const isBinding = (reference: TSESLint.Scope.Reference) =>
      planned.holders.some((h) => h.identifier === reference.identifier && h.variable === target.variable);
    for (const reference of target.variable.references) {
      if (isBinding(reference)) continue;
      const identifier = reference.identifier as TSESTree.Identifier;
      const capture = capturingFunction(identifier, owner);
      if (capture) {
        // A closure that only looks (`() => res.status`) takes nothing along.
        const inside = classifyUse(identifier, target.view, context);
        if (inside.kind === 'inspect' || inside.kind === 'drop') continue;
        const event = { type: 'capture', response: index, holder } as const;
        plan.addEvent(capture, event);
        // A hoisted `function lines()` (or one made before the response) takes it along where it is
        // called, returned or passed on, not where it is declared.
        for (const use of closureReferences(capture, this.context.scopeOf)) plan.addEvent(use, event);
        continue;
      }
      if (reference.isWrite()) {
        plan.addEvent(
          identifier,
          reference.isReadWrite()
            ? { type: 'use', response: index, holder, use: { kind: 'escape' } }
            : { type: 'reassign', response: index, holder, node: identifier.parent ?? identifier },
        );
        continue;
      }
      if (collection) {
        plan.addEvent(identifier, { type: 'use', response: index, holder, use: collection.get(identifier) ?? { kind: 'escape' } });
        continue;
      }
      let use = classifyUse(identifier, target.view, context);
      if (use.kind === 'alias' && !use.targets.every(alias)) use = { kind: 'escape' };
      if (use.kind === 'callback') {
        this.followCallback(planned.response, use.fn, planned.initialFlags & BODYLESS, [], use.fn.params[0]);
      }
      plan.addEvent(identifier, { type: 'use', response: index, holder, use });
      const guardContext = this.guardContext(planned.response.client);
      const guard = guardAt(identifier, target.view, guardContext);
      if (guard) plan.addGuard({ response: index, holder, guard });
      for (const derived of guardsThroughConstant(identifier, target.view, guardContext, this.context.scopeOf)) {
        plan.addGuard({ response: index, holder: HANDLE, guard: derived });
      }
    }
  }

  /** `const { statusCode, body } = …`: tests on `statusCode` guard the body like `res.statusCode` would. */
  private planDestructuredGuards(
    plan: FunctionPlan,
    index: number,
    targets: readonly AliasTarget[],
    client: ClientModel,
  ): void {
    const property = targets[0]?.identifier.parent;
    const pattern = property?.type === AST_NODE_TYPES.Property ? property.parent : undefined;
    if (pattern?.type !== AST_NODE_TYPES.ObjectPattern) return;
    for (const entry of pattern.properties) {
      if (entry.type !== AST_NODE_TYPES.Property || entry.computed || entry.value.type !== AST_NODE_TYPES.Identifier) continue;
      const key = entry.key.type === AST_NODE_TYPES.Identifier ? entry.key.name : String(entry.key.value);
      if (key !== client.status.statusMember && key !== client.status.okMember) continue;
      const variable = ASTUtils.findVariable(this.context.scopeOf(entry.value), entry.value);
      for (const reference of variable?.references ?? []) {
        if (reference.isWrite()) continue;
        const guard = guardOnMember(reference.identifier, key, this.guardContext(client));
        if (guard) plan.addGuard({ response: index, holder: HANDLE, guard });
      }
    }
  }

  /** A handle's closing calls on `owner`'s paths (lib/tracking/request-handles.ts). */
  private planHandle(plan: FunctionPlan, index: number, handle: Handle, owner: FunctionNode, context: UseContext): void {
    const classify = (identifier: TSESTree.Identifier) => classifyUse(identifier, handle.view, context);
    for (const { node, use } of handleCloses(handle, owner, this.context.scopeOf, classify)) {
      plan.addEvent(node, { type: 'use', response: index, holder: HANDLE, use });
    }
  }

  private readonly guardContexts = new Map<ClientModel, GuardContext>();

  private guardContext(client: ClientModel): GuardContext {
    let context = this.guardContexts.get(client);
    if (!context) {
      const types = this.context.types;
      context = {
        client,
        constantOf: types
          ? (node) => literalValueOf(types.checker, types.services.esTreeNodeToTSNodeMap.get(node))
          : (node) => constantLiteral(node, this.context.scopeOf),
        calleeOf: (call) => calleeFunction(call, this.context, () => []),
      };
      this.guardContexts.set(client, context);
    }
    return context;
  }

  private useContext(client: ClientModel, owner: FunctionNode): UseContext {
    return this.summaryContext(client, { fn: owner, scopeOf: this.context.scopeOf, origin: this.context });
  }

  /** Use classification inside `callee`, asking the functions it calls in turn what they do. */
  private summaryContext(
    client: ClientModel,
    callee: { readonly fn: FunctionNode } & Pick<VisibleFunction, 'scopeOf' | 'origin'>,
  ): UseContext {
    return {
      client,
      owner: callee.fn,
      scopeOf: callee.scopeOf,
      calleeSummary: (call, index, view) => {
        if (this.context.options.consumers?.includes(callName(call) ?? '')) return 'takes';
        if (waitsForHeaders(call, index, client, view, callee.scopeOf)) return 'borrows';
        const target = calleeFunction(call, callee.origin, this.context.commentsOf);
        return target && summarizeParameter(target, index, client, view, (next) => this.summaryContext(client, next));
      },
    };
  }
}

/**
 * `const NO_CONTENT = 204`, `enum Status { NoContent = 204 }` or `const Status = { NoContent: 204 }`
 * in scope: the literal a name stands for, without types.
 */
function constantLiteral(node: TSESTree.Node, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): number | string | undefined {
  const member = node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  const base = member === undefined ? node : (node as TSESTree.MemberExpression).object;
  if (base.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definitions = ASTUtils.findVariable(scopeOf(base), base)?.defs;
  if (definitions?.length !== 1) return undefined;
  const definition = definitions[0]!;
  let value: TSESTree.Node | null | undefined;
  if (definition.node.type === AST_NODE_TYPES.TSEnumDeclaration && member !== undefined) {
    const members = definition.node.body.members;
    value = members.find((entry) => entry.id.type === AST_NODE_TYPES.Identifier && entry.id.name === member)?.initializer;
  } else if (definition.type === 'Variable' && definition.parent?.kind === 'const') {
    value = definition.node.init && unwrap(definition.node.init);
    if (member !== undefined) {
      const property = value?.type === AST_NODE_TYPES.ObjectExpression
        ? value.properties.find((entry): entry is TSESTree.Property => entry.type === AST_NODE_TYPES.Property && !entry.computed && entry.key.type === AST_NODE_TYPES.Identifier && entry.key.name === member)
        : undefined;
      value = property?.value;
    }
  }
  return value?.type === AST_NODE_TYPES.Literal && (typeof value.value === 'number' || typeof value.value === 'string') ? value.value : undefined;
}

/** The places that use a named closure: the references to its name, outside the closure itself. */
function closureReferences(closure: TSESTree.Node, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): TSESTree.Identifier[] {
  const name =
    closure.type === AST_NODE_TYPES.FunctionDeclaration
      ? closure.id
      : closure.parent?.type === AST_NODE_TYPES.VariableDeclarator && closure.parent.init === closure && closure.parent.id.type === AST_NODE_TYPES.Identifier
        ? closure.parent.id
        : undefined;
  if (!name) return [];
  const variable = ASTUtils.findVariable(scopeOf(name), name);
  return (variable?.references ?? [])
    .filter((reference) => !reference.init && !isWithin(reference.identifier, closure))
    .map((reference) => reference.identifier as TSESTree.Identifier);
}

/** `p.catch(…)` and `p.finally(…)` pass the same response on: it is tracked from `p`. */
function isPromiseChainStep(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    (callee.property.name === 'catch' || callee.property.name === 'finally')
  );
}

/** A HEAD response has no body, unless the client still needs the empty message read (node:http). */
function headFlags(call: TSESTree.CallExpression, client: ClientModel, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): number {
  return requestsHead(call, scopeOf) && !client.emptyBodyHoldsConnection ? BODYLESS : 0;
}

function aliasName(use: ResponseUse): string | undefined {
  return use.kind === 'alias' ? use.targets[0]?.variable.name : undefined;
}

const NO_MOCKS: HttpMocks = { everyClient: false, globals: new Set() };

function globalScopeOf(scope: TSESLint.Scope.Scope): TSESLint.Scope.Scope {
  let current = scope;
  while (current.upper) current = current.upper;
  return current;
}
