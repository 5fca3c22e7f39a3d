import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { AnalysisOptions } from '../analysis-options.js';
import { clientModels, defaultProducerClient } from '../clients/index.js';
import { memberName, unwrap } from './ast.js';
import type { Producer } from './origin-context.js';
import { PROMISE_VIEW } from './response-uses.js';

/** `getRaw` for `getRaw(…)`, `api.get` for `api.get(…)`; what the `producers`/`consumers` options name. */
export function callName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const property = memberName(callee);
    return property === undefined ? undefined : `${callee.object.name}.${property}`;
  }
  return undefined;
}

/** A producer named in the rule options. */
export function configuredProducer(call: TSESTree.CallExpression, options: AnalysisOptions): Producer | undefined {
  if (!options.producers?.length) return undefined;
  const name = callName(call);
  if (name === undefined) return undefined;
  for (const entry of options.producers) {
    const option = typeof entry === 'string' ? { name: entry } : entry;
    if (option.name !== name) continue;
    const client = option.client === undefined ? defaultProducerClient : clientModels.find((model) => model.id === option.client);
    if (!client) return undefined;
    return { client, view: option.returns === 'value' ? client.rootView : PROMISE_VIEW };
  }
  return undefined;
}
