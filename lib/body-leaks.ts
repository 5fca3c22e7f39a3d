import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';
import type { BodyFindings, BodyLeak } from './tracking/findings.js';
import { trackResponses, type TrackerContext } from './tracking/response-tracker.js';
import { analysisKey, type AnalysisOptions } from './analysis-options.js';

export type { BodyFindings, BodyLeak, UndrainedClose, TrackedResponse, LeakExit, LeakExitKind } from './tracking/findings.js';

interface FileWatch {
  /** The rule whose listener collects candidates; the others only read the findings. */
  readonly collector: string;
  readonly calls: TSESTree.CallExpression[];
  /** Functions with a type-annotated parameter: typed helpers that may receive a response. */
  readonly functions: FunctionWithBody[];
  /** Findings per analysis options: rules configured alike share one run. */
  readonly findings: Map<string, BodyFindings>;
}

/** The leaks of each response, in source order: one report names every exit that leaks it. */
export function leaksByResponse(leaks: readonly BodyLeak[]): BodyLeak[][] {
  const byProducer = new Map<TSESTree.Node, BodyLeak[]>();
  for (const leak of leaks) {
    const exits = byProducer.get(leak.response.producer);
    if (exits) exits.push(leak);
    else byProducer.set(leak.response.producer, [leak]);
  }
  return [...byProducer.values()];
}

type FunctionWithBody = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

const watches = new WeakMap<object, FileWatch>();

/**
 * Installs the shared analysis for this file and hands its findings to `report` at the end of the
 * traversal. Every rule of the plugin calls this; the first one created collects the candidate
 * calls, and the analysis runs once per file however many rules read it (eslint-plugin-regexp's
 * `defineRegexpVisitor` does the same for regexes).
 */
export function watchResponseBodies(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: AnalysisOptions,
  report: (findings: BodyFindings) => void,
): TSESLint.RuleListener {
  const { sourceCode } = context;
  let watch = watches.get(sourceCode);
  if (!watch) watches.set(sourceCode, (watch = { collector: context.id, calls: [], functions: [], findings: new Map() }));
  const file = watch;
  const listener: TSESLint.RuleListener = {
    'Program:exit'() {
      const key = analysisKey(options);
      let findings = file.findings.get(key);
      if (!findings) file.findings.set(key, (findings = trackResponses(file.calls, file.functions, trackerContext(context, options))));
      report(findings);
    },
  };
  if (file.collector === context.id) {
    listener.CallExpression = (node) => {
      file.calls.push(node);
    };
    const collectFunction = (node: FunctionWithBody) => {
      if (node.params.some((param) => param.type === 'Identifier' && param.typeAnnotation)) file.functions.push(node);
    };
    listener.FunctionDeclaration = collectFunction;
    listener.FunctionExpression = collectFunction;
    listener.ArrowFunctionExpression = collectFunction;
  }
  return listener;
}

function trackerContext(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  options: AnalysisOptions,
): TrackerContext {
  const { sourceCode } = context;
  const services = sourceCode.parserServices;
  const typed = services?.program ? ESLintUtils.getParserServices(context) : undefined;
  return {
    scopeOf: (node) => sourceCode.getScope(node),
    filename: context.filename,
    visitorKeys: sourceCode.visitorKeys,
    commentsOf: (node) => leadingComments(sourceCode, node),
    options,
    types: typed ? { services: typed, checker: typed.program.getTypeChecker() } : undefined,
  };
}

/** Comments before the statement that declares a function (`export`, `const f = …` included). */
function leadingComments(sourceCode: Readonly<TSESLint.SourceCode>, fn: TSESTree.Node): string[] {
  let statement: TSESTree.Node = fn;
  while (
    statement.parent &&
    (statement.parent.type === 'VariableDeclarator' ||
      statement.parent.type === 'VariableDeclaration' ||
      statement.parent.type === 'ExportNamedDeclaration' ||
      statement.parent.type === 'ExportDefaultDeclaration' ||
      statement.parent.type === 'MethodDefinition' ||
      statement.parent.type === 'Property' ||
      statement.parent.type === 'PropertyDefinition')
  ) {
    statement = statement.parent;
  }
  return sourceCode.getCommentsBefore(statement).map((comment) => comment.value);
}
