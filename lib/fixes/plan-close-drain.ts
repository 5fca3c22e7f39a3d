import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { enclosingFunction, isTransparent } from '../tracking/ast.js';
import type { UndrainedClose } from '../tracking/findings.js';
import type { DrainPlan } from './plan-drain.js';

/**
 * Replaces a close of an unread body with the client's drain on the same object: `res.body.cancel()`
 * becomes `res.body.pipeTo(new WritableStream())`, `res.destroy()` becomes `res.resume()`. Always a
 * suggestion: reading a body the code meant to drop costs bandwidth, and only the author knows
 * whether it may be large.
 */
export function planCloseDrain(close: UndrainedClose, sourceCode: Readonly<TSESLint.SourceCode>): DrainPlan {
  const replace = close.response.client.drains[close.view]?.replaceClose;
  const callee = close.call.callee;
  if (!replace || callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return { kind: 'none' };
  let text = `${sourceCode.getText(callee.object)}${callee.optional ? '?.' : '.'}${replace.call}`;
  // Only a bare statement needs `await`/`void`: elsewhere (`void`, `await`, `.catch()`, `return`, an
  // argument) the code already handles the promise, and a prefix would change the value it gets.
  if (replace.returnsPromise && usedBy(close.call)?.type === AST_NODE_TYPES.ExpressionStatement) {
    const fn = enclosingFunction(close.call);
    text = `${fn.type !== AST_NODE_TYPES.Program && fn.async ? 'await' : 'void'} ${text}`;
  }
  return { kind: 'suggest', drain: text, fix: (fixer) => fixer.replaceText(close.call, text) };
}

function usedBy(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (current && isTransparent(current)) current = current.parent;
  return current;
}
