import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStage, writeTsconfig } from '../../scripts/soak/corpus.js';
import { type FileOutcome, SoakLinter } from '../../scripts/soak/soak-linter.js';
import { newTscErrors } from '../../scripts/soak/tsc-check.js';

/**
 * Every crash or fix failure the soak run found, reduced to the smallest file that shows it. Each
 * case goes through the soak's own checks, with and without type information: no exception, and a
 * fixed file parses, needs no second fix, gains no report and (typed) no `tsc` error. The checks
 * do not prescribe the fix: reporting without a fix, or a different safe fix, also passes.
 */
interface Regression {
  readonly name: string;
  /** Where the soak found it. */
  readonly found: string;
  readonly file: string;
  readonly code: string;
}

const regressions: readonly Regression[] = [
  {
    name: 'a return that makes the response in a comma expression gets no drain in front of it',
    found:
      'odd-syntax/expressions.ts: the fix inserted `await res.body?.pipeTo(…)` before the return that assigns `res`, ' +
      'so it ran before the response existed (tsc TS2454) and the report came back on every pass (no convergence).',
    file: 'comma-return.ts',
    code: `
export async function commas(url: string): Promise<number> {
  let res: Response;
  return (res = await fetch(url), res.status);
}
`,
  },
];

const modulesDir = path.join(__dirname, '..', '..', 'node_modules');
let stage: string;
let dir: string;

beforeAll(() => {
  stage = createStage('regressions', modulesDir);
  dir = path.join(stage, 'snippets');
  fs.mkdirSync(dir);
  // Written before the first lint: the project service reads the folder when it loads the project.
  for (const regression of regressions) fs.writeFileSync(path.join(dir, regression.file), regression.code);
  writeTsconfig(
    dir,
    regressions.map((regression) => path.join(dir, regression.file)),
  );
});

afterAll(() => {
  if (stage) fs.rmSync(stage, { recursive: true, force: true });
});

function problems(outcome: FileOutcome): string[] {
  return [
    ...(outcome.crash ? [`crash in ${outcome.crash.ruleId}: ${outcome.crash.message}\n${outcome.crash.stack}`] : []),
    ...(outcome.parseError ? [`parse error: ${outcome.parseError}`] : []),
    ...outcome.fixFailures.map((failure) => `${failure.check}: ${failure.detail}\n${failure.hunk ?? ''}`),
  ];
}

describe('soak regressions', () => {
  it.each(regressions)('$name (untyped)', (regression) => {
    const file = path.join(dir, regression.file);
    const outcome = new SoakLinter('untyped', stage).lintFile(file, regression.code);
    expect(problems(outcome), regression.found).toEqual([]);
  });

  it.each(regressions)('$name (typed)', (regression) => {
    const file = path.join(dir, regression.file);
    const outcome = new SoakLinter('typed', stage).lintFile(file, regression.code);
    expect(problems(outcome), regression.found).toEqual([]);
    if (outcome.output !== undefined) {
      expect(newTscErrors(path.join(dir, 'tsconfig.json'), new Map([[file, outcome.output]])), regression.found).toEqual([]);
    }
  });
});
