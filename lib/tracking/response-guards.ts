import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ClientModel } from '../clients/client-model.js';
import { memberName, outerWrapper } from './ast.js';

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
}

const NO_FACTS: GuardFacts = {};

/**
 * Recognises a status, `ok` or body test around a response reference (`res.ok`,
 * `res.status >= 400`, `switch (res.statusCode)`, `!res.body`, `res.body === null`).
 */
export function guardAt(reference: TSESTree.Node, view: string, client: ClientModel): Guard | undefined {
  if (view !== client.rootView) return undefined;
  const node = outerWrapper(reference);
  const member = node.parent;
  const presence = presenceGuard(node);
  if (presence) return presence;
  if (member?.type === AST_NODE_TYPES.BinaryExpression && member.operator === 'instanceof' && member.left === node) {
    return instanceGuard(member);
  }
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return undefined;
  const name = memberName(member);
  const { statusMember, okMember, bodyMember } = client.status;
  const value = outerWrapper(member);
  if (name === okMember) {
    return { node: value as TSESTree.Expression, whenTrue: { ok: true }, whenFalse: { error: true } };
  }
  if (name === client.status.usedMember) {
    return { node: value as TSESTree.Expression, whenTrue: { used: true }, whenFalse: NO_FACTS };
  }
  if (name === bodyMember) return lockedGuard(value, client) ?? bodyGuard(value as TSESTree.Expression);
  if (name === statusMember) return statusGuard(value as TSESTree.Expression);
  // WHATWG responses (the ones with `bodyUsed`): axios's headers have a `get()` too, over a Node stream.
  if (name === client.status.headersMember && client.status.usedMember) return emptyBodyGuard(value);
  return undefined;
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
  const get = headers.parent;
  if (get?.type !== AST_NODE_TYPES.MemberExpression || get.object !== headers || memberName(get) !== 'get') return undefined;
  const call = get.parent;
  const name = call?.type === AST_NODE_TYPES.CallExpression && call.callee === get ? call.arguments[0] : undefined;
  if (!name || !isContentLength(name)) return undefined;
  const value = outerWrapper(call!);
  const test = value.parent;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const other = test.left === value ? test.right : test.left;
  if (other.type !== AST_NODE_TYPES.Literal || other.value !== '0') return undefined;
  const equal = test.operator === '===' || test.operator === '==';
  if (!equal && test.operator !== '!==' && test.operator !== '!=') return undefined;
  const bodyless: GuardFacts = { bodyless: true };
  return { node: test, whenTrue: equal ? bodyless : NO_FACTS, whenFalse: equal ? NO_FACTS : bodyless };
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
  if (className === undefined || RESPONSE_CLASSES.has(className)) return undefined;
  return { node: test, whenTrue: { bodyless: true }, whenFalse: NO_FACTS };
}

/**
 * `if (!res)`, `res === undefined`, `res == null` on a `Response | undefined` (a wrapper's result,
 * `fetch(url).catch(() => undefined)`): a response is an object, so where the test says falsy or
 * nullish there is no response to settle.
 */
function presenceGuard(value: TSESTree.Node): Guard | undefined {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.BinaryExpression && isNullLiteral(parent.left === value ? parent.right : parent.left)) {
    const equal = parent.operator === '===' || parent.operator === '==';
    if (!equal && parent.operator !== '!==' && parent.operator !== '!=') return undefined;
    return { node: parent, whenTrue: equal ? ABSENT : NO_FACTS, whenFalse: equal ? NO_FACTS : ABSENT };
  }
  const leaf =
    parent?.type === AST_NODE_TYPES.UnaryExpression
      ? parent.operator === '!'
      : parent?.type === AST_NODE_TYPES.LogicalExpression
        ? parent.operator !== '??'
        : (parent?.type === AST_NODE_TYPES.IfStatement ||
            parent?.type === AST_NODE_TYPES.ConditionalExpression ||
            parent?.type === AST_NODE_TYPES.WhileStatement ||
            parent?.type === AST_NODE_TYPES.DoWhileStatement ||
            parent?.type === AST_NODE_TYPES.ForStatement) &&
          parent.test === value;
  return leaf ? { node: value as TSESTree.Expression, whenTrue: NO_FACTS, whenFalse: ABSENT } : undefined;
}

const ABSENT: GuardFacts = { absent: true };

const RESPONSE_CLASSES = new Set(['Response', 'IncomingMessage', 'Readable', 'BodyReadable', 'Object']);

/**
 * A test on a name destructured from the status or `ok` member along with the body:
 * `const { statusCode, body } = await request(url); if (statusCode !== 200) …`.
 */
export function guardOnMember(reference: TSESTree.Node, member: string, client: ClientModel): Guard | undefined {
  const value = outerWrapper(reference);
  if (member === client.status.okMember) {
    return { node: value as TSESTree.Expression, whenTrue: { ok: true }, whenFalse: { error: true } };
  }
  return member === client.status.statusMember ? statusGuard(value as TSESTree.Expression) : undefined;
}

function bodyGuard(body: TSESTree.Expression): Guard {
  const parent = body.parent;
  if (parent?.type === AST_NODE_TYPES.BinaryExpression && isNullLiteral(parent.left === body ? parent.right : parent.left)) {
    const equal = parent.operator === '===' || parent.operator === '==';
    const bodyless = { bodyless: true };
    if (equal || parent.operator === '!==' || parent.operator === '!=') {
      return { node: parent, whenTrue: equal ? bodyless : NO_FACTS, whenFalse: equal ? NO_FACTS : bodyless };
    }
  }
  return { node: body, whenTrue: NO_FACTS, whenFalse: { bodyless: true } };
}

function statusGuard(status: TSESTree.Expression): Guard | undefined {
  const parent = status.parent;
  if (parent?.type === AST_NODE_TYPES.SwitchStatement && parent.discriminant === status) {
    return {
      node: status,
      whenTrue: NO_FACTS,
      whenFalse: NO_FACTS,
      caseFacts: (test, matched) => {
        const value = numberLiteral(test);
        if (value === undefined) return NO_FACTS;
        return factsOf((code) => (code === value) === matched);
      },
    };
  }
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const statusOnLeft = parent.left === status;
  const literal = numberLiteral(statusOnLeft ? parent.right : parent.left);
  if (literal === undefined) return undefined;
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

function numberLiteral(node: TSESTree.Node): number | undefined {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number' ? node.value : undefined;
}

function isNullLiteral(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null && !('regex' in node)) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}
