import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { fixturesDir } from './rule-tester.js';

/**
 * Every rule page's examples are executable: each ```ts (or ```js) block under a "❌ Incorrect"
 * heading must draw at least one report from that page's rule, and each block under "✅ Correct"
 * none from any rule of the plugin (a correct example must not teach what another rule flags).
 * `ts` blocks are linted with type information as `tests/fixtures/file.ts`; `js` blocks without it.
 */
const docsDir = path.join(__dirname, '..', 'docs', 'rules');

interface Example {
  readonly kind: 'incorrect' | 'correct';
  readonly lang: 'ts' | 'js';
  readonly code: string;
  /** 1-based line of the opening fence, to find the block from a failure. */
  readonly line: number;
}

/** Code blocks under ❌/✅ headings; other headings' blocks (options, limitations) are prose. */
function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  let kind: Example['kind'] | undefined;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      kind = heading[1]!.includes('❌') ? 'incorrect' : heading[1]!.includes('✅') ? 'correct' : undefined;
      continue;
    }
    const fence = /^```(\w+)/.exec(line);
    if (!fence) continue;
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !lines[index]!.startsWith('```'); index++) body.push(lines[index]!);
    const lang = fence[1];
    if (kind && (lang === 'ts' || lang === 'js')) examples.push({ kind, lang, code: body.join('\n'), line: start + 1 });
  }
  return examples;
}

const allRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`drain/${name}`, 'error' as const]));

const linter = new Linter({ configType: 'flat', cwd: fixturesDir });
const typedConfig: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tsParser as Linter.Parser,
      parserOptions: { projectService: true, tsconfigRootDir: fixturesDir },
    },
  },
  { files: ['**/*.ts', '**/*.js'], plugins: { drain: plugin as never }, rules: allRules },
];

function lint(example: Example): Linter.LintMessage[] {
  const filename = path.join(fixturesDir, example.lang === 'ts' ? 'file.ts' : 'file.js');
  return linter.verify(example.code, typedConfig, { filename });
}

// Rule pages only (supported-clients.md is a reference table); tests/plugin.test.ts checks that
// every rule has one.
const pages = readdirSync(docsDir)
  .filter((name) => name.endsWith('.md') && name.slice(0, -'.md'.length) in plugin.rules)
  .sort();

describe.each(pages)('docs/rules/%s', (page) => {
  const rule = `drain/${page.slice(0, -'.md'.length)}`;
  const markdown = readFileSync(path.join(docsDir, page), 'utf8');
  const examples = examplesOf(markdown);

  it('has an Options section with the generated options list', () => {
    // eslint-doc-generator's own Options check rejects the section on rules without options, so it
    // is off (.eslint-doc-generatorrc.js) and this takes its place: every page says what it takes.
    expect(markdown).toMatch(
      /^## Options\n[\s\S]*<!-- begin auto-generated rule options list -->[\s\S]*<!-- end auto-generated rule options list -->/m,
    );
  });

  it('has incorrect and correct examples', () => {
    expect(examples.filter((example) => example.kind === 'incorrect').length).toBeGreaterThan(0);
    expect(examples.filter((example) => example.kind === 'correct').length).toBeGreaterThan(0);
  });

  it.each(examples.map((example) => [`${example.kind} example at line ${example.line}`, example] as const))(
    '%s',
    (_, example) => {
      const messages = lint(example);
      const broken = messages.filter((message) => message.fatal || !message.ruleId);
      expect(broken, 'the example must parse and the rules must not crash').toEqual([]);
      const reports = messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      if (example.kind === 'incorrect') {
        expect(messages.some((message) => message.ruleId === rule), `no ${rule} report:\n${example.code}`).toBe(true);
      } else {
        expect(reports, `a correct example reports:\n${example.code}`).toEqual([]);
      }
    },
  );
});
