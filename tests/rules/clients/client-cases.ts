import type { InvalidTestCase, RuleTester, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import noUnconsumedBody, * as unconsumed from '../../../rules/no-unconsumed-body.js';
import noUndrainedClose, * as undrained from '../../../rules/no-undrained-close.js';
import { createTypedRuleTester, createUntypedRuleTester } from '../../rule-tester.js';

/** Cases for one rule, with the same verdict, fix and suggestions with and without types. */
export interface RuleCases<MessageId extends string, Options extends readonly unknown[]> {
  readonly valid: readonly ValidTestCase<Options>[];
  readonly invalid: readonly InvalidTestCase<MessageId, Options>[];
}

/** Cases that hold in both modes, and those whose verdict needs (or only holds without) the checker. */
export interface SplitCases<MessageId extends string, Options extends readonly unknown[]> {
  readonly both: RuleCases<MessageId, Options>;
  readonly typedOnly?: RuleCases<MessageId, Options>;
  readonly untypedOnly?: RuleCases<MessageId, Options>;
}

export type UnconsumedCases = SplitCases<unconsumed.MessageId, unconsumed.Options>;
export type UndrainedCases = SplitCases<undrained.MessageId, undrained.Options>;

/** One client's cases for both rules of the plugin. */
export interface ClientSuite {
  readonly 'no-unconsumed-body': UnconsumedCases;
  readonly 'no-undrained-close': UndrainedCases;
}

/**
 * Runs a client's cases for both rules, type-aware (`tests/fixtures/file.ts` with the real
 * declarations of every client) and from imports only, as in a JavaScript project. Unlike the
 * detection suites these keep fixes and suggestions: each client's drain is part of what is tested.
 */
export function runClientCases(client: string, suite: ClientSuite): void {
  runBoth(`${client}: no-unconsumed-body`, noUnconsumedBody, suite['no-unconsumed-body']);
  runBoth(`${client}: no-undrained-close`, noUndrainedClose, suite['no-undrained-close']);
}

function runBoth<MessageId extends string, Options extends readonly unknown[]>(
  title: string,
  rule: TSESLint.RuleModule<MessageId, Options>,
  { both, typedOnly, untypedOnly }: SplitCases<MessageId, Options>,
): void {
  const run = (tester: RuleTester, mode: string, extra: RuleCases<MessageId, Options> | undefined) =>
    tester.run(`${title} (${mode})`, rule, {
      valid: [...both.valid, ...(extra?.valid ?? [])],
      invalid: [...both.invalid, ...(extra?.invalid ?? [])],
    });
  run(createTypedRuleTester(), 'typed', typedOnly);
  run(createUntypedRuleTester(), 'untyped', untypedOnly);
}
