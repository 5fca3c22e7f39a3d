import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { forEachChild, isFunctionNode, propertyKey } from './ast.js';
import type { Guard, GuardFacts } from './response-guards.js';
import type { ClientModel } from '../clients/client-model.js';

/**
 * Whether the request is statically a HEAD request (`{ method: 'HEAD' }` in any object argument, or
 * in the initializer of a `const` passed by name): its response has no body to read.
 */
export function requestsHead(call: TSESTree.CallExpression, scopeOf?: (node: TSESTree.Node) => TSESLint.Scope.Scope): boolean {
  return call.arguments.some((argument) => {
    if (argument.type === AST_NODE_TYPES.Identifier && scopeOf) {
      const definition = ASTUtils.findVariable(scopeOf(argument), argument)?.defs;
      const declarator = definition?.length === 1 && definition[0]!.type === 'Variable' && definition[0]!.parent?.kind === 'const' ? definition[0]!.node : undefined;
      return declarator?.init?.type === AST_NODE_TYPES.ObjectExpression && setsHead(declarator.init);
    }
    return argument.type === AST_NODE_TYPES.ObjectExpression && setsHead(argument);
  });
}

function setsHead(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === 'method' &&
      isHeadLiteral(property.value),
  );
}

/** A value the analysis can name again elsewhere in a function: `method`, `this.method`, `init.method`. */
interface ValuePath {
  readonly root: TSESLint.Scope.Variable | 'this';
  readonly path: string;
}

const BODYLESS: GuardFacts = { bodyless: true };
const NOTHING: GuardFacts = {};

/**
 * Tests that say whether the request was a HEAD when its method comes from a variable or a field
 * (`fetch(url, { method: this.method })` … `if (this.method === 'HEAD') return res.headers`): where
 * they hold, the response has no body.
 */
export function headGuards(call: TSESTree.CallExpression, owner: TSESTree.Node, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): Guard[] {
  return headTests(methodPaths(call, scopeOf), owner, scopeOf);
}

/**
 * For a response a method receives: `this.method === 'HEAD'` tests in it, when a request of the same
 * class was sent with `method: this.method` (supabase's builders send in one method and read the
 * response in another).
 */
export function fieldHeadGuards(fn: TSESTree.Node, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): Guard[] {
  let body: TSESTree.Node | undefined = fn.parent;
  while (body && body.type !== AST_NODE_TYPES.ClassBody) body = isFunctionNode(body) ? undefined : body.parent;
  if (!body) return [];
  let fields = methodFields.get(body);
  if (!fields) {
    const found: ValuePath[] = [];
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        for (const path of methodPaths(node, scopeOf)) if (path.root === 'this') found.push(path);
      }
      forEachChild(node, visit);
    };
    visit(body);
    methodFields.set(body, (fields = found));
  }
  return fields.length === 0 ? [] : headTests(fields, fn, scopeOf);
}

/** Per class: the fields its requests take their method from, found once however many methods ask. */
const methodFields = new WeakMap<TSESTree.Node, readonly ValuePath[]>();

/**
 * Whether a request is sent only where one of its HEAD tests holds (`if (method === 'HEAD') { …
 * fetch(url, { method }) … }`): then its response has no body from the start.
 */
export function sentAsHead(call: TSESTree.Node, guards: readonly Guard[]): boolean {
  return guards.some((guard) => {
    let test: TSESTree.Node = guard.node;
    // `method === 'HEAD' && …` holds wherever the whole condition does.
    while (test.parent?.type === AST_NODE_TYPES.LogicalExpression && test.parent.operator === '&&') test = test.parent;
    const branch = test.parent;
    if (branch?.type !== AST_NODE_TYPES.IfStatement || branch.test !== test) return false;
    // A conjunct only tells the branch where the whole condition is true.
    const whole = test === guard.node;
    const taken = guard.whenTrue.bodyless ? branch.consequent : whole && guard.whenFalse.bodyless ? branch.alternate : null;
    return taken !== null && call.range[0] >= taken.range[0] && call.range[1] <= taken.range[1];
  });
}

/** What a call takes its method from: `{ method: this.method }`, `{ method }`, or `init` (as `init.method`). */
function methodPaths(call: TSESTree.CallExpression, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): ValuePath[] {
  return call.arguments.flatMap((argument): ValuePath[] => {
    if (argument.type === AST_NODE_TYPES.Identifier) {
      const variable = ASTUtils.findVariable(scopeOf(argument), argument);
      return variable ? [{ root: variable, path: 'method' }] : [];
    }
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) return [];
    const property = argument.properties.find(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'method',
    );
    const path = property && valuePath(property.value, scopeOf);
    return path ? [path] : [];
  });
}

function headTests(methods: readonly ValuePath[], owner: TSESTree.Node, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): Guard[] {
  const guards: Guard[] = [];
  const test = (node: TSESTree.Node): void => {
    const tested = outerTest(node);
    if (tested?.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(tested.operator)) return;
    const other = tested.left === outerTested(node) ? tested.right : tested.left;
    if (!isHeadLiteral(other)) return;
    const path = valuePath(node, scopeOf);
    if (!path || !methods.some((method) => method.root === path.root && method.path === path.path)) return;
    const equal = tested.operator === '===' || tested.operator === '==';
    guards.push({ node: tested, whenTrue: equal ? BODYLESS : NOTHING, whenFalse: equal ? NOTHING : BODYLESS });
  };
  for (const method of methods) {
    if (method.root === 'this') {
      // Only `{ method: this.method }` needs a walk: a variable's uses come from its references.
      const visit = (node: TSESTree.Node): void => {
        if (node !== owner && isFunctionNode(node)) return;
        if (node.type === AST_NODE_TYPES.MemberExpression) test(node);
        forEachChild(node, visit);
      };
      visit(owner);
      continue;
    }
    for (const reference of method.root.references) {
      let node: TSESTree.Node = reference.identifier;
      for (const _ of method.path ? method.path.split('.') : []) {
        if (node.parent?.type !== AST_NODE_TYPES.MemberExpression || node.parent.object !== node) break;
        node = node.parent;
      }
      test(node);
    }
  }
  return guards;
}

/** The node whose value a test compares: the value itself, or its `.toUpperCase()`. */
function outerTested(node: TSESTree.Node): TSESTree.Node {
  const member = node.parent;
  const call = member?.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === node &&
    !member.computed &&
    member.property.type === AST_NODE_TYPES.Identifier &&
    /^to(?:Upper|Lower)Case$/.test(member.property.name) &&
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee === member
    ? call
    : node;
}

function outerTest(node: TSESTree.Node): TSESTree.Node | undefined {
  return outerTested(node).parent;
}

function isHeadLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && node.value.toUpperCase() === 'HEAD';
}

/** A variable, or a chain of plain members on a variable or `this`; a `let` or a parameter may change between request and test, which only silences. */
function valuePath(node: TSESTree.Node, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): ValuePath | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scopeOf(node), node);
    return variable ? { root: variable, path: '' } : undefined;
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = node.property.name;
  if (node.object.type === AST_NODE_TYPES.ThisExpression) return { root: 'this', path: name };
  const inner = valuePath(node.object, scopeOf);
  return inner && { root: inner.root, path: inner.path ? `${inner.path}.${name}` : name };
}

/**
 * Whether the request's literal options keep its connection out of every pool (`agent: false`, a
 * `createConnection`, `headers: { Connection: 'Upgrade' }`, per the client's `unpooled` data).
 */
export function isUnpooledRequest(
  call: TSESTree.Node,
  client: ClientModel,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
): boolean {
  const unpooled = client.unpooled;
  if (!unpooled || call.type !== AST_NODE_TYPES.CallExpression) return false;
  const unpools = (key: string, value: TSESTree.Node): boolean => {
    if (unpooled.presentOptions.includes(key)) return true;
    if (unpooled.disabledOptions.includes(key)) return value.type === AST_NODE_TYPES.Literal && value.value === false;
    if (key !== 'headers' || value.type !== AST_NODE_TYPES.ObjectExpression) return false;
    return value.properties.some(
      (header) =>
        header.type === AST_NODE_TYPES.Property &&
        propertyKey(header)?.toLowerCase() === 'connection' &&
        header.value.type === AST_NODE_TYPES.Literal &&
        typeof header.value.value === 'string' &&
        unpooled.connectionHeaders.includes(header.value.value.toLowerCase()),
    );
  };
  return call.arguments.some((argument) => {
    if (argument.type === AST_NODE_TYPES.ObjectExpression) return objectSets(argument, unpools);
    if (argument.type !== AST_NODE_TYPES.Identifier) return false;
    // `opts.createConnection = …; opts.headers = { Connection: 'Upgrade' }; request(opts)` (ws).
    const variable = ASTUtils.findVariable(scopeOf(argument), argument);
    return (variable?.references ?? []).some((reference) => {
      const declarator = reference.identifier.parent;
      if (reference.init && declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init?.type === AST_NODE_TYPES.ObjectExpression) {
        return objectSets(declarator.init, unpools);
      }
      const member = reference.identifier.parent;
      const assignment = member?.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || member.computed) return false;
      if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== member || member.property.type !== AST_NODE_TYPES.Identifier) return false;
      return unpools(member.property.name, assignment.right);
    });
  });
}

function objectSets(object: TSESTree.ObjectExpression, sets: (key: string, value: TSESTree.Node) => boolean): boolean {
  return object.properties.some((property) => {
    const key = property.type === AST_NODE_TYPES.Property ? propertyKey(property) : undefined;
    return key !== undefined && property.type === AST_NODE_TYPES.Property && sets(key, property.value);
  });
}
