import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { DefinitionType } from '@typescript-eslint/scope-manager';
import { enclosingFunction, isTransparent, memberName, unwrap } from '../tracking/ast.js';
import type { UndrainedClose } from '../tracking/findings.js';
import { aboutDrain, closeLater, type DrainSetting, drainFor, fill, withImport } from './drain-text.js';
import { replaceStatement } from './insertion-point.js';
import type { DrainPlan } from './plan-drain.js';

/**
 * Replaces a close of an unread body with the client's bounded drain on the same object:
 * `res.body.cancel()` becomes `res.body.pipeTo(new WritableStream(), { signal: … }).catch(…)`,
 * `res.destroy()` becomes `res.resume()` and a timer that destroys it at the time limit. With a
 * `drainWith` helper, the close becomes a call of it. Always a suggestion: reading a body the code
 * meant to drop costs bandwidth, and only the author knows whether it may be large.
 */
export function planCloseDrain(close: UndrainedClose, sourceCode: Readonly<TSESLint.SourceCode>, setting: DrainSetting): DrainPlan {
  const callee = close.call.callee;
  const { client } = close.response;
  const user = usedBy(close.call);
  const statement = user?.type === AST_NODE_TYPES.ExpressionStatement ? user : undefined;
  const fn = enclosingFunction(close.call);
  const awaitAllowed = fn.type !== AST_NODE_TYPES.Program && fn.async;
  // `await release(res)` closes inside a helper: the statement becomes the drain of the response it is given.
  if (close.helper) {
    const awaited = user?.type === AST_NODE_TYPES.AwaitExpression && user.parent?.type === AST_NODE_TYPES.ExpressionStatement ? user.parent : statement;
    return drainResponseInstead(close, awaited, awaitAllowed, sourceCode, setting);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return { kind: 'none' };
  // Only a bare statement needs `await`/`void`: elsewhere (`void`, `await`, `.catch()`, `return`, an
  // argument) the code already handles the promise, and a prefix would change the value it gets.
  const prefix = statement ? `${awaitAllowed ? 'await' : 'void'} ` : '';

  const helper = setting.helper(client);
  const response = helper && responseText(close, callee, sourceCode);
  if (helper && response) {
    const call = `${helper.callee}(${response})`;
    return {
      kind: 'suggest',
      drain: call,
      fix: withImport(helper.importEdit, (fixer) => fixer.replaceText(close.call, `${prefix}${call}`)),
      about: { ref: response, helper: helper.callee },
    };
  }

  const spec = client.drains[close.view];
  if (!spec?.replaceClose) return drainResponseInstead(close, statement, awaitAllowed, sourceCode, setting);
  // From the callee's start, not `getText(callee.object)`: that leaves out the object's parentheses.
  const object = sourceCode.text.slice(callee.range[0], callee.property.range[0]).replace(/\??\.\s*$/, '');
  let replacement = fill(spec.replaceClose, object, setting, close.call);
  // `body.cancel().catch(log)`: the code already takes the rejection, so the drain's own `catch` goes.
  if (user?.type === AST_NODE_TYPES.MemberExpression && ['catch', 'then'].includes(memberName(user) ?? '')) {
    replacement = replacement.replace(/\.catch\(\(\) => \{\}\)$/, '');
  }
  // Only the called member changes: the object keeps its own text, parentheses and `?.` included.
  const replaced: [number, number] = [callee.property.range[0], close.call.range[1]];
  const drain = `${sourceCode.text.slice(close.call.range[0], replaced[0])}${replacement}`;
  const about = aboutDrain(spec.replaceClose, object, setting);
  if (spec.async) {
    return {
      kind: 'suggest',
      drain: `${prefix}${drain}`,
      about,
      fix: (fixer) => [...(prefix ? [fixer.insertTextBefore(close.call, prefix)] : []), fixer.replaceTextRange(replaced, replacement)],
    };
  }
  // A drain that reads in the background needs its timed close as a statement of its own.
  const later = closeLater(callee.optional ? { ...spec, closeLater: spec.closeLater && { call: spec.closeLater.call.replace('{{ref}}.', '{{ref}}?.') } } : spec, object, setting, close.call);
  if (!later) {
    return { kind: 'suggest', drain, fix: (fixer) => fixer.replaceTextRange(replaced, replacement), about };
  }
  if (!statement) return { kind: 'none' };
  const text = sourceCode.text.slice(statement.range[0], replaced[0]) + replacement + sourceCode.text.slice(replaced[1], statement.range[1]);
  const place = replaceStatement(sourceCode, statement, [text.replace(/;$/, ''), later]);
  if (!place) return { kind: 'none' };
  return { kind: 'suggest', drain: `${drain}; ${later}`, fix: place, about: { ...about, ms: setting.limits.ms } };
}

/**
 * `controller.abort()`, `req.destroy()`: the close is on something else than the body, so there is
 * no member to swap; the statement becomes the drain of the response itself, when the name it was
 * first held by still means it here.
 */
function drainResponseInstead(
  close: UndrainedClose,
  statement: TSESTree.ExpressionStatement | undefined,
  awaitAllowed: boolean,
  sourceCode: Readonly<TSESLint.SourceCode>,
  setting: DrainSetting,
): DrainPlan {
  const name = close.response.name;
  if (!statement || !name || !holds(close, name, sourceCode)) return { kind: 'none' };
  const { client } = close.response;
  const drain = drainFor(client, client.rootView, name, awaitAllowed, setting, close.call);
  const place = drain && replaceStatement(sourceCode, statement, drain.statements);
  if (!drain || !place) return { kind: 'none' };
  return { kind: 'suggest', drain: drain.statements.join('; '), fix: withImport(drain.importEdit, place), about: drain.about };
}

/** `name` at the close is the variable that took the response: `const res = await fetch(…)`, or `(res) =>` given to the producer. */
function holds(close: UndrainedClose, name: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const definition = ASTUtils.findVariable(sourceCode.getScope(close.call), name)?.defs[0];
  const producer = close.response.producer;
  const within = (outer: TSESTree.Node, inner: TSESTree.Node) => outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
  if (definition?.type === DefinitionType.Variable) return definition.node.init !== null && within(definition.node.init, producer);
  return definition?.type === DefinitionType.Parameter && within(producer, definition.node);
}

/**
 * The text of the response itself, for a helper that takes it: the closed object when it is the
 * response (`res.destroy()`), or the response a member of it came from (`res` in `res.body.cancel()`).
 */
function responseText(close: UndrainedClose, callee: TSESTree.MemberExpression, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  const { client, name } = close.response;
  const object = unwrap(callee.object);
  if (close.view === client.rootView) return sourceCode.getText(object);
  if (object.type !== AST_NODE_TYPES.MemberExpression || object.computed) return undefined;
  const member = memberName(object);
  const access = member === undefined ? undefined : client.views[client.rootView]?.members[member]?.access;
  const owner = unwrap(object.object);
  if (access?.kind !== 'view' || access.view !== close.view || owner.type !== AST_NODE_TYPES.Identifier || owner.name !== name) return undefined;
  return owner.name;
}

/** The node that uses the call's value, past `?.` chains and TS assertions. */
function usedBy(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (current && isTransparent(current)) current = current.parent;
  return current;
}
