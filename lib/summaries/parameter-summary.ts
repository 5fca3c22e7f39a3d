import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { ClientModel } from '../clients/client-model.js';
import { capturingFunction, exitStatements } from '../tracking/ast.js';
import { MAX_HOLDERS } from '../tracking/body-state.js';
import { type AliasTarget, type CalleeSummary, classifyUse, type UseContext } from '../tracking/response-uses.js';
import type { VisibleFunction } from '../tracking/callee-function.js';

/**
 * What a function does with a response it receives as a parameter.
 * - `takes`: on some path it reads it, or passes it to a function that takes it: the caller hands it
 *   over, and the function must settle it on every path (its own analysis reports where it does not).
 * - `borrows`: it only looks (status, headers, logging): the caller still owns the body.
 * - `returns`: it only looks, and gives the same response back as its value (`decorate(res)`,
 *   `ensureOk(res)`): the call's value is the argument, not a second response.
 * - `cancels` / `destroys`: its only settling act is closing it (`release(res)`): a call of it is a
 *   close at the call site, judged there like `res.body.cancel()`.
 * - `unknown`: it only looks, except that it stores it, captures it, or passes it to code the analysis
 *   cannot read. That code may be what settles it, or the caller may: the call is a hand-off, and the
 *   function is not checked itself.
 */
export type ParameterSummary = CalleeSummary;


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
 * only if some function in it reads, releases or returns it, and gives it away unseen only if one
 * does that (the least fixed point over borrows < unknown < takes), so helpers that only look at it
 * through recursion do not hide the caller's leak. A summary that read an enclosing in-progress one
 * is provisional and not cached; the cycle's first entry is. Every frame adds a distinct function
 * and key to the stack, so recursion ends.
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
  if (param?.type !== AST_NODE_TYPES.Identifier) return 'unknown';
  const variable = ASTUtils.findVariable(callee.scopeOf(param), param);
  if (!variable) return 'unknown';
  // The parameter, then the local variables it is copied to (`const body = res.body`), each with its view.
  const holders: { variable: TSESLint.Scope.Variable; identifier: TSESTree.Identifier; view: string }[] = [
    { variable, identifier: param, view },
  ];
  const seen = new Set<Effect>();
  for (let holder = 0; holder < holders.length; holder++) {
    const { variable: held, identifier, view: heldView } = holders[holder]!;
    for (const reference of held.references) {
      if (reference.identifier === identifier) continue;
      const effect = referenceEffect(reference, heldView, view, callee.fn, context);
      if (effect === 'takes') return 'takes';
      if (typeof effect === 'string') {
        seen.add(effect);
        continue;
      }
      for (const target of effect) {
        if (holders.some((existing) => existing.variable === target.variable)) continue;
        if (holders.length >= MAX_HOLDERS) seen.add('unknown');
        else holders.push(target);
      }
    }
  }
  return combine(seen);
}

type Effect = Exclude<ParameterSummary, 'takes'>;

/**
 * One summary from the effects of every reference. Closing on one path and giving the response back
 * (or away) on another settles it in more than one way: only a function that takes it can say which.
 */
function combine(seen: ReadonlySet<Effect>): ParameterSummary {
  const closes = seen.has('cancels') || seen.has('destroys');
  if (seen.has('unknown')) return 'unknown';
  if (closes && seen.has('returns')) return 'takes';
  // A function that cancels on one path and destroys on another closes it either way: report the harsher.
  if (closes) return seen.has('destroys') ? 'destroys' : 'cancels';
  return seen.has('returns') ? 'returns' : 'borrows';
}

/** What one reference to a holder of the parameter says about it, or the variables it is copied to. */
function referenceEffect(
  reference: TSESLint.Scope.Reference,
  view: string,
  /** The parameter's own view: returning that is giving the caller's value back. */
  parameterView: string,
  fn: VisibleFunction['fn'],
  context: UseContext,
): ParameterSummary | readonly AliasTarget[] {
  if (reference.isWrite() || capturingFunction(reference.identifier, fn)) return 'unknown';
  const use = classifyUse(reference.identifier, view, context);
  if (use.kind === 'inspect' || use.kind === 'drop') return 'borrows';
  // `if (!res.ok) throw new Error(await res.text())`: reading only on the way to a throw is how a
  // validator (`ensureOk(res)`) reports errors; on the way back to the caller it only looked.
  if (leadsToThrow(reference.identifier, fn)) return 'borrows';
  switch (use.kind) {
    case 'consume':
    case 'read':
      return 'takes';
    case 'release':
      return use.close === 'destroy' ? 'destroys' : 'cancels';
    case 'handoff':
      if (use.returned) return view === parameterView ? 'returns' : 'takes';
      return use.known ? 'takes' : 'unknown';
    case 'alias':
      // A view that settles the body (a reader that owns it) is a take as it is.
      return use.settles ? 'takes' : use.targets;
    default:
      return 'unknown';
  }
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
      // `while (true) { … return parse(chunk); } throw …`: the function may return from the loop.
      if (exitStatements(sibling).some((exit) => exit.type === AST_NODE_TYPES.ReturnStatement)) return false;
    }
  }
  return false;
}
