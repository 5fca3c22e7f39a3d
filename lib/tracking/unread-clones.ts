import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type ClientModel, memberSpec } from '../clients/client-model.js';
import { memberName, unwrap } from './ast.js';
import type { UnreadClone } from './findings.js';
import type { FunctionPlan } from './function-plan.js';

/**
 * The clones a function makes and never reads: `const copy = res.clone()` where every event of
 * `copy` only looks at it. A tee pushes each chunk the other copy reads into this one too, so an
 * unread clone keeps a second copy of the whole body in memory for as long as it lives (measured in
 * tests/runtime/clone-buffering.test.ts); the connection itself is settled by the copy that is read.
 */
export function unreadClones(plan: FunctionPlan): UnreadClone[] {
  const found: UnreadClone[] = [];
  plan.responses.forEach((planned, response) => {
    planned.holders.forEach((holder, index) => {
      const call = cloneCall(holder.identifier, planned.response.client.views);
      if (!call || !onlyLooked(plan, response, index)) return;
      found.push({ response: planned.response, call, variable: holder.variable });
    });
  });
  return found;
}

/** The `x.clone()` a holder is declared with, when the client says that member copies the body. */
export function cloneCall(identifier: TSESTree.Identifier, views: ClientModel['views']): TSESTree.CallExpression | undefined {
  const declarator = identifier.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== identifier || !declarator.init) return undefined;
  const call = unwrap(declarator.init);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(call.callee);
  const copies = Object.values(views).some((view) => {
    const effect = memberSpec(view, name)?.call;
    return effect?.kind === 'view' && effect.copies === true;
  });
  return copies ? call : undefined;
}

function onlyLooked(plan: FunctionPlan, response: number, holder: number): boolean {
  for (const events of plan.events.values()) {
    for (const event of events) {
      if (event.response !== response || event.type === 'create') continue;
      if (event.holder !== holder) continue;
      if (event.type !== 'use' || (event.use.kind !== 'inspect' && event.use.kind !== 'drop')) return false;
    }
  }
  return true;
}
