import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { type ClientModel, type CopyKind, memberSpec } from '../clients/client-model.js';
import { memberName, unwrap } from './ast.js';
import type { UnreadClone } from './findings.js';
import type { FunctionPlan } from './function-plan.js';

/**
 * The clones a function makes and never reads: `const copy = res.clone()` where every event of
 * `copy` only looks at it. What that costs is the client's `CopyKind`: a web stream tee keeps a
 * second copy of the whole body in memory, node-fetch stops the body once the clone's buffer is full
 * (both measured in tests/runtime/clone-buffering.test.ts).
 */
export function unreadClones(plan: FunctionPlan): UnreadClone[] {
  const found: UnreadClone[] = [];
  plan.responses.forEach((planned, response) => {
    planned.holders.forEach((holder, index) => {
      const clone = cloneCall(holder.identifier, planned.response.client.views);
      if (!clone || !onlyLooked(plan, response, index)) return;
      found.push({ response: planned.response, ...clone, variable: holder.variable });
    });
  });
  return found;
}

/** The `x.clone()` a holder is declared with, and how it copies, when the client says that member copies the body. */
export function cloneCall(identifier: TSESTree.Identifier, views: ClientModel['views']): { call: TSESTree.CallExpression; copies: CopyKind } | undefined {
  const declarator = identifier.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== identifier || !declarator.init) return undefined;
  const call = unwrap(declarator.init);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(call.callee);
  for (const view of Object.values(views)) {
    const effect = memberSpec(view, name)?.call;
    if (effect?.kind === 'view' && effect.copies) return { call, copies: effect.copies };
  }
  return undefined;
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
