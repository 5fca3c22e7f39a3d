import * as parser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

/** What a probe sees: the node right after the `/* target … *\/` marker, and the marker's words. */
export interface ProbeTarget {
  readonly node: TSESTree.Node;
  /** Words after `target` in the marker, e.g. `#promise`. */
  readonly words: readonly string[];
  readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
}

/**
 * Parses `code` (without type information) and hands the innermost node that starts right after
 * the `/* target *\/` comment to `inspect`, the way eslint-plugin-regexp's probe tests look at one
 * expression with everything ESLint provides (parents, scopes).
 */
export function probe<T>(code: string, inspect: (target: ProbeTarget) => T): T {
  let result: { value: T } | undefined;
  const rule: TSESLint.RuleModule<never> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      return {
        'Program:exit'() {
          const { sourceCode } = context;
          const marker = sourceCode.getAllComments().find((comment) => /^\s*target\b/.test(comment.value));
          if (!marker) throw new Error('no /* target */ marker');
          const token = sourceCode.getTokenAfter(marker, { includeComments: false });
          if (!token) throw new Error('nothing after the marker');
          const node = sourceCode.getNodeByRangeIndex(token.range[0]) as TSESTree.Node | null;
          if (!node) throw new Error('no node after the marker');
          const words = marker.value.trim().split(/\s+/).slice(1);
          result = { value: inspect({ node, words, context }) };
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: parser as never },
        plugins: { probe: { rules: { target: rule as never } } },
        rules: { 'probe/target': 'error' },
      },
    ],
    { filename: 'probe.ts' },
  );
  const problems = messages.filter((message) => message.fatal || message.severity === 2);
  if (problems.length > 0) throw new Error(problems.map((message) => message.message).join('\n'));
  if (!result) throw new Error('probe did not run');
  return result.value;
}
