import * as fs from 'node:fs';
import * as path from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { fixturesDir } from '../rule-tester.js';

/**
 * One voice (issue 15): the plugin never inserts code that one of its configs reports. Every file
 * of the fix corpus (tests/fixtures/fixable/) is linted with `strict`, the config that reports the
 * most closes; its `--fix` output and each of its suggestions applied alone are linted with
 * `strict` again, and none may bring a report the original did not have.
 */

const corpusDir = path.join(fixturesDir, 'fixable');
const files = fs
  .readdirSync(corpusDir)
  .filter((file) => file.endsWith('.ts'))
  .sort();

const { strict } = plugin.configs;
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: parser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
    plugins: strict.plugins as unknown as Linter.Config['plugins'],
    rules: strict.rules,
  },
];

const linter = new Linter({ cwd: fixturesDir });

function lint(text: string, filename: string): Linter.LintMessage[] {
  const messages = linter.verify(text, config, { filename });
  expect(messages.filter((message) => message.fatal || !message.ruleId).map((message) => message.message)).toEqual([]);
  return messages;
}

/**
 * A report, told apart from the others by its rule, its message and the text of its line: a report
 * on a line the fix wrote (a drain) has no twin in the original and counts as new.
 */
function keys(messages: readonly Linter.LintMessage[], text: string): string[] {
  const lines = text.split(/\r?\n/);
  return messages.map((message) => `${message.ruleId}|${message.messageId}|${lines[message.line - 1]?.trim()}`);
}

/** The reports of `after` that `before` did not have, one for one. */
function added(before: readonly string[], after: readonly string[]): string[] {
  const rest = [...before];
  return after.filter((key) => {
    const index = rest.indexOf(key);
    if (index < 0) return true;
    rest.splice(index, 1);
    return false;
  });
}

describe.each(files)('%s', (file) => {
  const filename = path.join(corpusDir, file);
  const text = fs.readFileSync(filename, 'utf8');

  it('gains no strict report from its --fix output', () => {
    const before = keys(lint(text, filename), text);
    const fixed = linter.verifyAndFix(text, config, { filename });
    expect(added(before, keys(lint(fixed.output, filename), fixed.output))).toEqual([]);
  });

  it('gains no strict report from any of its suggestions', () => {
    const original = lint(text, filename);
    const before = keys(original, text);
    for (const finding of original) {
      for (const suggestion of finding.suggestions ?? []) {
        const applied = text.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + text.slice(suggestion.fix.range[1]);
        const label = `${finding.ruleId} at ${finding.line}:${finding.column}, ${suggestion.messageId}`;
        expect(added(before, keys(lint(applied, filename), applied)), label).toEqual([]);
      }
    }
  });
});

it('the corpus has reports for strict to check fixes against', () => {
  const reports = files.flatMap((file) => lint(fs.readFileSync(path.join(corpusDir, file), 'utf8'), path.join(corpusDir, file)));
  expect(reports.filter((message) => message.fix || message.suggestions?.length).length).toBeGreaterThan(files.length / 2);
});
