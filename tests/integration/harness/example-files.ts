import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './workspace.js';

/** `examples/`, the small project `npm run demo` lints. */
export const examplesDir = path.join(repoRoot, 'examples');

/** An example with leaks and its fixed twin from `examples/fixed/`. */
export interface ExamplePair {
  file: string;
  leaking: string;
  fixed: string;
  /** The `line:column` of each `drain/no-unconsumed-body` report its header announces. */
  reports: { line: number; column: number }[];
}

/**
 * The TypeScript examples whose header announces only `drain/no-unconsumed-body` reports and that
 * have a fixed twin (what `eslint --fix` makes of them): the files the editor tests open and edit.
 */
export function examplePairs(): ExamplePair[] {
  const fixedDir = path.join(examplesDir, 'fixed');
  const names = fs.existsSync(fixedDir) ? fs.readdirSync(fixedDir).filter((name) => name.endsWith('.ts')).sort() : [];
  const pairs: ExamplePair[] = [];
  for (const name of names) {
    const file = path.join(examplesDir, 'src', name);
    if (!fs.existsSync(file)) continue;
    const leaking = fs.readFileSync(file, 'utf8');
    const expects = leaking.split('\n').filter((line) => line.startsWith('// expect:'));
    const reports = expects.map((line) => /^\/\/ expect: drain\/no-unconsumed-body at (\d+):(\d+)$/.exec(line));
    if (reports.length === 0 || reports.some((match) => !match)) continue;
    pairs.push({
      file,
      leaking,
      fixed: fs.readFileSync(path.join(fixedDir, name), 'utf8'),
      reports: reports.map((match) => ({ line: Number(match![1]), column: Number(match![2]) })),
    });
  }
  return pairs;
}

/** The first {@link examplePairs} entry with a single report: one quick fix turns it into its twin. */
export function fixableExample(): ExamplePair {
  const pair = examplePairs().find((candidate) => candidate.reports.length === 1);
  if (!pair) throw new Error('examples/ has no src/<file>.ts with one "expect: drain/no-unconsumed-body" header and a fixed/<file>.ts twin');
  return pair;
}
