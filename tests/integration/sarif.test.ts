import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { lintToolsEnv, oxlintCommand, oxlintUnavailable, sarifFormatter, validateSarif } from './harness/lint-tools.js';
import { cleanEnv, run } from './harness/process.js';
import { expectedReports, readTree, repoRoot, tempProject, type TempProject } from './harness/workspace.js';

/**
 * GitHub code scanning, as docs/adopting.md sets it up: the lint command of its workflow, with
 * `@microsoft/eslint-formatter-sarif` and ESLint 10, on a project with several leaks. The file must
 * pass the SARIF 2.1.0 schema and carry what code scanning shows: each result's rule id and place,
 * each rule's description and doc link. oxlint's own SARIF is checked against the same schema, and
 * for what the doc says it lacks.
 */
const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'adopting.md'), 'utf8');
const workflow = /<!-- code-scanning -->\s*```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
const lintStep = workflow && /run: npx eslint (.+)/.exec(workflow)?.[1];
if (!lintStep) throw new Error('docs/adopting.md lost its <!-- code-scanning --> workflow or its `npx eslint` step');
const lintArgs = lintStep.trim().split(/\s+/);
const outputFile = lintArgs[lintArgs.indexOf('--output-file') + 1]!;

const fixture = readTree(path.join(__dirname, 'fixtures', 'legacy'));
const expected = Object.entries(expectedReports(fixture)).flatMap(([file, reports]) => reports.map((report) => `${file} ${report}`));
const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const oxlintrc = /<!-- oxlintrc -->\s*```json\n([\s\S]*?)```/.exec(readme)![1]!;

interface SarifLog {
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
    }[];
  }[];
}

/** `file rule at line:column` for each result, with the file relative to the project. */
const placed = (log: SarifLog, root: string, ruleId: (id: string) => string = (id) => id) =>
  log.runs[0]!.results
    .map((result) => {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      const file = artifactLocation.uri.startsWith('file:') ? path.relative(root, new URL(artifactLocation.uri).pathname) : artifactLocation.uri;
      return `${file} ${ruleId(result.ruleId)} at ${region.startLine}:${region.startColumn}`;
    })
    .sort();

describe('SARIF for GitHub code scanning', () => {
  let envDir: string;
  let project: TempProject;
  beforeAll(async () => {
    envDir = await lintToolsEnv();
    project = tempProject(
      {
        ...fixture,
        'eslint.config.mjs': `import tseslint from 'typescript-eslint';\nimport drain from 'eslint-plugin-drain';\n\nexport default [\n  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },\n  drain.configs['recommended-untyped'],\n];\n`,
        '.oxlintrc.json': oxlintrc,
      },
      envDir,
    );
  }, 300_000);
  afterAll(() => project?.remove());

  it(`${sarifFormatter.name} ${sarifFormatter.version}: valid SARIF with our rule ids, descriptions and doc links`, async () => {
    const lint = await run(process.execPath, [path.join(envDir, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...lintArgs], {
      cwd: project.dir,
      env: cleanEnv(),
      timeoutMs: 120_000,
    });
    expect(lint.code, lint.stderr).toBe(1);
    const log = JSON.parse(project.read(outputFile)) as SarifLog;
    expect(validateSarif(envDir, log)).toEqual([]);

    const run0 = log.runs[0]!;
    expect(run0.tool.driver.name).toBe('ESLint');
    expect(placed(log, project.dir)).toEqual(expected.sort());
    expect(run0.results.every((result) => result.level === 'error' && result.message.text.length > 0)).toBe(true);
    const reported = [...new Set(run0.results.map((result) => result.ruleId))].sort();
    expect(reported).toEqual(['drain/no-unconsumed-body', 'drain/no-undrained-close']);
    for (const id of reported) {
      const meta = rules[id.slice('drain/'.length) as keyof typeof rules].meta;
      expect(run0.tool.driver.rules.find((rule) => rule.id === id)).toMatchObject({
        helpUri: meta.docs!.url,
        shortDescription: { text: meta.docs!.description },
      });
    }
  });

  const noOxlint = oxlintUnavailable();
  it.skipIf(noOxlint)('oxlint --format sarif: valid, without rule descriptions or links', async () => {
    const [command, prefix] = oxlintCommand(envDir);
    const lint = await run(command, [...prefix, '--format', 'sarif', 'src'], { cwd: project.dir, env: cleanEnv(), timeoutMs: 120_000 });
    expect(lint.code, lint.stderr).toBe(1);
    const log = JSON.parse(lint.stdout) as SarifLog;
    expect(validateSarif(envDir, log)).toEqual([]);
    expect(placed(log, project.dir, (id) => id.replace(/^(\w+)\(([\w-]+)\)$/, '$1/$2'))).toEqual(expected.sort());
    expect(log.runs[0]!.results[0]!.ruleId).toMatch(/^drain\([\w-]+\)$/);
    expect(log.runs[0]!.tool.driver.rules).toEqual([]);
  });
});
