import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { ClientModel, RejectionModel } from '../clients/client-model.js';
import { responseClasses } from '../clients/index.js';
import { type FunctionNode, isNullOrUndefined, isStatement, isTestPosition, memberName, outerWrapper } from './ast.js';

/** What a branch teaches about a response. */
export interface GuardFacts {
  /** The status is an error (or at least not the success the code wanted). */
  readonly error?: boolean;
  /** The response has no body to read: 1xx, 204, 205, 304, or a null body. */
  readonly bodyless?: boolean;
  /** The status is a success (2xx). */
  readonly ok?: boolean;
  /**
   * The body has been read or cancelled (`bodyUsed`), or a reader or pipe holds it (`body.locked`):
   * a path that has not touched it cannot be here, unless code the analysis did not see took it.
   */
  readonly used?: boolean;
  /** The value is `null`/`undefined`, not a response: nothing to read or close, whatever the client. */
  readonly absent?: boolean;
}

/** A test on a response: the facts it establishes when it is true and when it is false. */
export interface Guard {
  /** The condition leaf the path walker refines on (or the `switch` discriminant). */
  readonly node: TSESTree.Expression;
  readonly whenTrue: GuardFacts;
  readonly whenFalse: GuardFacts;
  /** For `switch (res.status)`: the facts of a matched case label. */
  readonly caseFacts?: (test: TSESTree.Expression, matched: boolean) => GuardFacts;
  /**
   * `node` is an assertion statement's call (`assert.strictEqual(res.status, 204)`): it throws
   * unless the test holds, so `whenTrue` holds after it.
   */
  readonly asserts?: boolean;
}

const NO_FACTS: GuardFacts = {};

/** What recognising guards needs besides the syntax. */
export interface GuardContext {
  readonly client: ClientModel;
  /** The value of a named constant (`NO_CONTENT`, `HttpStatus.NoContent`), when the analysis can tell. */
  readonly constantOf?: (node: TSESTree.Node) => number | string | undefined;
  /** The function a call runs, when its body is visible, for predicate helpers (`hasNoBody(res)`). */
  readonly calleeOf?: (call: TSESTree.CallExpression) => { readonly fn: FunctionNode } | undefined;
}

/**
 * Recognises a status, `ok` or body test around a response reference (`res.ok`,
 * `res.status >= 400`, `switch (res.statusCode)`, `!res.body`, `res.body === null`,
 * `isEmpty(res)`), or a presence test on its body held apart (`const { body } = res; if (!body)`).
 */
export function guardAt(reference: TSESTree.Node, view: string, context: GuardContext): Guard | undefined {
  const guard = testGuard(reference, view, context);
  return (guard && asAssertion(guard)) ?? guard ?? equalityAssertion(reference, view, context);
}

function testGuard(reference: TSESTree.Node, view: string, context: GuardContext): Guard | undefined {
  const { client } = context;
  if (client.rejection && view === client.rejection.view) return rejectionGuard(outerWrapper(reference), client.rejection);
  if (view !== client.rootView) {
    // A reader taken with `res.body?.getReader()` is missing exactly when the body is.
    const ofBody = view === bodyViewOf(client) || client.views[view]?.unlock !== undefined;
    return ofBody ? bodyGuard(outerWrapper(reference) as TSESTree.Expression) : undefined;
  }
  const node = outerWrapper(reference);
  const member = node.parent;
  const presence = presenceGuard(node);
  if (presence) return presence;
  if (member?.type === AST_NODE_TYPES.BinaryExpression && member.operator === 'instanceof' && member.left === node) {
    return instanceGuard(member);
  }
  if (member?.type === AST_NODE_TYPES.CallExpression && member.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    return predicateGuard(member, node, view, context);
  }
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return undefined;
  const name = memberName(member);
  const { statusMember, okMember, bodyMember, typeMember } = client.status;
  const value = outerWrapper(member);
  if (name === okMember) {
    return { node: value as TSESTree.Expression, whenTrue: { ok: true }, whenFalse: { error: true } };
  }
  if (name === client.status.usedMember) {
    return { node: value as TSESTree.Expression, whenTrue: { used: true }, whenFalse: NO_FACTS };
  }
  if (name === bodyMember) return lockedGuard(value, client) ?? bodyGuard(value as TSESTree.Expression);
  if (name === statusMember) return statusGuard(value as TSESTree.Expression, context);
  if (name !== undefined && name === typeMember) return typeGuard(value as TSESTree.Expression, context);
  // WHATWG responses (the ones with `bodyUsed`): axios's headers have a `get()` too, over a Node stream.
  if (name === client.status.headersMember && client.status.usedMember) return emptyBodyGuard(value);
  return undefined;
}

const TRUTH_ASSERTIONS = new Set(['assert', 'ok', 'true']);
const EQUALITY_ASSERTIONS = new Set(['equal', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'is', 'eq', 'equals']);
const MATCHERS = new Set(['toBe', 'toEqual', 'toStrictEqual', 'equal', 'eq', 'equals']);

/** `assert(res.status === 204)`, `t.ok(res.ok)`: the test's facts hold after the statement. */
function asAssertion(guard: Guard): Guard | undefined {
  const test = outerWrapper(guard.node);
  const call = test.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== test || !isStatement(call)) return undefined;
  const callee = call.callee;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return name !== undefined && TRUTH_ASSERTIONS.has(name) ? { node: call, whenTrue: guard.whenTrue, whenFalse: NO_FACTS, asserts: true } : undefined;
}

/**
 * `assert.strictEqual(res.status, 204)`, `t.equal(res.status, 204)`, `expect(res.status).toBe(204)`:
 * after the statement the status is that value.
 */
function equalityAssertion(reference: TSESTree.Node, view: string, context: GuardContext): Guard | undefined {
  const member = outerWrapper(reference).parent;
  if (view !== context.client.rootView || member?.type !== AST_NODE_TYPES.MemberExpression || memberName(member) !== context.client.status.statusMember) return undefined;
  const status = outerWrapper(member);
  const call = status.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  let assertion: TSESTree.CallExpression | undefined;
  let expected: TSESTree.Node | undefined;
  const callee = call.callee;
  if (call.arguments[0] === status && callee.type === AST_NODE_TYPES.MemberExpression && EQUALITY_ASSERTIONS.has(memberName(callee) ?? '')) {
    [assertion, expected] = [call, call.arguments[1]];
  } else if (call.arguments[0] === status && callee.type === AST_NODE_TYPES.Identifier && callee.name === 'expect') {
    // `expect(x).toBe(y)`, `expect(x).to.equal(y)`: the matcher is called on a chain from `expect(x)`.
    let chain: TSESTree.Node = call;
    while (chain.parent?.type === AST_NODE_TYPES.MemberExpression && chain.parent.object === chain) {
      const next: TSESTree.MemberExpression = chain.parent;
      const matcher: TSESTree.Node | undefined = next.parent;
      if (matcher?.type === AST_NODE_TYPES.CallExpression && matcher.callee === next && MATCHERS.has(memberName(next) ?? '')) {
        [assertion, expected] = [matcher, matcher.arguments[0]];
        break;
      }
      if (memberName(next) === 'not') return undefined;
      chain = next;
    }
  }
  if (!assertion || !expected || !isStatement(assertion)) return undefined;
  const value = literalOf(expected, context);
  if (typeof value !== 'number') return undefined;
  return { node: assertion, whenTrue: factsOf((code) => code === value), whenFalse: NO_FACTS, asserts: true };
}

/** The view a client's body member gives (`stream` for `res.body`). */
function bodyViewOf(client: ClientModel): string | undefined {
  const member = client.status.bodyMember;
  const access = member ? client.views[client.rootView]?.members[member]?.access : undefined;
  return access?.kind === 'view' ? access.view : undefined;
}

/**
 * `res.type === 'opaqueredirect'`: the kinds of response the Fetch standard gives a null body
 * (`bodylessTypes`).
 */
function typeGuard(type: TSESTree.Expression, context: GuardContext): Guard | undefined {
  const test = type.parent;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const other = test.left === type ? test.right : test.left;
  const value = literalOf(other, context);
  if (typeof value !== 'string' || !context.client.status.bodylessTypes?.includes(value)) return undefined;
  const equal = test.operator === '===' || test.operator === '==';
  if (!equal && test.operator !== '!==' && test.operator !== '!=') return undefined;
  const bodyless: GuardFacts = { bodyless: true };
  return { node: test, whenTrue: equal ? bodyless : NO_FACTS, whenFalse: equal ? NO_FACTS : bodyless };
}

/** How deep predicate helpers that call predicate helpers are followed. */
const MAX_PREDICATE_DEPTH = 2;
let predicateDepth = 0;

/**
 * `if (hasNoBody(res))`, where the helper's one `return` is a test on its parameter
 * (`return r.body === null`, `return r.status === 204 || r.status === 304`): the call teaches what
 * that test would.
 */
function predicateGuard(call: TSESTree.CallExpression, argument: TSESTree.Node, view: string, context: GuardContext): Guard | undefined {
  // Resolving the callee costs a checker question: only calls whose value decides a branch.
  if (!isTestPosition(outerWrapper(call))) return undefined;
  const facts = predicateFacts(call, argument, view, context);
  return facts && { node: outerWrapper(call) as TSESTree.Expression, ...facts };
}

/** What a predicate helper's answer teaches about its response argument, each way. */
function predicateFacts(
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
  view: string,
  context: GuardContext,
): Pick<Guard, 'whenTrue' | 'whenFalse'> | undefined {
  if (!context.calleeOf || predicateDepth >= MAX_PREDICATE_DEPTH) return undefined;
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (call.arguments.slice(0, index).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const fn = context.calleeOf(call)?.fn;
  if (!fn || fn.type === AST_NODE_TYPES.Program) return undefined;
  const param = fn.params[index];
  const returned = soleTest(fn);
  if (param?.type !== AST_NODE_TYPES.Identifier || !returned) return undefined;
  const leaves = new Map<TSESTree.Node, Guard>();
  predicateDepth++;
  try {
    forEachIdentifier(returned.test, param.name, (reference) => {
      const guard = guardAt(reference, view, context);
      if (guard) leaves.set(guard.node, guard);
    });
  } finally {
    predicateDepth--;
  }
  if (leaves.size === 0) return undefined;
  const whenTrue = factsWhen(returned.test, !returned.negated, leaves);
  const whenFalse = factsWhen(returned.test, returned.negated, leaves);
  if (isEmpty(whenTrue) && isEmpty(whenFalse)) return undefined;
  return { whenTrue, whenFalse };
}

/**
 * The test a function answers on its only path: an arrow's body, a body of one `return`, or
 * `if (test) return true; return false;` (novu's `checkEmptyResponse`), `negated` when the literals
 * are the other way round.
 */
function soleTest(fn: Exclude<FunctionNode, TSESTree.Program>): { test: TSESTree.Expression; negated: boolean } | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return { test: fn.body, negated: false };
  const [first, second, ...rest] = fn.body.body;
  if (rest.length > 0 || first === undefined) return undefined;
  if (second === undefined) return first.type === AST_NODE_TYPES.ReturnStatement && first.argument ? { test: first.argument, negated: false } : undefined;
  if (first.type !== AST_NODE_TYPES.IfStatement || first.alternate) return undefined;
  const answer = booleanReturned(first.consequent);
  const otherwise = booleanReturned(second);
  return answer !== undefined && otherwise === !answer ? { test: first.test, negated: !answer } : undefined;
}

/** `return true;`, `{ return false; }`: the literal a statement returns. */
function booleanReturned(statement: TSESTree.Statement): boolean | undefined {
  const only = statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length === 1 ? statement.body[0]! : statement;
  if (only.type !== AST_NODE_TYPES.ReturnStatement || only.argument?.type !== AST_NODE_TYPES.Literal) return undefined;
  return typeof only.argument.value === 'boolean' ? only.argument.value : undefined;
}

/** Identifiers named `name` in an expression, outside nested functions (a shadowing parameter aside). */
function forEachIdentifier(node: TSESTree.Node, name: string, visit: (identifier: TSESTree.Identifier) => void): void {
  if (node.type === AST_NODE_TYPES.Identifier) {
    if (node.name === name) visit(node);
    return;
  }
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    // A member's property name is not a reference (`r.body`'s `body`).
    if (key === 'property' && node.type === AST_NODE_TYPES.MemberExpression && !node.computed) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
        forEachIdentifier(item as TSESTree.Node, name, visit);
      }
    }
  }
}

/** The facts that hold wherever `expression` evaluated to `outcome`, from the guards at its leaves. */
function factsWhen(expression: TSESTree.Node, outcome: boolean, leaves: ReadonlyMap<TSESTree.Node, Guard>): GuardFacts {
  const leaf = leaves.get(expression);
  if (leaf) return outcome ? leaf.whenTrue : leaf.whenFalse;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
    return factsWhen(expression.argument, !outcome, leaves);
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator !== '??') {
    const left = factsWhen(expression.left, outcome, leaves);
    const right = factsWhen(expression.right, outcome, leaves);
    // `a && b` is true where both are, and false where either is; `a || b` the other way round.
    return (expression.operator === '&&') === outcome ? bothFacts(left, right) : commonFacts(left, right);
  }
  return NO_FACTS;
}

function bothFacts(a: GuardFacts, b: GuardFacts): GuardFacts {
  return {
    error: a.error || b.error || undefined,
    bodyless: a.bodyless || b.bodyless || undefined,
    ok: a.ok || b.ok || undefined,
    used: a.used || b.used || undefined,
    absent: a.absent || b.absent || undefined,
  };
}

function commonFacts(a: GuardFacts, b: GuardFacts): GuardFacts {
  return {
    error: (a.error && b.error) || undefined,
    bodyless: (a.bodyless && b.bodyless) || undefined,
    ok: (a.ok && b.ok) || undefined,
    used: (a.used && b.used) || undefined,
    absent: (a.absent && b.absent) || undefined,
  };
}

function isEmpty(facts: GuardFacts): boolean {
  return !facts.error && !facts.bodyless && !facts.ok && !facts.used && !facts.absent;
}

/**
 * `res.body.locked` (`res.body?.locked`) on a web stream: a reader or a pipe (`getReader()`,
 * `pipeTo()`, `tee()`, `for await`) holds the body, and the holder reads or cancels it; the stream
 * cannot even be cancelled from here. Where it holds, like `bodyUsed`, the body is someone's.
 */
function lockedGuard(body: TSESTree.Node, client: ClientModel): Guard | undefined {
  const member = body.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== body || memberName(member) !== 'locked') return undefined;
  const bodyAccess = client.status.bodyMember ? client.views[client.rootView]?.members[client.status.bodyMember]?.access : undefined;
  // Only a body view that has `locked` at all: a Node `Readable` (node-fetch, node:http) does not.
  if (bodyAccess?.kind !== 'view' || !client.views[bodyAccess.view]?.members.locked) return undefined;
  const value = outerWrapper(member);
  return { node: value as TSESTree.Expression, whenTrue: { used: true }, whenFalse: NO_FACTS };
}

/**
 * `res.headers.get('content-length') === '0'`: a declared empty body, whose message ends with the
 * headers, so nothing is left to read. Only on WHATWG responses (fetch, node-fetch, ky): the Node
 * streams of axios and got keep the socket until they are read even when empty.
 */
function emptyBodyGuard(headers: TSESTree.Node): Guard | undefined {
  const call = contentLengthCall(headers);
  return call && zeroLengthGuard(outerWrapper(call));
}

/** `length === '0'` on the value of the `content-length` header. */
function zeroLengthGuard(value: TSESTree.Node): Guard | undefined {
  const test = value.parent;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const other = test.left === value ? test.right : test.left;
  if (other.type !== AST_NODE_TYPES.Literal || other.value !== '0') return undefined;
  const equal = test.operator === '===' || test.operator === '==';
  if (!equal && test.operator !== '!==' && test.operator !== '!=') return undefined;
  const bodyless: GuardFacts = { bodyless: true };
  return { node: test, whenTrue: equal ? bodyless : NO_FACTS, whenFalse: equal ? NO_FACTS : bodyless };
}

/**
 * `const status = res.status`, `const length = res.headers.get('content-length')`: a test on the
 * constant teaches what the same test on the member would. Returns the guards at its uses.
 */
export function guardsThroughConstant(
  reference: TSESTree.Node,
  view: string,
  context: GuardContext,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
): Guard[] {
  const { client } = context;
  if (view !== client.rootView) return [];
  const member = outerWrapper(reference).parent;
  if (member?.type === AST_NODE_TYPES.CallExpression && member.arguments.includes(outerWrapper(reference) as TSESTree.CallExpressionArgument)) {
    return predicateThroughConstant(member, outerWrapper(reference), context, scopeOf);
  }
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outerWrapper(reference)) return [];
  const name = memberName(member);
  let value: TSESTree.Node = outerWrapper(member);
  let guardOf: (use: TSESTree.Node) => Guard | undefined;
  if (name === client.status.headersMember && client.status.usedMember && contentLengthCall(value)) {
    value = outerWrapper(contentLengthCall(value)!);
    guardOf = zeroLengthGuard;
  } else if (name !== undefined && (name === client.status.statusMember || name === client.status.okMember || name === client.status.typeMember)) {
    guardOf = (use) => guardOnMember(use, name, context);
  } else {
    return [];
  }
  const declarator = value.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value || declarator.id.type !== AST_NODE_TYPES.Identifier) return [];
  if (declarator.parent?.type !== AST_NODE_TYPES.VariableDeclaration || declarator.parent.kind !== 'const') return [];
  const variable = ASTUtils.findVariable(scopeOf(declarator.id), declarator.id);
  return (variable?.references ?? []).flatMap((use) => {
    const guard = use.init ? undefined : guardOf(outerWrapper(use.identifier));
    return guard ? [guard] : [];
  });
}

/** `headers.get('content-length')` around `headers`, if that is what it is. */
function contentLengthCall(headers: TSESTree.Node): TSESTree.CallExpression | undefined {
  const get = headers.parent;
  if (get?.type !== AST_NODE_TYPES.MemberExpression || get.object !== headers || memberName(get) !== 'get') return undefined;
  const call = get.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === get && call.arguments[0] && isContentLength(call.arguments[0]) ? call : undefined;
}

function isContentLength(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && node.value.toLowerCase() === 'content-length';
}

/**
 * `value instanceof Error` after `.catch(toError)`: where it holds, the value is not the response,
 * so there is nothing to read on that branch. A test against a response class teaches nothing.
 */
function instanceGuard(test: TSESTree.BinaryExpression): Guard | undefined {
  const right = test.right;
  const className =
    right.type === AST_NODE_TYPES.Identifier
      ? right.name
      : right.type === AST_NODE_TYPES.MemberExpression
        ? memberName(right)
        : undefined;
  // Every object is an `Object`, a response too.
  if (className === undefined || className === 'Object' || responseClasses.has(className)) return undefined;
  return { node: test, whenTrue: { bodyless: true }, whenFalse: NO_FACTS };
}

/**
 * Tests on a caught error that tell whether it is the client's error with a response: `error
 * instanceof HTTPError`, `isHTTPError(error)`, `axios.isAxiosError(err)`, `if (err.response)`.
 * Where they fail, the error is another one (a timeout, a network error) and carries no body.
 */
function rejectionGuard(value: TSESTree.Node, rejection: RejectionModel): Guard | undefined {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === 'instanceof' && parent.left === value) {
    const className = parent.right.type === AST_NODE_TYPES.Identifier ? parent.right.name : parent.right.type === AST_NODE_TYPES.MemberExpression ? memberName(parent.right) : undefined;
    if (className === undefined) return undefined;
    // `error instanceof TimeoutError`: another of the client's errors, which has no response.
    return rejection.classes.includes(className)
      ? { node: parent, whenTrue: NO_FACTS, whenFalse: ABSENT }
      : { node: parent, whenTrue: ABSENT, whenFalse: NO_FACTS };
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === value && isTestPosition(outerWrapper(parent))) {
    const callee = parent.callee;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    return name !== undefined && rejection.guards.includes(name) ? { node: outerWrapper(parent) as TSESTree.Expression, whenTrue: NO_FACTS, whenFalse: ABSENT } : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value && memberName(parent) === rejection.responseMember) {
    return presenceGuard(outerWrapper(parent));
  }
  return undefined;
}

/**
 * `if (!res)`, `res === undefined`, `res == null` on a `Response | undefined` (a wrapper's result,
 * `fetch(url).catch(() => undefined)`): a response is an object, so where the test says falsy or
 * nullish there is no response to settle.
 */
function presenceGuard(value: TSESTree.Node): Guard | undefined {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.BinaryExpression && isNullOrUndefined(parent.left === value ? parent.right : parent.left)) {
    const equal = parent.operator === '===' || parent.operator === '==';
    if (!equal && parent.operator !== '!==' && parent.operator !== '!=') return undefined;
    return { node: parent, whenTrue: equal ? ABSENT : NO_FACTS, whenFalse: equal ? NO_FACTS : ABSENT };
  }
  return isTestPosition(value) ? { node: value as TSESTree.Expression, whenTrue: NO_FACTS, whenFalse: ABSENT } : undefined;
}

const ABSENT: GuardFacts = { absent: true };

/**
 * A test on a name destructured from the status or `ok` member along with the body:
 * `const { statusCode, body } = await request(url); if (statusCode !== 200) …`.
 */
export function guardOnMember(reference: TSESTree.Node, member: string, context: GuardContext): Guard | undefined {
  const value = outerWrapper(reference);
  const { okMember, statusMember, typeMember } = context.client.status;
  if (member === okMember) {
    return { node: value as TSESTree.Expression, whenTrue: { ok: true }, whenFalse: { error: true } };
  }
  if (member === typeMember) return typeGuard(value as TSESTree.Expression, context);
  return member === statusMember ? statusGuard(value as TSESTree.Expression, context) : undefined;
}

function bodyGuard(body: TSESTree.Expression): Guard {
  const parent = body.parent;
  if (parent?.type === AST_NODE_TYPES.BinaryExpression && isNullOrUndefined(parent.left === body ? parent.right : parent.left)) {
    const equal = parent.operator === '===' || parent.operator === '==';
    const bodyless = { bodyless: true };
    if (equal || parent.operator === '!==' || parent.operator === '!=') {
      return { node: parent, whenTrue: equal ? bodyless : NO_FACTS, whenFalse: equal ? NO_FACTS : bodyless };
    }
  }
  return { node: body, whenTrue: NO_FACTS, whenFalse: { bodyless: true } };
}

function statusGuard(status: TSESTree.Expression, context: GuardContext): Guard | undefined {
  const parent = status.parent;
  if (parent?.type === AST_NODE_TYPES.SwitchStatement && parent.discriminant === status) {
    return {
      node: status,
      whenTrue: NO_FACTS,
      whenFalse: NO_FACTS,
      caseFacts: (test, matched) => {
        const value = literalOf(test, context);
        if (typeof value !== 'number') return NO_FACTS;
        return factsOf((code) => (code === value) === matched);
      },
    };
  }
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const statusOnLeft = parent.left === status;
  const literal = literalOf(statusOnLeft ? parent.right : parent.left, context);
  if (typeof literal !== 'number') return undefined;
  const compare = comparison(parent.operator, statusOnLeft);
  if (!compare) return undefined;
  return {
    node: parent,
    whenTrue: factsOf((code) => compare(code, literal)),
    whenFalse: factsOf((code) => !compare(code, literal)),
  };
}

const BODYLESS_STATUSES = new Set([204, 205, 304]);

/** Facts that hold for every status code a branch can see. */
function factsOf(possible: (code: number) => boolean): GuardFacts {
  let any = false;
  let allBodyless = true;
  let includes200 = false;
  let includesError = false;
  let allSuccess = true;
  for (let code = 100; code < 600; code++) {
    if (!possible(code)) continue;
    any = true;
    if (code < 200 || code > 299) allSuccess = false;
    if (!(code < 200 || BODYLESS_STATUSES.has(code))) allBodyless = false;
    if (code === 200) includes200 = true;
    if (code >= 400) includesError = true;
  }
  if (!any) return NO_FACTS;
  // "Not 200 but possibly 4xx/5xx" is how code says "failed"; that is the branch drains for errors fit.
  return {
    bodyless: allBodyless || undefined,
    error: (!includes200 && includesError) || undefined,
    ok: allSuccess || undefined,
  };
}

function comparison(operator: string, statusOnLeft: boolean): ((code: number, literal: number) => boolean) | undefined {
  const flip = (f: (a: number, b: number) => boolean) => (statusOnLeft ? f : (a: number, b: number) => f(b, a));
  switch (operator) {
    case '===':
    case '==':
      return (a, b) => a === b;
    case '!==':
    case '!=':
      return (a, b) => a !== b;
    case '<':
      return flip((a, b) => a < b);
    case '<=':
      return flip((a, b) => a <= b);
    case '>':
      return flip((a, b) => a > b);
    case '>=':
      return flip((a, b) => a >= b);
    default:
      return undefined;
  }
}

/** A literal, or a constant the context can read (`const NO_CONTENT = 204`). */
function literalOf(node: TSESTree.Node, context: GuardContext): number | string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'number' || typeof node.value === 'string' ? node.value : undefined;
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return context.constantOf?.(node);
}

/**
 * `const empty = isEmpty(res); if (empty) return;`: a predicate helper's answer held in a `const`
 * teaches at each test of it what the call would. The callee is resolved only when some use of the
 * constant decides a branch.
 */
function predicateThroughConstant(
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
  context: GuardContext,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
): Guard[] {
  const declarator = outerWrapper(call).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== outerWrapper(call) || declarator.id.type !== AST_NODE_TYPES.Identifier) return [];
  if (declarator.parent?.type !== AST_NODE_TYPES.VariableDeclaration || declarator.parent.kind !== 'const') return [];
  const tests = (ASTUtils.findVariable(scopeOf(declarator.id), declarator.id)?.references ?? [])
    .filter((use) => !use.init)
    .map((use) => outerWrapper(use.identifier))
    .filter(isTestPosition);
  if (tests.length === 0) return [];
  const facts = predicateFacts(call, argument, context.client.rootView, context);
  return facts ? tests.map((node) => ({ node: node as TSESTree.Expression, ...facts })) : [];
}
