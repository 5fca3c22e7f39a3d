import * as fs from 'node:fs';
import * as path from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { fixturesDir } from '../rule-tester.js';
import { loadScenarios, scenariosDir } from '../runtime/harness/scenarios.js';

/**
 * How many reports come with a way out (issue 15: at least 9 of 10 carry an autofix or a
 * suggestion), counted on the fix corpus (tests/fixtures/fixable/) under each config that has
 * types, and on the runtime scenarios. The reports that get neither are the shapes the rule docs
 * list under "Reports without a fix"; this test names them, so a new one shows up here.
 */

type Offer = 'fix' | 'suggest' | 'none';

function offerOf(message: Linter.LintMessage): Offer {
  if (message.fix) return 'fix';
  return message.suggestions?.length ? 'suggest' : 'none';
}

function configFor(name: 'recommended' | 'strict', tsconfigRootDir: string): Linter.Config[] {
  const chosen = plugin.configs[name];
  return [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: parser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir } },
      plugins: chosen.plugins as unknown as Linter.Config['plugins'],
      rules: chosen.rules,
    },
  ];
}

interface Count {
  readonly total: number;
  readonly offered: number;
  /** `file:line ruleId` of each report without a fix or a suggestion. */
  readonly bare: readonly string[];
}

function count(files: readonly string[], config: Linter.Config[], root: string): Count {
  const linter = new Linter({ cwd: root });
  const bare: string[] = [];
  let total = 0;
  for (const file of files) {
    const messages = linter.verify(fs.readFileSync(file, 'utf8'), config, { filename: file });
    expect(messages.filter((message) => message.fatal).map((message) => message.message)).toEqual([]);
    for (const message of messages) {
      total += 1;
      if (offerOf(message) === 'none') bare.push(`${path.relative(root, file)}:${message.line} ${message.ruleId}`);
    }
  }
  return { total, offered: total - bare.length, bare };
}

const corpusDir = path.join(fixturesDir, 'fixable');
const corpus = fs
  .readdirSync(corpusDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => path.join(corpusDir, file));

describe('reports with an autofix or a suggestion', () => {
  for (const name of ['recommended', 'strict'] as const) {
    it(`fix corpus, ${name}: at least 9 of 10, and the rest are the shapes the docs list`, () => {
      const { total, offered, bare } = count(corpus, configFor(name, fixturesDir), fixturesDir);
      expect(total).toBeGreaterThan(30);
      expect(offered / total).toBeGreaterThanOrEqual(0.9);
      // The exit of the function is also reached by the branch that read the body: no drain there is only this branch's.
      expect(bare).toEqual(['fixable/else-branch.ts:5 drain/no-unconsumed-body']);
    });
  }

  it('runtime scenarios: every report but the shapes the docs list', () => {
    const files = loadScenarios().map((scenario) => scenario.file);
    const { total, offered, bare } = count(files, configFor('recommended', scenariosDir), scenariosDir);
    expect(total).toBeGreaterThan(30);
    // Some elements of the array are read (`rs.filter((r) => r.ok).map((r) => r.json())`): a drain
    // of the whole array would take those bodies too, and one of the others would repeat the filter.
    // The losers of `Promise.any` / `Promise.race` are out of reach: draining them means keeping their promises.
    expect(bare).toEqual(['fetch/batch-filter-ok.ts:9 drain/no-unconsumed-body', 'fetch/race-losers.ts:9 drain/no-unconsumed-body']);
    expect(offered).toBe(total - bare.length);
  });
});
