import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environments } from './harness/matrix.js';
import { cleanEnv, run } from './harness/process.js';
import {
  consumerEnv,
  consumerFixture,
  expectedReports,
  packageJson,
  reportsByFile,
  tempProject,
  type TempProject,
} from './harness/workspace.js';

/**
 * The configs as users load them: the packed plugin installed from its tarball next to a given ESLint,
 * loaded from an ESM or a CommonJS config file, either spread into a config array or named in
 * `defineConfig`'s `extends`. `--print-config` must show the rules under the `drain` name, and a real
 * lint must report what the fixture files announce (typed TS, strict, untyped JS).
 */
type Variant = 'esm-define' | 'esm-array' | 'cjs-define' | 'cjs-array';

const parserBlock = (dirname: string) => `{
    files: ['**/*.{ts,js}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: ${dirname} } },
  }`;

/** The same setup written four ways. */
function configFile(variant: Variant): [string, string] {
  const [module, style] = variant.split('-') as ['esm' | 'cjs', 'define' | 'array'];
  const dirname = module === 'esm' ? 'import.meta.dirname' : '__dirname';
  const imports =
    module === 'esm'
      ? `${style === 'define' ? "import { defineConfig } from 'eslint/config';\n" : ''}import tseslint from 'typescript-eslint';\nimport drain from 'eslint-plugin-drain';\n`
      : `${style === 'define' ? "const { defineConfig } = require('eslint/config');\n" : ''}const tseslint = require('typescript-eslint');\nconst drain = require('eslint-plugin-drain');\n`;
  const exported = module === 'esm' ? 'export default' : 'module.exports =';
  const body =
    style === 'define'
      ? `defineConfig(
  ${parserBlock(dirname)},
  { files: ['src/**/*.ts'], extends: [drain.configs.recommended] },
  { files: ['src/strict/**/*.ts'], extends: [drain.configs.strict] },
  { files: ['**/*.js'], extends: [drain.configs['recommended-untyped']] },
)`
      : `[
  ${parserBlock(dirname)},
  drain.configs.recommended,
  { files: ['src/strict/**/*.ts'], ...drain.configs.strict },
  { files: ['**/*.js'], ...drain.configs['recommended-untyped'] },
]`;
  return [`eslint.config.${module === 'esm' ? 'mjs' : 'cjs'}`, `${imports}\n${exported} ${body};\n`];
}

const matrix = environments();
// `mergesDefaults`: from ESLint 9.15 a rule's `meta.defaultOptions` are merged into its configured
// value before the schema sees it, so both the printed config and a schema error show them.
const cases: { env: string; deps: Record<string, string>; major: number; mergesDefaults: boolean; variants: Variant[] }[] = [
  { env: 'eslint-10', deps: matrix.current, major: 10, mergesDefaults: true, variants: ['esm-define', 'esm-array', 'cjs-define', 'cjs-array'] },
  { env: 'eslint-9', deps: matrix.eslint9, major: 9, mergesDefaults: true, variants: ['esm-define', 'cjs-array'] },
  // `defineConfig` and `eslint/config` arrived in ESLint 9.22: the floor only takes arrays.
  { env: 'eslint-9-floor', deps: matrix.floor, major: 9, mergesDefaults: false, variants: ['esm-array', 'cjs-array'] },
];

interface PrintedConfig {
  plugins: string[];
  rules: Record<string, unknown>;
  languageOptions: { parserOptions: Record<string, unknown> };
}

const severity = (entry: unknown) => (Array.isArray(entry) ? entry[0] : entry);

// Concurrent: the work is in child processes, so two lints overlap even on one vitest worker.
describe.concurrent.each(cases)('$env', ({ env, deps, major, mergesDefaults, variants }) => {
  let envDir: string;
  const projects: TempProject[] = [];
  const fixture = consumerFixture();
  const expected = expectedReports(fixture);
  const eslint = (project: TempProject, args: string[]) =>
    run(process.execPath, [path.join(project.dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...args], {
      cwd: project.dir,
      env: cleanEnv(),
      timeoutMs: 180_000,
    });

  beforeAll(async () => {
    envDir = await consumerEnv(env, deps);
  }, 300_000);
  afterAll(() => projects.forEach((project) => project.remove()));

  it(`runs ESLint ${major}`, async () => {
    const project = tempProject({}, envDir);
    projects.push(project);
    const version = await eslint(project, ['--version']);
    expect(version.stdout.trim()).toMatch(new RegExp(`^v${major}\\.`));
    if (deps.eslint && /^\d/.test(deps.eslint)) expect(version.stdout.trim()).toBe(`v${deps.eslint}`);
    const typescript = await run(process.execPath, ['-p', "require('typescript').version"], { cwd: project.dir, env: cleanEnv() });
    expect(typescript.stdout.trim().startsWith(deps.typescript!.replace(/^~/, '').replace(/\.0$/, ''))).toBe(true);
  });

  it.each(variants)('%s: --print-config shows the drain configs, and a lint reports what the fixtures expect', async (variant) => {
    const [configName, configText] = configFile(variant);
    const project = tempProject({ ...fixture, [configName]: configText }, envDir);
    projects.push(project);

    // One variant prints all three configs; the others print one and let the lint show the rest
    // (strict reports what recommended does not, the JavaScript file parses without a project).
    const full = env === 'eslint-10' && variant === 'esm-define';
    const [leak, strict, js, lint] = await Promise.all([
      eslint(project, ['--print-config', 'src/leak.ts']),
      full ? eslint(project, ['--print-config', 'src/strict/size-check.ts']) : undefined,
      full ? eslint(project, ['--print-config', 'src/poller.js']) : undefined,
      eslint(project, ['--format', 'json', '.']),
    ]);
    expect(leak.code, leak.stderr).toBe(0);
    const typed = JSON.parse(leak.stdout) as PrintedConfig;
    const { name, version } = packageJson();
    expect(typed.plugins).toContain(`drain:${name}@${version}`);
    expect(severity(typed.rules['drain/no-unconsumed-body'])).toBe(2);
    expect(severity(typed.rules['drain/no-undrained-close'])).toBe(2);
    expect(typed.languageOptions.parserOptions['projectService']).toBe(true);

    if (strict && js) {
      expect(strict.code, strict.stderr).toBe(0);
      expect((JSON.parse(strict.stdout) as PrintedConfig).rules['drain/no-undrained-close']).toEqual([2, { reportDeliberate: true, reportErrorPaths: true }]);
      expect(js.code, js.stderr).toBe(0);
      const untyped = JSON.parse(js.stdout) as PrintedConfig;
      expect(untyped.plugins).toContain(`drain:${name}@${version}`);
      expect(untyped.languageOptions.parserOptions).toMatchObject({ projectService: false, project: false, program: null });
    }

    // Exit 1: the fixtures hold leaks. Anything else (2) is a crash or a config error.
    expect(lint.code, lint.stderr).toBe(1);
    const reports = reportsByFile(lint.stdout, project.dir);
    for (const [file, want] of Object.entries(expected)) expect(reports[file], file).toEqual(want);
  }, 300_000);

  // ESLint prints schema errors itself, without the option's path; lib/named-options.ts makes the
  // message name it, and that depends on ESLint's ajv and its error format, so every major checks it.
  it.each([
    {
      rule: 'no-undrained-close',
      options: '{ reportDeliberate: "yes" }',
      value: mergesDefaults ? '{"reportDeliberate":"yes","reportErrorPaths":false}' : '{"reportDeliberate":"yes"}',
      message: 'should have property reportDeliberate as a boolean when property reportDeliberate is present.',
    },
    {
      rule: 'no-unconsumed-body',
      options: '{ producers: [{ name: "api.get", client: "curl" }] }',
      value: '{"name":"api.get","client":"curl"}',
      message: 'should have property client as one of',
    },
  ])('a wrong value for an option of $rule is rejected with the option named', async ({ rule, options, value, message }) => {
    const project = tempProject(
      {
        'eslint.config.mjs': `import drain from 'eslint-plugin-drain';\n\nexport default [{ plugins: { drain }, rules: { 'drain/${rule}': ['error', ${options}] } }];\n`,
        'src/poller.js': fixture['src/poller.js']!,
      },
      envDir,
    );
    projects.push(project);
    const lint = await eslint(project, ['src']);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain(`Key "rules": Key "drain/${rule}":\n\tValue ${value} ${message}`);
  }, 300_000);

  if (env === 'eslint-10') {
    it('without recommended-untyped, the project service rejects the JavaScript file', async () => {
      const [configName, configText] = configFile('esm-define');
      const project = tempProject({ ...fixture, [configName]: configText.replace(/^.*recommended-untyped.*\n/m, '') }, envDir);
      projects.push(project);
      const lint = await eslint(project, ['--format', 'json', 'src/poller.js']);
      expect(reportsByFile(lint.stdout, project.dir)['src/poller.js']).toEqual([
        expect.stringMatching(/^fatal: Parsing error: .*poller\.js was not found by the project service/),
      ]);
    }, 300_000);

    it('a JavaScript-only config: recommended-untyped with ESLint\'s own parser', async () => {
      // No typescript-eslint in the config: espree gets the preset's parserOptions and must accept them.
      const project = tempProject(
        {
          'eslint.config.mjs': "import drain from 'eslint-plugin-drain';\n\nexport default [drain.configs['recommended-untyped']];\n",
          'src/poller.js': fixture['src/poller.js']!,
        },
        envDir,
      );
      projects.push(project);
      const lint = await eslint(project, ['--format', 'json', 'src']);
      expect(lint.code, lint.stderr).toBe(1);
      expect(reportsByFile(lint.stdout, project.dir)).toEqual({ 'src/poller.js': expected['src/poller.js'] });
      const printed = JSON.parse((await eslint(project, ['--print-config', 'src/poller.js'])).stdout) as PrintedConfig & {
        languageOptions: { parser?: string };
      };
      expect(printed.languageOptions.parser ?? 'espree').toMatch(/^espree/);
    }, 300_000);
  }
});
