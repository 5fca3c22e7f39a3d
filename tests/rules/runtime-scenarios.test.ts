import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../../rules/index.js';
import { createTypedRuleTester, createUntypedRuleTester } from '../rule-tester.js';
import { applyLineEdits, declaredAutofix, loadScenarios } from '../runtime/harness/scenarios.js';

/**
 * The runtime scenarios as rule fixtures. Each scenario's header declares its rule verdict
 * (`@rule-expect`, `@rule-fix`, `@rule-suggest`); tests/runtime/runtime.test.ts checks the same
 * header against the linted scenario and against what Node does when it runs, so the fixtures
 * below and the runtime evidence come from one list and cannot drift apart. A scenario is valid
 * for every rule its header does not name, with type information and without.
 */
const scenarios = loadScenarios();

for (const [name, rule] of Object.entries(rules) as [string, TSESLint.RuleModule<string, readonly unknown[]>][]) {
  const ruleId = `drain/${name}`;
  const valid: ValidTestCase<readonly unknown[]>[] = [];
  const invalid: InvalidTestCase<string, readonly unknown[]>[] = [];
  for (const scenario of scenarios) {
    const reports = scenario.expectedReports.filter((report) => report.ruleId === ruleId);
    if (reports.length === 0) {
      valid.push({ name: scenario.id, code: scenario.source });
      continue;
    }
    invalid.push({
      name: scenario.id,
      code: scenario.source,
      // `null` asserts that the rule offers no autofix.
      output: declaredAutofix(scenario, ruleId) ?? null,
      errors: reports.map((report) => ({
        messageId: report.messageId,
        line: report.line,
        column: report.column,
        suggestions: report.suggestions.map((suggestion) => ({
          messageId: suggestion.messageId,
          output: applyLineEdits(scenario.source, suggestion.edits),
        })),
      })),
    });
  }
  createTypedRuleTester().run(`${name}: runtime scenarios`, rule, { valid, invalid });
  // The same verdicts without type information: every scenario's client is one the rules know by
  // import, so the untyped mode (plain JavaScript, oxlint) must find what the typed mode finds.
  createUntypedRuleTester().run(`${name}: runtime scenarios (untyped)`, rule, { valid, invalid });
}
