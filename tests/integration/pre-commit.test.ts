import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environments } from './harness/matrix.js';
import { cleanEnv, run, runOk, type RunResult } from './harness/process.js';
import { consumerEnv, consumerFixture, repoRoot, tempProject, type TempProject } from './harness/workspace.js';

/**
 * Pre-commit setups, end to end in throwaway git repositories: the packed plugin installed from its
 * tarball with ESLint, typescript-eslint and TypeScript from the registry (one cached install, linked
 * into each repository as node_modules). A commit that adds a leak is refused with the rule's message;
 * the fixed file commits. The last case shows the documented limit of linting staged files only.
 */
const fixture = consumerFixture();
const leaking = fixture['src/leak.ts']!;
const fixed = leaking.replace('throw new Error(`HTTP ${res.status}`);', 'throw new Error(`HTTP ${res.status}: ${await res.text()}`);');
const ruleMessage = /drain\/no-unconsumed-body|is left unread when/;
const lintStagedCommand = 'eslint --no-warn-ignored';
const config = `import tseslint from 'typescript-eslint';
import drain from 'eslint-plugin-drain';

export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  drain.configs.recommended,
];
`;

const preCommitBinary = (process.env['PATH'] ?? '')
  .split(path.delimiter)
  .map((dir) => path.join(dir, 'pre-commit'))
  .find((file) => fs.existsSync(file));
if (!preCommitBinary) {
  console.warn('pre-commit is not on PATH: skipping its test (`apt-get install pre-commit`; .ci/run installs it).');
}

describe.concurrent('pre-commit hooks', () => {
  let envDir: string;
  const repos: TempProject[] = [];
  beforeAll(async () => {
    const { current } = environments();
    envDir = await consumerEnv('hooks', { ...current, husky: '^9.1.7', 'lint-staged': '^16.2.0' });
  }, 300_000);
  afterAll(() => repos.forEach((repo) => repo.remove()));

  /** A git repository with the consumer project, node_modules linked, nothing committed yet. */
  async function repository(extra: Record<string, string> = {}): Promise<{ repo: TempProject; git: (...args: string[]) => Promise<RunResult> }> {
    const repo = tempProject(
      {
        'tsconfig.json': fixture['tsconfig.json']!,
        'eslint.config.mjs': config,
        '.gitignore': 'node_modules\n',
        'src/ok.ts': 'export const ready = true;\n',
        ...extra,
      },
      envDir,
    );
    repos.push(repo);
    const env = cleanEnv({ PRE_COMMIT_HOME: path.join(repo.dir, '.git', 'pre-commit-home') });
    const git = (...args: string[]) => run('git', args, { cwd: repo.dir, env, timeoutMs: 240_000 });
    for (const args of [
      ['init', '--quiet', '--initial-branch=main'],
      ['config', 'user.name', 'Drain Test'],
      ['config', 'user.email', 'drain@example.test'],
      ['config', 'commit.gpgsign', 'false'],
    ]) {
      expect((await git(...args)).code).toBe(0);
    }
    return { repo, git };
  }

  /** Adds the leak: refused with the rule's message. Then the fix: committed. */
  async function refusesLeakThenAcceptsFix(repo: TempProject, git: (...args: string[]) => Promise<RunResult>) {
    const before = (await git('rev-list', '--count', 'HEAD')).stdout.trim();
    repo.write('src/leak.ts', leaking);
    await git('add', 'src/leak.ts');
    const refused = await git('commit', '-m', 'add a leak');
    expect(refused.code, refused.stdout + refused.stderr).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(ruleMessage);
    expect((await git('rev-list', '--count', 'HEAD')).stdout.trim()).toBe(before);

    repo.write('src/leak.ts', fixed);
    await git('add', 'src/leak.ts');
    const accepted = await git('commit', '-m', 'read the error body');
    expect(accepted.code, accepted.stdout + accepted.stderr).toBe(0);
    expect((await git('rev-list', '--count', 'HEAD')).stdout.trim()).toBe(String(Number(before) + 1));
  }

  it('husky + lint-staged', async () => {
    const { repo, git } = await repository({
      'package.json': `${JSON.stringify({ name: 'hooked', private: true, 'lint-staged': { '*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}': lintStagedCommand } }, null, 2)}\n`,
      '.husky/pre-commit': 'lint-staged\n',
    });
    // What `npx husky init` does, without its sample hook: core.hooksPath → .husky/_.
    await runOk(process.execPath, [path.join(repo.dir, 'node_modules', 'husky', 'bin.js')], { cwd: repo.dir, env: cleanEnv() });
    expect((await git('config', 'core.hooksPath')).stdout.trim()).toBe('.husky/_');
    await git('add', '.');
    const initial = await git('commit', '-m', 'initial');
    expect(initial.code, initial.stdout + initial.stderr).toBe(0);
    await refusesLeakThenAcceptsFix(repo, git);
  }, 240_000);

  it('a plain .git/hooks/pre-commit script', async () => {
    const { repo, git } = await repository();
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, plainHook(), { mode: 0o755 });
    await git('add', '.');
    expect((await git('commit', '-m', 'initial')).code).toBe(0);
    await refusesLeakThenAcceptsFix(repo, git);
  }, 240_000);

  it.skipIf(!preCommitBinary)('the pre-commit framework with .pre-commit-hooks.yaml', async () => {
    // The hook repository as users reference it, holding this repository's .pre-commit-hooks.yaml.
    const hooks = tempProject({ '.pre-commit-hooks.yaml': fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8') });
    repos.push(hooks);
    const hooksGit = (...args: string[]) => runOk('git', args, { cwd: hooks.dir, env: cleanEnv() });
    await hooksGit('init', '--quiet', '--initial-branch=main');
    await hooksGit('add', '.');
    await hooksGit('-c', 'user.name=Drain Test', '-c', 'user.email=drain@example.test', '-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', 'hooks');
    const rev = (await hooksGit('rev-parse', 'HEAD')).stdout.trim();

    const { repo, git } = await repository({
      '.pre-commit-config.yaml': `repos:\n  - repo: ${hooks.dir}\n    rev: ${rev}\n    hooks:\n      - id: eslint\n`,
    });
    const install = await run(preCommitBinary!, ['install'], {
      cwd: repo.dir,
      env: cleanEnv({ PRE_COMMIT_HOME: path.join(repo.dir, '.git', 'pre-commit-home') }),
    });
    expect(install.code, install.stdout + install.stderr).toBe(0);
    await git('add', '.');
    const initial = await git('commit', '-m', 'initial');
    expect(initial.code, initial.stdout + initial.stderr).toBe(0);
    expect(initial.stdout + initial.stderr).toMatch(/eslint \(eslint-plugin-drain\)\.+Passed/);
    await refusesLeakThenAcceptsFix(repo, git);
  }, 240_000);

  it('limit: a staged-files hook misses a leak that a change in another file creates; `eslint .` finds it', async () => {
    // `api` returns parsed data; `ping` reads only `status`. Changing `api` to return the raw
    // Response makes `ping` leak, but `ping`'s file is not staged, so the hook does not lint it.
    const api = (body: string) => `export ${body}\n`;
    const { repo, git } = await repository({
      'src/api.ts': api(
        'async function api(path: string): Promise<{ status: number }> {\n  const res = await fetch(`https://example.test${path}`);\n  await res.arrayBuffer();\n  return { status: res.status };\n}',
      ),
      'src/ping.ts': "import { api } from './api.js';\n\nexport async function ping(): Promise<boolean> {\n  const response = await api('/ping');\n  return response.status === 200;\n}\n",
    });
    fs.writeFileSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit'), plainHook(), { mode: 0o755 });
    await git('add', '.');
    expect((await git('commit', '-m', 'initial')).code).toBe(0);

    repo.write('src/api.ts', api('function api(path: string): Promise<Response> {\n  return fetch(`https://example.test${path}`);\n}'));
    await git('add', 'src/api.ts');
    const commit = await git('commit', '-m', 'return the raw response');
    expect(commit.code, commit.stdout + commit.stderr).toBe(0);

    const all = await run(process.execPath, [path.join(repo.dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.'], {
      cwd: repo.dir,
      env: cleanEnv(),
    });
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/src\/ping\.ts\n\s+4:\d+\s+error\s+The body of the `api\('\/ping'\)` response \(`response`\) is left unread/);
  }, 240_000);
});

/** The plain hook docs/pre-commit.md shows: the staged JS/TS files, linted by the project's ESLint. */
function plainHook(): string {
  const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'pre-commit.md'), 'utf8');
  const block = /<!-- plain-hook -->\s*```sh\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/pre-commit.md lost its <!-- plain-hook --> block');
  return block[1]!;
}
