import { watchResponseBodies } from '../lib/body-leaks.js';
import { createRule } from '../lib/create-rule.js';
import { describeExit } from '../lib/describe-exit.js';
import { planDrain } from '../lib/fixes/plan-drain.js';
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
      for (const leak of leaks) {
        const drain = planDrain(leak, context.sourceCode);
        context.report({
          node: leak.response.producer,
          messageId: 'unconsumedBody',
          data: { name: leak.response.name ? `\`${leak.response.name}\`` : 'this response', exit: describeExit(leak.exit) },
          fix: drain.kind === 'fix' ? drain.fix : null,
          suggest:
            drain.kind === 'suggest' ? [{ messageId: 'insertDrain', data: { drain: drain.drain }, fix: drain.fix }] : null,
        });
      }
    });
  },
});
