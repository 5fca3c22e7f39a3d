import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { ClientModel } from '../clients/client-model.js';
import { capturingFunction } from '../tracking/ast.js';
import { classifyUse, type UseContext } from '../tracking/response-uses.js';
import type { VisibleFunction } from './callee-function.js';

/**
 * What a function does with a response it receives as a parameter.
 * - `takes`: it reads, releases, stores or passes it on somewhere: the caller hands it over, and the
 *   function must settle it on every path (its own analysis reports where it does not).
 * - `borrows`: it only looks (status, headers, logging): the caller still owns the body.
 */
export type ParameterSummary = 'takes' | 'borrows';

/** Marks a function that handles any response it is given (like Go bodyclose's directive). */
export const HANDLED_TAG = '@drain-handled';

// A number marks a summary in progress: the depth of its frame.
const summaries = new WeakMap<TSESTree.Node, Map<string, ParameterSummary | number>>();
let depth = 0;
/** The shallowest in-progress summary read since the current frame began (`Infinity`: none). */
let shallowestRead = Infinity;

/**
 * Summarises parameter `index` of `callee` for a response of `client` seen as `view`. Cached per
 * function node. Recursion reads an in-progress summary as `borrows`: a cycle takes the response
 * only if some function in it reads, releases or passes it elsewhere (the least fixed point), so
 * helpers that only look at it through recursion do not hide the caller's leak. A summary that
 * read an enclosing in-progress one is provisional and not cached; the cycle's first entry is.
 */
export function summarizeParameter(
  callee: VisibleFunction,
  index: number,
  client: ClientModel,
  view: string,
  makeContext: (callee: VisibleFunction) => UseContext,
): ParameterSummary {
  if (callee.comments.some((comment) => comment.includes(HANDLED_TAG))) return 'takes';
  let perFunction = summaries.get(callee.fn);
  if (!perFunction) summaries.set(callee.fn, (perFunction = new Map()));
  const key = `${index}:${client.id}:${view}`;
  const cached = perFunction.get(key);
  if (typeof cached === 'number') {
    shallowestRead = Math.min(shallowestRead, cached);
    return 'borrows';
  }
  if (cached) return cached;
  const frame = depth++;
  const outer = shallowestRead;
  shallowestRead = Infinity;
  perFunction.set(key, frame);
  let summary: ParameterSummary | undefined;
  try {
    summary = summarize(callee, index, view, makeContext(callee));
  } finally {
    depth = frame;
    if (summary === undefined || shallowestRead < frame) perFunction.delete(key);
    else perFunction.set(key, summary);
    shallowestRead = Math.min(outer, shallowestRead);
  }
  return summary;
}

function summarize(callee: VisibleFunction, index: number, view: string, context: UseContext): ParameterSummary {
  const params = callee.fn.params.filter((param) => !(param.type === AST_NODE_TYPES.Identifier && param.name === 'this'));
  let param: TSESTree.Node | undefined = params[index];
  if (param?.type === AST_NODE_TYPES.AssignmentPattern) param = param.left;
  if (param?.type !== AST_NODE_TYPES.Identifier) return 'takes';
  const variable = ASTUtils.findVariable(callee.scopeOf(param), param);
  if (!variable) return 'takes';
  for (const reference of variable.references) {
    if (reference.identifier === param) continue;
    if (reference.isWrite() || capturingFunction(reference.identifier, callee.fn)) return 'takes';
    const use = classifyUse(reference.identifier, view, context);
    if (use.kind === 'inspect' || use.kind === 'drop') continue;
    // `if (!res.ok) throw new Error(await res.text())`: reading only on the way to a throw is how a
    // validator (`ensureOk(res)`) reports errors; on the way back to the caller it only looked.
    if (leadsToThrow(reference.identifier, callee.fn)) continue;
    return 'takes';
  }
  return 'borrows';
}

/** Whether `node` runs only on the way to a `throw` of its function: in its argument, or before it. */
function leadsToThrow(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ThrowStatement) return true;
    const parent: TSESTree.Node | undefined = current.parent;
    const list =
      parent?.type === AST_NODE_TYPES.BlockStatement
        ? parent.body
        : parent?.type === AST_NODE_TYPES.SwitchCase
          ? parent.consequent
          : undefined;
    if (!list) continue;
    for (const sibling of list.slice(list.indexOf(current as TSESTree.Statement) + 1)) {
      if (sibling.type === AST_NODE_TYPES.ThrowStatement) return true;
      if (sibling.type === AST_NODE_TYPES.ReturnStatement) return false;
    }
  }
  return false;
}
