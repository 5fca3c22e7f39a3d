import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesDir } from './harness/example-files.js';
import { lintToolsEnv, oxlintCommand, oxlintUnavailable, oxlintVersion } from './harness/lint-tools.js';
import { cleanEnv, run, type RunResult } from './harness/process.js';
import { expectedReports, readTree, repoRoot, tempProject, type TempProject } from './harness/workspace.js';

/**
 * oxlint as the README sets it up: the packed plugin installed next to the real `oxlint` package (the
 * version pinned in devDependencies) and loaded through `"jsPlugins"`. oxlint gives JS plugins no type
 * information, so each oxlint run is compared with ESLint's untyped run (`recommended-untyped`) on
 * the same copy of `examples/`: the same reports (rule, range, severity, message), the same `--fix`
 * output, the same suggestions; ESLint's `eslint-suppressions.json` does not silence oxlint. oxlint
 * lints every file with one shared `SourceCode` object and the analysis caches per file by that
 * object, so linting many files in one process is part of the check.
 */
const unavailable = oxlintUnavailable();
if (unavailable) console.warn(`${unavailable}: skipping the oxlint tests.`);

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

/** A JSON block of the README that follows `<!-- marker -->`. */
function readmeJson(marker: string): string {
  const block = new RegExp(`<!-- ${marker} -->\\s*\`\`\`jsonc?\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!block) throw new Error(`README.md lost its <!-- ${marker} --> block`);
  return block[1]!;
}

/** ESLint without type information: typescript-eslint's parser for the TypeScript files, no project. */
const untypedEslintConfig = (ruleOptions = '') => `import tseslint from 'typescript-eslint';
import drain from 'eslint-plugin-drain';

const options = ${ruleOptions || 'undefined'};
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  drain.configs['recommended-untyped'],
  ...(options ? [{ rules: { 'drain/no-unconsumed-body': ['error', options], 'drain/no-undrained-close': ['error', options] } }] : []),
];
`;

/** A disable comment as ESLint users write it: both linters must honour it. */
const disabledFile = `// A leak whose report is switched off with an ESLint directive.
export async function probe(url) {
  // eslint-disable-next-line drain/no-unconsumed-body
  const res = await fetch(url);
  return res.ok;
}
`;

/** The typed run's reports that the untyped run cannot make, and why (README, "oxlint"). */
const lostWithoutTypes: Record<string, string> = {
  'src/typed-wrapper.ts': 'the caller of a wrapper typed `Promise<Response>`',
  'src/undici-request-status.ts': '`pool.request(…)` on an undici `Pool`',
};
const producersForLost = { producers: ['apiFetch', { name: 'pool.request', client: 'undici-request' }] };

/** One diagnostic in a form both linters can be reduced to. */
type Report = string;
interface Suggestion {
  range: [number, number];
  text: string;
}

interface EslintJson {
  filePath: string;
  output?: string;
  messages: {
    ruleId: string | null;
    severity: number;
    message: string;
    line: number;
    column: number;
    endLine?: number;
    endColumn?: number;
    fix?: Suggestion;
    suggestions?: { fix: Suggestion }[];
  }[];
}

interface OxlintJson {
  diagnostics: {
    code: string;
    severity: string;
    message: string;
    filename: string;
    labels: { span: { offset: number; length: number; line: number; column: number } }[];
  }[];
}

const describeReport = (rule: string, severity: string, start: string, end: string, message: string): Report =>
  `${rule} ${severity} ${start}-${end} ${message}`;

/** ESLint's `--format json`, per file (files without reports left out). */
function eslintReports(json: string, root: string): Record<string, Report[]> {
  const files: Record<string, Report[]> = {};
  for (const result of JSON.parse(json) as EslintJson[]) {
    if (result.messages.length === 0) continue;
    files[path.relative(root, result.filePath)] = result.messages
      .map((m) =>
        describeReport(m.ruleId ?? 'fatal', m.severity === 2 ? 'error' : 'warning', `${m.line}:${m.column}`, `${m.endLine}:${m.endColumn}`, m.message),
      )
      .sort();
  }
  return files;
}

/** oxlint's `--format json`, per file; its spans are UTF-8 byte ranges, turned into ESLint's 1-based lines and columns. */
function oxlintReports(json: string, root: string): Record<string, Report[]> {
  const files: Record<string, Report[]> = {};
  for (const d of (JSON.parse(json) as OxlintJson).diagnostics) {
    const rule = /^([\w-]+)\(([\w-]+)\)$/.exec(d.code);
    const span = d.labels[0]!.span;
    const text = fs.readFileSync(path.join(root, d.filename));
    const position = (byte: number) => {
      const before = text.subarray(0, byte).toString('utf8').split('\n');
      return `${before.length}:${before.at(-1)!.length + 1}`;
    };
    (files[d.filename] ??= []).push(
      describeReport(rule ? `${rule[1]}/${rule[2]}` : d.code, d.severity, position(span.offset), position(span.offset + span.length), d.message),
    );
  }
  for (const reports of Object.values(files)) reports.sort();
  return files;
}

/** Applies non-overlapping edits, last first so that earlier ranges stay valid. */
function applyEdits(text: string, edits: readonly Suggestion[]): string {
  return [...edits].sort((a, b) => b.range[0] - a.range[0]).reduce((out, e) => out.slice(0, e.range[0]) + e.text + out.slice(e.range[1]), text);
}

describe.skipIf(unavailable)(`oxlint ${oxlintVersion()} with "jsPlugins": ["eslint-plugin-drain"]`, () => {
  let envDir: string;
  const projects: TempProject[] = [];
  const sources: Record<string, string> = {
    ...Object.fromEntries(Object.entries(readTree(path.join(examplesDir, 'src'))).map(([file, text]) => [`src/${file}`, text])),
    'src/disabled.js': disabledFile,
  };

  /** A copy of `examples/src` with the README's `.oxlintrc.json` and an untyped ESLint config. */
  function project(files: Record<string, string> = {}): TempProject {
    const created = tempProject({ ...sources, '.oxlintrc.json': readmeJson('oxlintrc'), 'eslint.config.mjs': untypedEslintConfig(), ...files }, envDir);
    projects.push(created);
    return created;
  }
  const oxlint = (p: TempProject, args: string[]): Promise<RunResult> => {
    const [command, prefix] = oxlintCommand(envDir);
    return run(command, [...prefix, ...args], { cwd: p.dir, env: cleanEnv(), timeoutMs: 120_000 });
  };
  const eslint = (p: TempProject, args: string[]): Promise<RunResult> =>
    run(process.execPath, [path.join(envDir, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...args], {
      cwd: p.dir,
      env: cleanEnv(),
      timeoutMs: 120_000,
    });
  /** Exit 1 means reports; anything else is a crash or a config error. */
  const reported = (result: RunResult) => {
    expect(result.code, result.stdout.slice(-2000) + result.stderr).toBe(1);
    return result.stdout;
  };

  /** ESLint's untyped run on an untouched copy, shared by the comparisons below. */
  let baseline: { dir: string; json: EslintJson[]; reports: Record<string, Report[]> };

  beforeAll(async () => {
    envDir = await lintToolsEnv();
    const p = project();
    const stdout = reported(await eslint(p, ['--format', 'json', 'src']));
    baseline = { dir: p.dir, json: JSON.parse(stdout) as EslintJson[], reports: eslintReports(stdout, p.dir) };
  }, 300_000);
  afterAll(() => projects.forEach((p) => p.remove()));

  /** ESLint's fixes for a file of the baseline run, by range. */
  const eslintFixes = (file: string) =>
    baseline.json.find((r) => path.relative(baseline.dir, r.filePath) === file)!.messages.flatMap((m) => (m.fix ? [m.fix.range] : []));

  it.concurrent(`loads the packed plugin and runs oxlint ${oxlintVersion()}`, async () => {
    const p = project();
    const [version, printed] = await Promise.all([oxlint(p, ['--version']), oxlint(p, ['--print-config'])]);
    expect(version.stdout.trim()).toBe(`Version: ${oxlintVersion()}`);
    const config = JSON.parse(printed.stdout) as { jsPlugins?: unknown[]; rules: Record<string, unknown> };
    expect(JSON.stringify(config.jsPlugins)).toContain('eslint-plugin-drain');
    expect(config.rules).toMatchObject({ 'drain/no-unconsumed-body': expect.anything(), 'drain/no-undrained-close': expect.anything() });
  });

  it.concurrent('reports what ESLint reports without types: rule, range, severity and message', async () => {
    // ESLint's bulk suppressions, recording every report: oxlint does not read them.
    const recorded: Record<string, Record<string, { count: number }>> = {};
    for (const [file, reports] of Object.entries(baseline.reports)) {
      for (const report of reports) ((recorded[file] ??= {})[report.split(' ')[0]!] ??= { count: 0 }).count++;
    }
    const p = project({ 'eslint-suppressions.json': JSON.stringify(recorded) });
    const fromOxlint = oxlintReports(reported(await oxlint(p, ['--format', 'json', 'src'])), p.dir);
    expect(fromOxlint).toEqual(baseline.reports);
    expect(Object.keys(fromOxlint).length).toBeGreaterThan(5);
    expect(fromOxlint['src/disabled.js']).toBeUndefined();
  });

  it.concurrent('loses only the reports the README lists against the typed run, and `producers` brings them back', async () => {
    // The typed run is what the examples' `// expect:` headers announce (tests/examples.test.ts).
    const typed = expectedReports(sources);
    const withProducers = project({
      '.oxlintrc.json': JSON.stringify({
        jsPlugins: ['eslint-plugin-drain'],
        rules: { 'drain/no-unconsumed-body': ['error', producersForLost], 'drain/no-undrained-close': ['error', producersForLost] },
      }),
      'eslint.config.mjs': untypedEslintConfig(JSON.stringify(producersForLost)),
    });
    const [named, namedEslint] = await Promise.all([
      oxlint(withProducers, ['--format', 'json', 'src']),
      eslint(withProducers, ['--format', 'json', 'src']),
    ]);
    const atPositions = (reports: Record<string, Report[]>) =>
      Object.fromEntries(Object.keys(typed).map((file) => [file, (reports[file] ?? []).map((r) => r.replace(/^(\S+) \S+ (\d+:\d+)-.*$/s, '$1 at $2')).sort()]));

    const untyped = atPositions(baseline.reports);
    const lost = Object.keys(typed).filter((file) => JSON.stringify(untyped[file]) !== JSON.stringify(typed[file]));
    expect(lost.sort()).toEqual(Object.keys(lostWithoutTypes).sort());
    for (const file of lost) expect(untyped[file], `${file}: untyped reports are a subset of the typed ones`).toEqual([]);

    expect(atPositions(oxlintReports(reported(named), withProducers.dir))).toEqual(typed);
    expect(oxlintReports(named.stdout, withProducers.dir)).toEqual(eslintReports(reported(namedEslint), withProducers.dir));
  });

  it.concurrent('--fix: the same fixed files as ESLint, where oxlint needs a second run for two drains in one place', async () => {
    const ox = project();
    const es = project();
    const [, first] = await Promise.all([eslint(es, ['--fix', 'src']), oxlint(ox, ['--fix', 'src'])]);
    expect(first.code, first.stderr).toBe(1);
    const fixedByEslint = readTree(path.join(es.dir, 'src'));
    expect(Object.keys(fixedByEslint).filter((file) => fixedByEslint[file] !== sources[`src/${file}`]).length).toBeGreaterThan(3);

    // oxlint applies one round of non-overlapping fixes per run and does not lint again
    // (oxc-project/oxc#16118). What one run leaves behind are the files where two of ESLint's fixes
    // touch: two bodies left unread by one exit get their drains in the same place.
    const afterOne = readTree(path.join(ox.dir, 'src'));
    const behind = Object.keys(fixedByEslint).filter((file) => afterOne[file] !== fixedByEslint[file]);
    const touching = Object.keys(fixedByEslint).filter((file) => {
      const ranges = eslintFixes(`src/${file}`);
      return ranges.some((a, i) => ranges.some((b, j) => i !== j && a[0] <= b[1] && b[0] <= a[1]));
    });
    expect(behind).toEqual(touching);
    expect(behind.length, 'examples/ has an exit that leaks two bodies (mirror-status.ts)').toBeGreaterThan(0);

    await oxlint(ox, ['--fix', 'src']);
    expect(readTree(path.join(ox.dir, 'src'))).toEqual(fixedByEslint);
  });

  it.concurrent('--fix-suggestions applies the suggestions ESLint offers in the editor', async () => {
    const p = project();
    await oxlint(p, ['--fix-suggestions', 'src']);
    // Files whose reports only have suggestions: oxlint's output is the source with ESLint's suggestions applied.
    const suggestionOnly = baseline.json.filter((r) => r.messages.length > 0 && r.messages.every((m) => !m.fix && m.suggestions?.length === 1));
    expect(suggestionOnly.length).toBeGreaterThan(1);
    for (const result of suggestionOnly) {
      const file = path.relative(baseline.dir, result.filePath);
      expect(p.read(file), file).toBe(applyEdits(sources[file]!, result.messages.map((m) => m.suggestions![0]!.fix)));
    }
  });
});
