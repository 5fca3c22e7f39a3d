import type { TSESTree } from '@typescript-eslint/utils';
import { type BodyLeak, watchResponseBodies } from '../lib/body-leaks.js';
import { createRule } from '../lib/create-rule.js';
import { describeExits } from '../lib/describe-exit.js';
import { planDrains } from '../lib/fixes/plan-drain.js';
import { type AnalysisOptions, analysisOptions } from '../lib/analysis-options.js';
import { namedOptions } from '../lib/named-options.js';

const optionSchema = namedOptions(analysisOptions);

export type Options = [AnalysisOptions];
export type MessageId = 'unconsumedBody' | 'insertDrain';

export default createRule<Options, MessageId>({
  name: 'no-unconsumed-body',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require HTTP response bodies to be read, released or handed off on every path',
      recommended: true,
      requiresTypeChecking: false,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      unconsumedBody:
        'The body of {{name}} is not consumed when {{exit}}. Read or cancel it, or Node keeps the connection checked out.',
      insertDrain: 'Release the body with `{{drain}}`.',
    },
    schema: [{ type: 'object', additionalProperties: false, properties: optionSchema.properties, dependencies: optionSchema.dependencies }],
    defaultOptions: [{}],
  },
  create(context, [options]) {
    return watchResponseBodies(context, options, ({ leaks }) => {
      // One report per response, naming every exit that leaks it (the leaks come in source order).
      const byProducer = new Map<TSESTree.Node, BodyLeak[]>();
      for (const leak of leaks) {
        const exits = byProducer.get(leak.response.producer);
        if (exits) exits.push(leak);
        else byProducer.set(leak.response.producer, [leak]);
      }
      for (const [producer, exits] of byProducer) {
        const response = exits[0]!.response;
        const drain = planDrains(exits, context.sourceCode);
        context.report({
          node: producer,
          messageId: 'unconsumedBody',
          data: { name: response.name ? `\`${response.name}\`` : 'this response', exit: describeExits(exits.map((leak) => leak.exit)) },
          fix: drain.kind === 'fix' ? drain.fix : null,
          suggest:
            drain.kind === 'suggest' ? [{ messageId: 'insertDrain', data: { drain: drain.drain }, fix: drain.fix }] : null,
        });
      }
    });
  },
});
