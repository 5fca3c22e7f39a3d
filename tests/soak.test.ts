import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStage, stagePackages } from '../scripts/soak/corpus.js';
import type { SourceSpec } from '../scripts/soak/corpus-sources.js';
import { writeOddSyntax } from '../scripts/soak/odd-syntax.js';
import { formatResults, type PassResult, runPass, type SoakTarget } from '../scripts/soak/soak-run.js';

/**
 * `npm run soak` in small: the same linter, fix loop and safety checks on sources that `npm ci`
 * already installed (no network), plus the generated odd-syntax files with a shorter long file.
 * A failure prints the soak's own report: the crash's stack, or the fix and the check it failed.
 */
const modulesDir = path.join(__dirname, '..', 'node_modules');

const reducedSources: Record<string, SourceSpec> = {
  undici: { include: ['lib'], why: 'fetch and request implementation' },
  'node-fetch': { include: ['src'], why: 'fetch over node:http' },
  'typescript-eslint': { include: ['dist'], why: 'compiled TypeScript' },
  '@typescript-eslint/utils': { include: ['dist'], why: 'compiled TypeScript' },
  '@typescript-eslint/typescript-estree': { include: ['dist'], why: 'compiled TypeScript, deep recursion' },
};

// The typed pass builds one program per package; these are the ones where types change what the
// rules see (fetch and http code), kept small so `npm test` stays quick.
const typedLabels = new Set(['odd-syntax', 'node-fetch', 'undici']);

const ruleIds = ['drain/no-unconsumed-body', 'drain/no-undrained-close'];

let stage: string;
let targets: SoakTarget[];

beforeAll(() => {
  stage = createStage('test', modulesDir);
  const oddDir = path.join(stage, 'odd-syntax');
  targets = [
    { label: 'odd-syntax', root: oddDir, files: writeOddSyntax(oddDir, { longFileLines: 3_000 }) },
    ...stagePackages(stage, modulesDir, reducedSources).map(({ name, root, files }) => ({ label: name, root, files })),
  ];
});

afterAll(() => {
  if (stage) fs.rmSync(stage, { recursive: true, force: true });
});

/** Everything that must be zero, with enough context to act on it. */
function problems(result: PassResult): string[] {
  return [
    ...result.crashes.map((crash) => `crash in ${crash.ruleId ?? 'no rule'} on ${path.relative(stage, crash.file)} (${crash.phase}): ${crash.message}`),
    ...result.fixFailures.map((failure) => `fix failure (${failure.check}) on ${path.relative(stage, failure.file)}: ${failure.detail}`),
    ...result.parseErrors.map(({ file, error }) => `parse error on ${path.relative(stage, file)}: ${error}`),
  ];
}

describe('reduced soak', () => {
  it('stages a few hundred real files and every odd-syntax file', () => {
    const total = targets.reduce((sum, target) => sum + target.files.length, 0);
    expect(total).toBeGreaterThan(200);
    expect(targets.map((target) => target.files.length).every((count) => count > 0)).toBe(true);
  });

  it('lints without type information: no crash, no fix failure, no parse error', () => {
    const result = runPass('untyped', stage, targets);
    expect(problems(result), formatResults([result], ruleIds, stage)).toEqual([]);
    expect(result.reports['drain/no-unconsumed-body']).toBeGreaterThan(0);
    expect(result.fixedFiles).toBeGreaterThan(0);
  }, 180_000);

  it('lints with type information: no crash, no fix failure, no new tsc error', () => {
    const result = runPass(
      'typed',
      stage,
      targets.filter((target) => typedLabels.has(target.label)),
    );
    expect(problems(result), formatResults([result], ruleIds, stage)).toEqual([]);
    expect(result.reports['drain/no-unconsumed-body']).toBeGreaterThan(0);
    expect(result.tscChecked).toBe(result.fixedFiles);
  }, 180_000);
});
