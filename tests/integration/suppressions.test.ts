import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environments } from './harness/matrix.js';
import { cleanEnv, run, type RunResult } from './harness/process.js';
import { consumerEnv, expectedReports, readTree, repoRoot, reportsByFile, tempProject, type TempProject } from './harness/workspace.js';

/**
 * docs/adopting.md, step by step: ESLint's bulk suppressions on a project that already has several
 * leaks (tests/integration/fixtures/legacy, whose headers name its reports). The existing reports are
 * recorded, a new leak is still reported, a fixed leak's count is pruned, the hook command passes a
 * commit that fixes one, and `--fix` first leaves only the unfixed reports to record. The commands
 * come from the doc's blocks, so the doc cannot drift from what is tested.
 *
 * ESLint records and applies suppressions after the rules have run, whatever they saw; so the
 * project is linted without type information, which makes each of the many runs here about three
 * times quicker than building a TypeScript program for it (the fixture only uses global `fetch`).
 */
const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'adopting.md'), 'utf8');

/** The arguments of the `eslint` command in the doc's `sh` block after `<!-- marker -->`. */
function docCommand(marker: string): string[] {
  const block = new RegExp(`<!-- ${marker} -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!block) throw new Error(`docs/adopting.md lost its <!-- ${marker} --> block`);
  return block[1]!.trim().replace(/^(npx )?eslint /, '').split(/\s+/);
}
const suppressArgs = docCommand('suppress-command');
const hookArgs = docCommand('hook-command');

const fixture = readTree(path.join(__dirname, 'fixtures', 'legacy'));
const drainRules = ['drain/no-unconsumed-body', 'drain/no-undrained-close'];
const config = `import tseslint from 'typescript-eslint';
import drain from 'eslint-plugin-drain';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  drain.configs['recommended-untyped'],
  { rules: { 'no-debugger': 'error' } },
];
`;
// An error of another rule: `--suppress-rule drain/…` must leave it reported.
const otherRuleFile = 'export function trace(): void {\n  debugger;\n}\n';
const newLeak = `
export async function ping(url: string): Promise<boolean> {
  const res = await fetch(url, { method: 'POST' });
  return res.ok;
}
`;

type Suppressions = Record<string, Record<string, { count: number }>>;

/** The counts `eslint-suppressions.json` should hold for the given reports (`rule at line:column`). */
function counts(reports: Record<string, string[]>): Suppressions {
  const out: Suppressions = {};
  for (const [file, list] of Object.entries(reports)) {
    for (const report of list) {
      const rule = report.split(' at ')[0]!;
      if (!drainRules.includes(rule)) continue;
      ((out[file] ??= {})[rule] ??= { count: 0 }).count++;
    }
  }
  return out;
}

/** Reports per file, files without reports left out. */
const nonEmpty = (reports: Record<string, string[]>) => Object.fromEntries(Object.entries(reports).filter(([, list]) => list.length > 0));
const expected = nonEmpty(expectedReports(fixture));

const matrix = environments();
const cases = [
  { env: 'eslint-10', deps: matrix.current, major: 10 },
  { env: 'eslint-9', deps: matrix.eslint9, major: 9 },
];

describe.concurrent.each(cases)('bulk suppressions with $env', ({ env, deps, major }) => {
  let envDir: string;
  const projects: TempProject[] = [];
  beforeAll(async () => {
    envDir = await consumerEnv(env, deps);
  }, 300_000);
  afterAll(() => projects.forEach((p) => p.remove()));

  function project(extra: Record<string, string> = {}): TempProject {
    const p = tempProject({ ...fixture, 'eslint.config.mjs': config, ...extra }, envDir);
    projects.push(p);
    return p;
  }
  const eslint = (p: TempProject, args: string[]): Promise<RunResult> =>
    run(process.execPath, [path.join(p.dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...args], {
      cwd: p.dir,
      env: cleanEnv(),
      timeoutMs: 180_000,
    });
  const suppressions = (p: TempProject) => JSON.parse(p.read('eslint-suppressions.json')) as Suppressions;
  /** A lint whose exit code must be `code`; its reports per file. */
  async function lint(p: TempProject, code: number, args: string[] = ['.']): Promise<Record<string, string[]>> {
    const result = await eslint(p, ['--format', 'json', ...args]);
    expect(result.code, `eslint ${args.join(' ')}: ${result.stderr}`).toBe(code);
    return nonEmpty(reportsByFile(result.stdout, p.dir));
  }

  it(`runs ESLint ${major}`, async () => {
    const version = await eslint(project(), ['--version']);
    expect(version.stdout.trim()).toMatch(new RegExp(`^v${major}\\.`));
  });

  it('records the existing reports, still reports new leaks, prunes a fixed one', async () => {
    const p = project({ 'src/trace.ts': otherRuleFile });
    expect(await lint(p, 1)).toEqual({ ...expected, 'src/trace.ts': ['no-debugger at 2:3'] });

    // The doc's command records the drain reports only; the other rule's error stays.
    expect(await lint(p, 1, suppressArgs)).toEqual({ 'src/trace.ts': ['no-debugger at 2:3'] });
    const recorded = suppressions(p);
    expect(recorded).toEqual(counts(expected));
    expect(Object.keys(recorded).length).toBeGreaterThan(2);

    // From here on, copies of the project with the recorded file and without the other rule's error.
    const recordedCopy = () => project({ 'eslint-suppressions.json': p.read('eslint-suppressions.json') });
    await Promise.all([
      (async () => expect(await lint(recordedCopy(), 0)).toEqual({}))(),

      (async () => {
        // A new leak in a new file, and one in a file with a recorded leak: the count is exceeded,
        // so that file's recorded report comes back with the new one.
        const q = recordedCopy();
        const touched = Object.keys(recorded).find((file) => recorded[file]!['drain/no-unconsumed-body']?.count === 1)!;
        const original = q.read(touched);
        q.write(touched, original + newLeak);
        q.write('src/fresh.ts', `// A module written after the suppressions.\n${newLeak}`);
        expect(await lint(q, 1)).toEqual({
          [touched]: [...expected[touched]!, `drain/no-unconsumed-body at ${original.split('\n').length + 2}:21`].sort(),
          'src/fresh.ts': ['drain/no-unconsumed-body at 4:21'],
        });
      })(),

      (async () => {
        // Fix one of a file's two leaks (the error branch reads the body into its message).
        const q = recordedCopy();
        const twoLeaks = Object.keys(recorded).find((file) => recorded[file]!['drain/no-unconsumed-body']?.count === 2)!;
        const fixedText = q.read(twoLeaks).replace(/throw new Error\(`([^`]*)`\)/, 'throw new Error(`$1: ${await res.text()}`)');
        expect(fixedText).not.toBe(q.read(twoLeaks));
        q.write(twoLeaks, fixedText);

        // The hook command passes the commit that fixes it; a plain lint fails on the stale count.
        const [hook, stale] = await Promise.all([eslint(q, [...hookArgs, twoLeaks]), eslint(q, ['.'])]);
        expect(hook.code, hook.stdout + hook.stderr).toBe(0);
        expect(stale.code).toBe(2);
        expect(stale.stderr).toMatch(/There are suppressions left that do not occur anymore/);

        const prune = await eslint(q, ['--prune-suppressions', '.']);
        expect(prune.code, prune.stderr).toBe(0);
        expect(suppressions(q)).toEqual({ ...recorded, [twoLeaks]: { 'drain/no-unconsumed-body': { count: 1 } } });
        expect(await lint(q, 0)).toEqual({});

        // The hook still refuses a new leak.
        q.write(twoLeaks, fixedText + newLeak);
        expect((await eslint(q, [...hookArgs, twoLeaks])).code).toBe(1);
      })(),
    ]);
  }, 300_000);

  it('--fix with the suppression: the files are fixed as by --fix alone, only what is left is recorded', async () => {
    const fixedOnly = project();
    const fixedAndSuppressed = project();
    const [left] = await Promise.all([lint(fixedOnly, 1, ['--fix', '.']), lint(fixedAndSuppressed, 0, ['--fix', ...suppressArgs])]);
    const files = (p: TempProject) => readTree(path.join(p.dir, 'src'));
    expect(files(fixedAndSuppressed)).toEqual(files(fixedOnly));
    expect(Object.keys(files(fixedOnly)).filter((file) => files(fixedOnly)[file] !== fixture[`src/${file}`]).length).toBeGreaterThan(0);
    expect(suppressions(fixedAndSuppressed)).toEqual(counts(left));
    expect(Object.keys(counts(left)).length).toBeLessThan(Object.keys(counts(expected)).length);
  }, 300_000);

  it(`the Node API (what editors run) ${major === 10 ? 'applies the file only when asked' : 'has no applySuppressions'}`, async () => {
    const p = project();
    expect((await eslint(p, suppressArgs)).code).toBe(0);
    // `applySuppressions` arrived in ESLint 10.1: 10 hides the recorded reports when asked, 9 rejects the option.
    const script = `const { ESLint } = require('eslint');
const lint = async (options) => (await new ESLint(options).lintFiles(['src'])).reduce((n, r) => n + r.messages.length, 0);
(async () => {
  const shown = await lint({});
  let applied;
  try { applied = await lint({ applySuppressions: true }); } catch (error) { applied = String(error.message).replace(/\\s+/g, ' '); }
  console.log(JSON.stringify({ shown, applied }));
})();`;
    const result = await run(process.execPath, ['-e', script], { cwd: p.dir, env: cleanEnv(), timeoutMs: 180_000 });
    expect(result.code, result.stderr).toBe(0);
    const { shown, applied } = JSON.parse(result.stdout) as { shown: number; applied: number | string };
    expect(shown).toBe(Object.values(expected).flat().length);
    if (major === 10) expect(applied).toBe(0);
    else expect(applied).toMatch(/Unknown options?: applySuppressions/);
  }, 300_000);
});

describe('bulk suppressions before ESLint 9.24', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = tempProject({ ...fixture, 'eslint.config.mjs': config }, await consumerEnv('eslint-9-floor', matrix.floor));
  }, 300_000);
  afterAll(() => project?.remove());

  it(`ESLint ${matrix.floor.eslint} rejects the flags`, async () => {
    const result = await run(process.execPath, [path.join(project.dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...suppressArgs], {
      cwd: project.dir,
      env: cleanEnv(),
      timeoutMs: 180_000,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Invalid option '--suppress-rule'/);
    expect(fs.existsSync(path.join(project.dir, 'eslint-suppressions.json'))).toBe(false);
  });
});
