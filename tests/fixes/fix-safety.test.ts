import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import noUnconsumedBody from '../../rules/no-unconsumed-body.js';
import noUndrainedClose from '../../rules/no-undrained-close.js';
import { fixturesDir } from '../rule-tester.js';

/**
 * Proof for the fixes (issue 7) and for the promise that the two rules never disagree (issue 4):
 * every file in tests/fixtures/fixable/ is linted with both rules and type information, fixed as
 * `eslint --fix` would, and every suggestion is applied on its own. Fixed code must parse, be
 * stable, be clean where every report had a fix, and type-check with no new errors; a suggestion
 * must settle its own finding without the other rule (or the same one) objecting to the result.
 */

const corpusDir = path.join(fixturesDir, 'fixable');
const repoRoot = path.resolve(fixturesDir, '..', '..');
const files = fs
  .readdirSync(corpusDir)
  .filter((file) => file.endsWith('.ts'))
  .sort();

const ruleIds = ['drain/no-unconsumed-body', 'drain/no-undrained-close'] as const;

const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: parser as Linter.Parser,
      parserOptions: { projectService: true, tsconfigRootDir: fixturesDir },
    },
    plugins: {
      drain: {
        rules: {
          'no-unconsumed-body': noUnconsumedBody as never,
          'no-undrained-close': noUndrainedClose as never,
        },
      },
    },
    rules: { 'drain/no-unconsumed-body': 'error', 'drain/no-undrained-close': 'error' },
  },
];

const linter = new Linter({ cwd: fixturesDir });

/** What a report offers: `fix`, `suggest` (suggestions only) or `none`. */
type Offer = 'fix' | 'suggest' | 'none';
type Expectation = Partial<Record<'no-unconsumed-body' | 'no-undrained-close', Partial<Record<Offer, number>>>>;

function offerOf(message: Linter.LintMessage): Offer {
  if (message.fix) return 'fix';
  return message.suggestions?.length ? 'suggest' : 'none';
}

/** The `// expect {…}` header: how many reports of each rule offer a fix, suggestions or nothing. */
function expectationOf(text: string, file: string): Expectation {
  const header = /^\/\/ expect (\{.*\})\r?$/m.exec(text);
  if (!header) throw new Error(`${file} has no "// expect {…}" header`);
  return JSON.parse(header[1]!) as Expectation;
}

function summarise(messages: readonly Linter.LintMessage[]): Expectation {
  const summary: Expectation = {};
  for (const message of messages) {
    const rule = message.ruleId!.replace('drain/', '') as keyof Expectation;
    const offers = (summary[rule] ??= {});
    offers[offerOf(message)] = (offers[offerOf(message)] ?? 0) + 1;
  }
  return summary;
}

function lint(text: string, filename: string): Linter.LintMessage[] {
  const messages = linter.verify(text, config, { filename });
  const fatal = messages.filter((message) => message.fatal || !message.ruleId);
  expect(fatal.map((message) => message.message), `${path.basename(filename)} must parse`).toEqual([]);
  return messages;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/**
 * Identifies reports across an edit: by rule, message and position, with positions after the edit
 * shifted back and positions inside the edited text collapsed to one `spot`.
 */
function keysAcrossEdit(
  messages: readonly Linter.LintMessage[],
  text: string,
  edit: { start: number; end: number },
): string[] {
  return messages.map((message) => {
    const offset = offsetOf(text, message.line, message.column);
    const where = offset < edit.start ? offset : offset >= edit.end ? `+${text.length - offset}` : 'spot';
    return `${message.ruleId}|${message.messageId}|${where}`;
  });
}

/** Removes one occurrence of each of `remove` from `from`. */
function without(from: readonly string[], remove: readonly string[]): string[] {
  const rest = [...from];
  for (const item of remove) {
    const index = rest.indexOf(item);
    if (index >= 0) rest.splice(index, 1);
  }
  return rest;
}

/**
 * Code that `tsc` checks at the end, in one program: originals, fixed files, applied suggestions.
 * Filled by the per-file tests, which vitest runs first, in order.
 */
const typeCheck = { original: new Map<string, string>(), changed: new Map<string, { from: string; text: string }>() };

describe.each(files)('%s', (file) => {
  const filename = path.join(corpusDir, file);
  const text = fs.readFileSync(filename, 'utf8');
  typeCheck.original.set(file, text);
  let original: Linter.LintMessage[] = [];

  it('reports what its header expects', () => {
    // A checkout that normalised line endings would quietly drop the CRLF case (see .gitattributes).
    if (file.startsWith('crlf')) expect(text).toContain('\r\n');
    original = lint(text, filename);
    expect(summarise(original)).toEqual(expectationOf(text, file));
  });

  it('fixes to code that parses, is stable and leaves only reports that had no fix', () => {
    const fixed = linter.verifyAndFix(text, config, { filename });
    expect(fixed.messages.filter((message) => message.fatal).map((message) => message.message)).toEqual([]);
    const hadFix = original.filter((message) => message.fix).length;
    expect(fixed.fixed).toBe(hadFix > 0);
    if (!fixed.fixed) return;
    typeCheck.changed.set(`fixed/${file}`, { from: file, text: fixed.output });
    // The fixed output keeps the file's line endings: no lone `\n` in a CRLF file, no `\r` elsewhere.
    if (text.includes('\r\n')) expect(fixed.output.replaceAll('\r\n', '')).not.toContain('\n');
    else expect(fixed.output).not.toContain('\r');
    const again = linter.verifyAndFix(fixed.output, config, { filename });
    expect(again.fixed, 'a second --fix changes nothing').toBe(false);
    const left = fixed.messages.map((message) => `${message.ruleId}|${message.messageId}`).sort();
    const unfixable = original.filter((message) => !message.fix).map((message) => `${message.ruleId}|${message.messageId}`);
    expect(left).toEqual(unfixable.sort());
  });

  it('applies each suggestion alone to code that parses and settles that finding only', () => {
    let count = 0;
    for (const [index, finding] of original.entries()) {
      for (const suggestion of finding.suggestions ?? []) {
        const { range, text: replacement } = suggestion.fix;
        const applied = text.slice(0, range[0]) + replacement + text.slice(range[1]);
        const label = `${file}: ${finding.ruleId} at ${finding.line}:${finding.column}, suggestion ${suggestion.messageId}`;
        const after = lint(applied, filename);
        typeCheck.changed.set(`suggested/${file.replace(/\.ts$/, '')}.${index}.${count++}.ts`, { from: file, text: applied });
        const before = keysAcrossEdit(original, text, { start: range[0], end: range[1] });
        const now = keysAcrossEdit(after, applied, { start: range[0], end: range[0] + replacement.length });
        const [settled] = keysAcrossEdit([finding], text, { start: range[0], end: range[1] });
        for (const rule of ruleIds) {
          const ofRule = (keys: readonly string[]) => keys.filter((key) => key.startsWith(`${rule}|`));
          const allowed = rule === finding.ruleId ? without(ofRule(before), [settled!]) : ofRule(before);
          const added = without(ofRule(now), allowed);
          expect(added, `${label}: ${rule} must not report anything new`).toEqual([]);
        }
      }
    }
    expect(count).toBe(original.reduce((sum, message) => sum + (message.suggestions?.length ?? 0), 0));
  });
});

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'drain-fix-safety-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

it('type-checks the fixed corpus and every suggestion with no error the original did not have', () => {
  const fixtureOptions = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: Record<string, unknown>;
  };
  const nodeModules = path.join(repoRoot, 'node_modules');
  // The same options as tests/fixtures; the copies live outside the repo, so point at its packages.
  const tsconfig = {
    compilerOptions: {
      ...fixtureOptions.compilerOptions,
      typeRoots: [path.join(nodeModules, '@types')],
      paths: { '*': [path.join(nodeModules, '*'), path.join(nodeModules, '@types', '*')] },
    },
    include: ['**/*.ts'],
  };
  fs.writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(scratch, relative)), { recursive: true });
    fs.writeFileSync(path.join(scratch, relative), text);
  };
  for (const [file, text] of typeCheck.original) write(`original/${file}`, text);
  for (const [relative, { text }] of typeCheck.changed) write(relative, text);
  expect(typeCheck.changed.size).toBeGreaterThan(files.length / 2);

  const tsc = spawnSync(process.execPath, [path.join(nodeModules, 'typescript', 'bin', 'tsc'), '-p', scratch, '--pretty', 'false'], {
    encoding: 'utf8',
  });
  expect(tsc.error).toBeUndefined();
  const errors = new Map<string, string[]>();
  for (const line of tsc.stdout.split(/\r?\n/)) {
    const match = /^(.+?)\(\d+,\d+\): error (TS\d+: .*)$/.exec(line);
    if (!match) continue;
    const relative = path.relative(scratch, path.resolve(scratch, match[1]!)).split(path.sep).join('/');
    errors.set(relative, [...(errors.get(relative) ?? []), match[2]!]);
  }
  const unexpected = [...errors.keys()].filter((relative) => !relative.startsWith('original/') && !typeCheck.changed.has(relative));
  expect(unexpected, tsc.stdout).toEqual([]);
  const added: string[] = [];
  for (const [relative, { from }] of typeCheck.changed) {
    for (const error of without(errors.get(relative) ?? [], errors.get(`original/${from}`) ?? [])) added.push(`${relative}: ${error}`);
  }
  expect(added).toEqual([]);
});
