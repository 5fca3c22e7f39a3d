import { leaksByResponse, watchResponseBodies } from '../lib/body-leaks.js';
import { createRule } from '../lib/create-rule.js';
import { describeExits } from '../lib/describe-exit.js';
import { type DrainOptions, drainOptions } from '../lib/fixes/drain-options.js';
import { drainSetting } from '../lib/fixes/drain-setting.js';
import { planDrains } from '../lib/fixes/plan-drain.js';
import { type AnalysisOptions, analysisOptions } from '../lib/analysis-options.js';
import { namedOptions } from '../lib/named-options.js';

const optionSchema = namedOptions({ ...analysisOptions, ...drainOptions });

export type Options = [AnalysisOptions & DrainOptions];
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
        'The body of {{name}} is not consumed when {{exit}}. Read or drain it, or Node keeps the connection checked out.',
      insertDrain: 'Release the body with `{{drain}}`.',
    },
    schema: [optionSchema],
    defaultOptions: [{}],
  },
  create(context, [{ drainTimeoutMs, drainMaxBytes, drainWith, ...analysis }]) {
    const setting = drainSetting(context, { drainTimeoutMs, drainMaxBytes, drainWith });
    return watchResponseBodies(context, analysis, ({ leaks }) => {
      for (const exits of leaksByResponse(leaks)) {
        const response = exits[0]!.response;
        const drain = planDrains(exits, context.sourceCode, setting);
        context.report({
          node: response.producer,
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
