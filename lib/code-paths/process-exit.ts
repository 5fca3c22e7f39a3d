import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * `process.exit(…)` as a statement: the process ends there, and its sockets with it, so the path
 * reaches no exit of the function and nothing it holds can leak.
 */
export function endsProcess(statement: TSESTree.Node): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = statement.expression;
  const call = expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.callee.computed) return false;
  const { object, property } = call.callee;
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'process' && property.type === AST_NODE_TYPES.Identifier && property.name === 'exit';
}

/** A block that ends the process whatever happens before: `catch { log(error); process.exit(1); }`. */
export function alwaysEndsProcess(block: TSESTree.BlockStatement): boolean {
  return block.body.some(endsProcess);
}
