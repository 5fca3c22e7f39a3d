import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { forEachChild, isFunctionNode } from './ast.js';

/**
 * Names and strings that show code looked at the body's size or kind before deciding not to read
 * it: closing an oversized download or an event stream is a choice, not an oversight.
 */
const SIZE_OR_KIND = /content-length|content-type|event-stream|octet-stream|maxBytes|\blimit\b|^MAX_|size/i;

/** Whether a close sits in a branch whose condition inspected the body's size or type. */
export function isDeliberateClose(call: TSESTree.CallExpression, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): boolean {
  let child: TSESTree.Node = call;
  for (let node: TSESTree.Node | undefined = call.parent; node && !isFunctionNode(node); child = node, node = node.parent) {
    const test = branchTest(node, child);
    if (test && mentionsSizeOrKind(test, scopeOf, true)) return true;
  }
  return false;
}

/** The condition that decided whether `child` runs, if `node` is a branch. */
function branchTest(node: TSESTree.Node, child: TSESTree.Node): TSESTree.Node | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return node.test === child ? undefined : node.test;
    case AST_NODE_TYPES.LogicalExpression:
      return node.right === child ? node.left : undefined;
    case AST_NODE_TYPES.SwitchCase:
      return node.parent.discriminant;
    default:
      return undefined;
  }
}

function mentionsSizeOrKind(
  test: TSESTree.Node,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
  followConstants: boolean,
): boolean {
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
      found = SIZE_OR_KIND.test(node.value);
      return;
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      found = SIZE_OR_KIND.test(node.name);
      // One level through a local (`const length = Number(res.headers.get('content-length'))`).
      const init = followConstants ? initialiser(node, scopeOf) : undefined;
      if (!found && init) found = mentionsSizeOrKind(init, scopeOf, false);
      return;
    }
    forEachChild(node, visit);
  };
  visit(test);
  return found;
}

function initialiser(identifier: TSESTree.Identifier, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): TSESTree.Node | undefined {
  const definition = ASTUtils.findVariable(scopeOf(identifier), identifier)?.defs[0];
  return definition?.node.type === AST_NODE_TYPES.VariableDeclarator ? (definition.node.init ?? undefined) : undefined;
}
