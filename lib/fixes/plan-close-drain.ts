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
  // `release(res)` closes inside a helper: there is no member here to swap for the drain.
  if (!replace || close.helper || callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return { kind: 'none' };
  // Only the called member changes: the object keeps its own text, parentheses and `?.` included.
  const replaced: [number, number] = [callee.property.range[0], close.call.range[1]];
  const user = usedBy(close.call);
  let prefix = '';
  // Only a bare statement needs `await`/`void`: elsewhere (`void`, `await`, `.catch()`, `return`, an
  // argument) the code already handles the promise, and a prefix would change the value it gets.
  if (replace.returnsPromise && user?.type === AST_NODE_TYPES.ExpressionStatement) {
    const fn = enclosingFunction(close.call);
    prefix = `${fn.type !== AST_NODE_TYPES.Program && fn.async ? 'await' : 'void'} `;
  }
  const text = `${prefix}${sourceCode.text.slice(close.call.range[0], replaced[0])}${replace.call}`;
  return {
    kind: 'suggest',
    drain: text,
    fix: (fixer) => [
      ...(prefix ? [fixer.insertTextBefore(close.call, prefix)] : []),
      fixer.replaceTextRange(replaced, replace.call),
    ],
  };
}

/** The node that uses the call's value, past `?.` chains and TS assertions. */
function usedBy(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (current && isTransparent(current)) current = current.parent;
  return current;
}
