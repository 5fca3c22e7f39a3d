import { watchResponseBodies } from '../lib/body-leaks.js';
import { createRule } from '../lib/create-rule.js';
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
        'Cancelling this unread body discards the keep-alive connection; drain it so the connection can be reused (or use a HEAD request if only headers are needed).',
      destroyUnread:
        'Destroying this unread {{client}} response throws its connection away at any body size; drain it so the connection can be reused.',
      drainInstead: 'Drain the body with `{{drain}}` instead, so the connection goes back to the pool.',
      useHead: "Send a HEAD request (`method: 'HEAD'`): no path here reads the body.",
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
        context.report({
          node: close.call,
          messageId: close.close === 'cancel' ? 'cancelUnread' : 'destroyUnread',
          data: { client: close.response.client.label },
          suggest: [
            ...(drain.kind === 'suggest' ? [{ messageId: 'drainInstead' as const, data: { drain: drain.drain }, fix: drain.fix }] : []),
            ...(head ? [{ messageId: 'useHead' as const, fix: head }] : []),
          ],
        });
      }
    });
  },
});
