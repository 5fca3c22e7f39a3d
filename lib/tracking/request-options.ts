import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { forEachChild, isFunctionNode } from './ast.js';
import type { Guard, GuardFacts } from './response-guards.js';

/**
 * Whether the request is statically a HEAD request (`{ method: 'HEAD' }` in any object argument):
 * its response has no body to read.
 */
export function requestsHead(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === 'method' &&
          property.value.type === AST_NODE_TYPES.Literal &&
          typeof property.value.value === 'string' &&
          property.value.value.toUpperCase() === 'HEAD',
      ),
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
  const methods = call.arguments.flatMap((argument): ValuePath[] => {
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
