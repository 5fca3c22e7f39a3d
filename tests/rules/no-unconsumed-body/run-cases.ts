import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageId, type Options } from '../../../rules/no-unconsumed-body.js';
import { createTypedRuleTester, createUntypedRuleTester } from '../../rule-tester.js';

export type Valid = ValidTestCase<Options>;
export type Invalid = InvalidTestCase<MessageId, Options>;

/** A group of cases with the same expectation whether or not the file has type information. */
export interface RuleCases {
  readonly valid: readonly Valid[];
  readonly invalid: readonly Invalid[];
}

/** Cases whose verdict needs the type checker (wrappers, shadowed `fetch`) or only holds without it. */
export interface SplitCases {
  readonly both: RuleCases;
  readonly typedOnly?: RuleCases;
  readonly untypedOnly?: RuleCases;
}

const none: RuleCases = { valid: [], invalid: [] };

/**
 * Runs one topic's cases twice: type-aware (`projectService` on `tests/fixtures/file.ts`) and from
 * names and imports only, as for a plain JavaScript project. The rule must agree with itself on
 * every case in `both`, down to the fixed `output` and each suggestion's `output`: the drain is
 * chosen from the response's client, which names and imports settle as well as types do.
 */
export function runCases(topic: string, { both, typedOnly = none, untypedOnly = none }: SplitCases): void {
  createTypedRuleTester().run(`no-unconsumed-body: ${topic} (typed)`, rule, {
    valid: [...both.valid, ...typedOnly.valid],
    invalid: [...both.invalid, ...typedOnly.invalid],
  });
  createUntypedRuleTester().run(`no-unconsumed-body: ${topic} (untyped)`, rule, {
    valid: [...both.valid, ...untypedOnly.valid],
    invalid: [...both.invalid, ...untypedOnly.invalid],
  });
}
