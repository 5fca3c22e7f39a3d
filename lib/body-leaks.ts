import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';
import type { BodyFindings } from './tracking/findings.js';
import { trackResponses, type TrackerContext } from './tracking/response-tracker.js';

export type { BodyFindings, BodyLeak, UndrainedClose, TrackedResponse, LeakExit, LeakExitKind } from './tracking/findings.js';

interface FileWatch {
  /** The rule whose listener collects candidates; the others only read the findings. */
  readonly collector: string;
  readonly calls: TSESTree.CallExpression[];
  findings?: BodyFindings;
}

const watches = new WeakMap<object, FileWatch>();

/**
 * Installs the shared analysis for this file and hands its findings to `report` at the end of the
 * traversal. Every rule of the plugin calls this; the first one created collects the candidate
 * calls, and the analysis runs once per file however many rules read it (eslint-plugin-regexp's
 * `defineRegexpVisitor` does the same for regexes).
 */
export function watchResponseBodies(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  report: (findings: BodyFindings) => void,
): TSESLint.RuleListener {
  const { sourceCode } = context;
  let watch = watches.get(sourceCode);
  if (!watch) watches.set(sourceCode, (watch = { collector: context.id, calls: [] }));
  const file = watch;
  const listener: TSESLint.RuleListener = {
    'Program:exit'() {
      file.findings ??= trackResponses(file.calls, trackerContext(context));
      report(file.findings);
    },
  };
  if (file.collector === context.id) {
    listener.CallExpression = (node) => {
      file.calls.push(node);
    };
  }
  return listener;
}

function trackerContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TrackerContext {
  const { sourceCode } = context;
  const services = sourceCode.parserServices;
  const typed = services?.program ? ESLintUtils.getParserServices(context) : undefined;
  return {
    scopeOf: (node) => sourceCode.getScope(node),
    visitorKeys: sourceCode.visitorKeys,
    types: typed ? { services: typed, checker: typed.program.getTypeChecker() } : undefined,
  };
}
