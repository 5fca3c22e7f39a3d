import * as fs from 'node:fs';
import * as path from 'node:path';
import { changedLines, type Crash, type Finding, type FixFailure, type PassKind, SoakLinter } from './soak-linter.js';
import { newTscErrors } from './tsc-check.js';

/** A group of files sharing one generated `tsconfig.json` in `root`: a package, or the odd-syntax set. */
export interface SoakTarget {
  readonly label: string;
  readonly root: string;
  readonly files: readonly string[];
}

/** One report of the plugin on an unfixed file of a target. */
export interface SoakFinding extends Finding {
  /** The target's label: `name@version`, or the odd-syntax set's. */
  readonly target: string;
  /** Absolute path in the stage folder. */
  readonly file: string;
  /** Path relative to the target's root, with `/`. */
  readonly relative: string;
}

/** Counts for one pass over every target. */
export interface PassResult {
  readonly pass: PassKind;
  files: number;
  linted: number;
  parseErrors: { file: string; error: string }[];
  crashes: Crash[];
  fixFailures: FixFailure[];
  reports: Record<string, number>;
  /** Files that at least one report was on. */
  filesWithReports: number;
  fixedFiles: number;
  fixesApplied: number;
  /** Fixed files that `tsc --noEmit` compared (typed pass only). */
  tscChecked: number;
  ms: number;
  /** CPU time of the process(es) that ran the pass: wall time on a busy machine says little. */
  cpuMs: number;
  slowest: { file: string; ms: number }[];
  /** Per target: files, reports and fixed files. */
  byTarget: Record<string, { files: number; reports: number; fixedFiles: number }>;
  /** Every report of the plugin, with its target's label and its file, for review. */
  findings: SoakFinding[];
  /** Fixed texts, kept only when asked for (tests show them in failures). */
  outputs?: Map<string, string>;
}

/** Options of {@link runPass}. */
export interface PassOptions {
  readonly log?: (line: string) => void;
  readonly keepOutputs?: boolean;
  /** Compare `tsc --noEmit` before and after on fixed files (typed pass). Default: true. */
  readonly tsc?: boolean;
}

/** Lints every file of every target once, fixing in memory, and tallies what happened. */
export function runPass(pass: PassKind, stage: string, targets: readonly SoakTarget[], options: PassOptions = {}): PassResult {
  const log = options.log ?? (() => {});
  const linter = new SoakLinter(pass, stage);
  const result: PassResult = {
    pass,
    files: 0,
    linted: 0,
    parseErrors: [],
    crashes: [],
    fixFailures: [],
    reports: {},
    filesWithReports: 0,
    fixedFiles: 0,
    fixesApplied: 0,
    tscChecked: 0,
    ms: 0,
    cpuMs: 0,
    slowest: [],
    byTarget: {},
    findings: [],
    ...(options.keepOutputs ? { outputs: new Map<string, string>() } : {}),
  };
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const timings: { file: string; ms: number }[] = [];
  for (const target of targets) {
    const targetStarted = performance.now();
    const fixed = new Map<string, string>();
    const tally = (result.byTarget[target.label] = { files: target.files.length, reports: 0, fixedFiles: 0 });
    for (const file of target.files) {
      const text = fs.readFileSync(file, 'utf8');
      const fileStarted = performance.now();
      const outcome = linter.lintFile(file, text);
      timings.push({ file, ms: performance.now() - fileStarted });
      result.files++;
      if (outcome.status === 'parse-error') result.parseErrors.push({ file, error: outcome.parseError ?? '' });
      else if (outcome.crash) result.crashes.push(outcome.crash);
      else result.linted++;
      let reported = false;
      for (const [rule, count] of Object.entries(outcome.reports)) {
        result.reports[rule] = (result.reports[rule] ?? 0) + count;
        tally.reports += count;
        reported = true;
      }
      const relative = path.relative(target.root, file).split(path.sep).join('/');
      for (const finding of outcome.findings ?? []) result.findings.push({ ...finding, target: target.label, file, relative });
      if (reported) result.filesWithReports++;
      result.fixesApplied += outcome.fixesApplied;
      result.fixFailures.push(...outcome.fixFailures);
      if (outcome.output !== undefined) {
        result.fixedFiles++;
        tally.fixedFiles++;
        fixed.set(file, outcome.output);
        result.outputs?.set(file, outcome.output);
      }
    }
    if (pass === 'typed' && options.tsc !== false && fixed.size > 0) {
      for (const { file, errors } of newTscErrors(path.join(target.root, 'tsconfig.json'), fixed)) {
        result.fixFailures.push({ file, pass, check: 'tsc', detail: errors.join('; '), hunk: changedLines(fs.readFileSync(file, 'utf8'), fixed.get(file) ?? '') });
      }
      result.tscChecked += fixed.size;
    }
    log(
      `${pass.padEnd(7)} ${target.label.padEnd(28)} ${String(target.files.length).padStart(5)} files ` +
        `${((performance.now() - targetStarted) / 1000).toFixed(1).padStart(6)} s` +
        (fixed.size > 0 ? `  ${fixed.size} fixed` : ''),
    );
  }
  result.ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  result.cpuMs = (cpu.user + cpu.system) / 1000;
  result.slowest = timings.sort((a, b) => b.ms - a.ms).slice(0, 5);
  return result;
}

/** Adds `other`'s counts into `into` (shards of one pass run in separate processes). */
export function mergePass(into: PassResult, other: PassResult): PassResult {
  into.files += other.files;
  into.linted += other.linted;
  into.parseErrors.push(...other.parseErrors);
  into.crashes.push(...other.crashes);
  into.fixFailures.push(...other.fixFailures);
  for (const [rule, count] of Object.entries(other.reports)) into.reports[rule] = (into.reports[rule] ?? 0) + count;
  into.filesWithReports += other.filesWithReports;
  into.fixedFiles += other.fixedFiles;
  into.fixesApplied += other.fixesApplied;
  into.tscChecked += other.tscChecked;
  into.ms = Math.max(into.ms, other.ms);
  into.cpuMs += other.cpuMs;
  Object.assign(into.byTarget, other.byTarget);
  into.findings.push(...other.findings);
  into.slowest = [...into.slowest, ...other.slowest].sort((a, b) => b.ms - a.ms).slice(0, 5);
  return into;
}

/** The counts as a table, then every crash, fix failure and parse error with its file. */
export function formatResults(results: readonly PassResult[], ruleIds: readonly string[], relativeTo: string): string {
  const rel = (file: string) => path.relative(relativeTo, file);
  const lines: string[] = [];
  const row = (cells: (string | number)[]) =>
    cells.map((cell, index) => (index === 0 ? String(cell).padEnd(26) : String(cell).padStart(9))).join(' ');
  lines.push(row(['', ...results.map((result) => result.pass)]));
  const add = (label: string, value: (result: PassResult) => string | number) => lines.push(row([label, ...results.map(value)]));
  add('files', (r) => r.files);
  add('parse errors (ESLint)', (r) => r.parseErrors.length);
  for (const rule of ruleIds) add(`reports ${rule}`, (r) => r.reports[rule] ?? 0);
  add('files with reports', (r) => r.filesWithReports);
  add('fixed files', (r) => r.fixedFiles);
  add('fixes applied', (r) => r.fixesApplied);
  add('tsc-compared files', (r) => (r.pass === 'typed' ? r.tscChecked : '-'));
  add('crashes (plugin)', (r) => r.crashes.filter((crash) => crash.ruleId?.startsWith('drain/')).length);
  add('crashes (other)', (r) => r.crashes.filter((crash) => !crash.ruleId?.startsWith('drain/')).length);
  add('fix failures', (r) => r.fixFailures.length);
  add('time (s)', (r) => (r.ms / 1000).toFixed(1));
  add('CPU time (s)', (r) => (r.cpuMs / 1000).toFixed(1));
  const labels = [...new Set(results.flatMap((result) => Object.keys(result.byTarget)))].sort();
  const reported = labels.filter((label) => results.some((result) => (result.byTarget[label]?.reports ?? 0) > 0));
  if (reported.length > 0) {
    lines.push('', row(['reports (fixed files)', ...results.map((result) => result.pass)]));
    for (const label of reported) {
      lines.push(row([label, ...results.map((result) => {
        const tally = result.byTarget[label];
        return tally ? `${tally.reports} (${tally.fixedFiles})` : '-';
      })]));
    }
  }
  for (const result of results) {
    for (const crash of result.crashes) {
      lines.push('', `CRASH [${result.pass}, ${crash.phase}] ${rel(crash.file)} ${crash.ruleId ?? '(no rule)'}`, crash.stack);
    }
    for (const failure of result.fixFailures) {
      lines.push('', `FIX FAILURE [${result.pass}] ${failure.check} ${rel(failure.file)}`, `  ${failure.detail}`);
      if (failure.hunk) lines.push(failure.hunk);
    }
    for (const { file, error } of result.parseErrors.slice(0, 20)) {
      lines.push(`parse error [${result.pass}] ${rel(file)}: ${error}`);
    }
    if (result.parseErrors.length > 20) lines.push(`… and ${result.parseErrors.length - 20} more parse errors`);
    lines.push(`slowest [${result.pass}]: ${result.slowest.map((s) => `${rel(s.file)} ${(s.ms / 1000).toFixed(1)} s`).join(', ')}`);
  }
  return lines.join('\n');
}
