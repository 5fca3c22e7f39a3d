import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TrackedResponse } from './tracking/findings.js';

/** A call's text is quoted whole up to this length (on one line); longer, its callee and `(…)`. */
const MAX_CALL_TEXT = 32;

/**
 * How messages name a response, so a reader knows which call is meant without opening the file:
 * "the `fetch(url)` response (`res`)", "the `request(…)` response (`body`)" when the call is long,
 * "the `fetch(u)` response" when no variable holds it, "the fetch response `res`" for a response a
 * function receives by a parameter.
 */
export function describeResponse(response: TrackedResponse, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const call = response.call ?? (response.producer.type === AST_NODE_TYPES.CallExpression ? response.producer : undefined);
  const held = response.name === undefined ? '' : ` (\`${response.name}\`)`;
  // `Promise.all([fetch(a), fetch(b)])` is followed from its first request, but owes every body.
  if (response.collection?.elements) return `each response of \`${callText(response.collection.combinator, sourceCode)}\`${held}`;
  if (call) return `the \`${callText(call, sourceCode)}\` response${held}`;
  return response.name === undefined ? `this ${response.client.label} response` : `the ${response.client.label} response \`${response.name}\``;
}

/** `fetch(url)`, or `fetch(…)` for a call too long or spread over lines; `….get(…)` when even the callee is. */
export function callText(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const whole = sourceCode.getText(call);
  // A backtick would end the message's code span early.
  if (whole.length <= MAX_CALL_TEXT && !/[\n`]/.test(whole)) return whole;
  const callee = sourceCode.getText(call.callee).replace(/\s+/g, '');
  const args = call.arguments.length === 0 ? '()' : '(…)';
  if (callee.length + args.length <= MAX_CALL_TEXT && !callee.includes('`')) return `${callee}${args}`;
  const member = call.callee.type === AST_NODE_TYPES.MemberExpression && !call.callee.computed ? sourceCode.getText(call.callee.property) : undefined;
  return member ? `….${member}${args}` : `…${args}`;
}
