import type { TSESTree } from '@typescript-eslint/utils';
import { watchResponseBodies } from '../lib/body-leaks.js';
import { createRule } from '../lib/create-rule.js';
import { describeDrain } from '../lib/describe-drain.js';
import { callText, describeResponse } from '../lib/describe-response.js';
import { shouldReportClose } from '../lib/close-policy.js';
import { type DrainOptions, drainOptions } from '../lib/fixes/drain-options.js';
import { drainSetting } from '../lib/fixes/drain-setting.js';
import { planCloseDrain } from '../lib/fixes/plan-close-drain.js';
import { planHeadRequest } from '../lib/fixes/plan-head-request.js';
import { type AnalysisOptions, analysisOptions } from '../lib/analysis-options.js';
import { namedOptions } from '../lib/named-options.js';

const optionSchema = namedOptions({
  ...analysisOptions,
  ...drainOptions,
  reportDeliberate: {
    schema: {
      type: 'boolean',
      description: 'Also report closes in branches that checked the body size or content type before deciding not to read it.',
    },
    expected: 'a boolean',
  },
  reportErrorPaths: {
    schema: {
      type: 'boolean',
      description: 'Also report cancels on paths that established an error status (error bodies from 16 KiB on lose their connection too).',
    },
    expected: 'a boolean',
  },
});

export type Options = [AnalysisOptions & DrainOptions & { reportDeliberate?: boolean; reportErrorPaths?: boolean }];
export type MessageId = 'cancelUnread' | 'destroyUnread' | 'drainInstead' | 'useHead';

export default createRule<Options, MessageId>({
  name: 'no-undrained-close',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow closing an HTTP response body that nothing has read',
      recommended: true,
      requiresTypeChecking: false,
    },
    messages: {
      cancelUnread:
        '`{{close}}` closes the unread body of {{response}}, which can cost its connection: drain the body instead, or send a HEAD request if only the headers matter.',
      destroyUnread: '`{{close}}` closes the unread body of {{response}}, which can cost its connection: drain the body instead.',
      drainInstead: 'Drain {{target}} instead{{how}}.',
      useHead: "Send `{{call}}` with `method: 'HEAD'`: no path reads its body.",
    },
    hasSuggestions: true,
    schema: [optionSchema],
    defaultOptions: [{ reportDeliberate: false, reportErrorPaths: false }],
  },
  create(context, [{ reportDeliberate, reportErrorPaths, drainTimeoutMs, drainMaxBytes, drainWith, ...analysis }]) {
    const setting = drainSetting(context, { drainTimeoutMs, drainMaxBytes, drainWith });
    const policy = { reportDeliberate: reportDeliberate === true, reportErrorPaths: reportErrorPaths === true };
    return watchResponseBodies(context, analysis, ({ closes }) => {
      for (const close of closes) {
        if (!shouldReportClose(close, policy)) continue;
        const drain = planCloseDrain(close, context.sourceCode, setting);
        const head = planHeadRequest(close, context.sourceCode);
        const named = describeResponse(close.response, context.sourceCode);
        const title = drain.kind === 'suggest' ? describeDrain(drain.about, 'the body') : undefined;
        context.report({
          node: close.call,
          messageId: close.close === 'cancel' ? 'cancelUnread' : 'destroyUnread',
          data: { close: callText(close.call, context.sourceCode), response: named },
          suggest: [
            ...(drain.kind === 'suggest' && title
              ? [{ messageId: 'drainInstead' as const, data: { target: title.target, how: title.how }, fix: drain.fix }]
              : []),
            // planHeadRequest edits only a producing call.
            ...(head ? [{ messageId: 'useHead' as const, data: { call: callText(close.response.producer as TSESTree.CallExpression, context.sourceCode) }, fix: head }] : []),
          ],
        });
      }
    });
  },
});
