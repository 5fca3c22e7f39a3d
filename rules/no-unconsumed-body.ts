import { leaksByResponse, watchResponseBodies } from '../lib/body-leaks.js';
import { createRule } from '../lib/create-rule.js';
import { describeDrain } from '../lib/describe-drain.js';
import { describeExits, exitLine, lineList } from '../lib/describe-exit.js';
import { describeResponse } from '../lib/describe-response.js';
import { type DrainOptions, drainOptions } from '../lib/fixes/drain-options.js';
import { drainSetting } from '../lib/fixes/drain-setting.js';
import { planDrains } from '../lib/fixes/plan-drain.js';
import { type AnalysisOptions, analysisOptions } from '../lib/analysis-options.js';
import { namedOptions } from '../lib/named-options.js';

const optionSchema = namedOptions({ ...analysisOptions, ...drainOptions });

export type Options = [AnalysisOptions & DrainOptions];
export type MessageId = 'unconsumedBody' | 'partlyReadBody' | 'unreadClone' | 'stallingClone' | 'insertDrain';

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
      unconsumedBody: 'The body of {{response}} is left unread when {{exit}}: read or drain it so the connection can be reused.',
      unreadClone:
        'The clone `{{clone}}` of {{response}} is never read: its half of the tee keeps a copy of the whole body in memory. Read or cancel it, or drop the `clone()`.',
      stallingClone:
        'The clone `{{clone}}` of {{response}} is never read: once the body outgrows the clone\'s buffer, {{client}} stops reading it, and reading the other copy waits for ever. Read both copies, or drop the `clone()`.',
      partlyReadBody:
        'The body of {{response}} is read only in part when {{exit}}: read the rest or drain it so the connection can be reused.',
      insertDrain: 'Drain {{target}} at {{lines}}{{how}}.',
    },
    schema: [optionSchema],
    defaultOptions: [{}],
  },
  create(context, [{ drainTimeoutMs, drainMaxBytes, drainWith, ...analysis }]) {
    const setting = drainSetting(context, { drainTimeoutMs, drainMaxBytes, drainWith });
    return watchResponseBodies(context, analysis, ({ leaks, clones }) => {
      for (const clone of clones) {
        context.report({
          node: clone.call,
          messageId: clone.copies === 'stalls' ? 'stallingClone' : 'unreadClone',
          data: { clone: clone.variable.name, response: describeResponse(clone.response, context.sourceCode), client: clone.response.client.label },
        });
      }
      for (const exits of leaksByResponse(leaks)) {
        const response = exits[0]!.response;
        const drain = planDrains(exits, context.sourceCode, setting);
        const named = describeResponse(response, context.sourceCode);
        const title = drain.kind === 'suggest' ? describeDrain(drain.about, named) : undefined;
        const lines = drain.kind === 'suggest' ? lineList([...new Set((drain.exits ?? []).map(exitLine))]) : '';
        context.report({
          node: response.producer,
          // One chunk taken (`reader.read()`, `res.read()`) on every leaking path: the rest is what is
          // owed. In an array of responses, a read is of some elements and the others are unread.
          messageId: !response.collection && exits.every((leak) => leak.partial) ? 'partlyReadBody' : 'unconsumedBody',
          data: { response: named, exit: describeExits(exits.map((leak) => leak.exit)) },
          fix: drain.kind === 'fix' ? drain.fix : null,
          suggest:
            drain.kind === 'suggest' && title
              ? [{ messageId: 'insertDrain', data: { target: title.target, lines, how: title.how }, fix: drain.fix }]
              : null,
        });
      }
    });
  },
});
