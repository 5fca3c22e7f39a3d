import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import * as ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * `examples/` is what `npm run demo` shows a newcomer, so it must say what it claims: every file's
 * header names the reports it expects (`// expect: drain/<rule> at <line>:<column>`, or
 * `// expect: no reports`), and this test holds the built plugin to it. When a rule fixes a file,
 * the fixed text must match `examples/fixed/<file>`.
 */
const examplesDir = path.join(__dirname, '..', 'examples');
const srcDir = path.join(examplesDir, 'src');
const fixedDir = path.join(examplesDir, 'fixed');

const EXPECT = /^\/\/\s*expect:\s*(.+?)\s*$/;
const REPORT = /^(drain\/[\w-]+) at (\d+):(\d+)$/;

/** The reports a file's header comment announces, as `rule at line:column` strings. */
function expectedReports(file: string): string[] | undefined {
  const lines = readFileSync(file, 'utf8').split('\n');
  const expected: string[] = [];
  let announced = false;
  for (const line of lines) {
    if (!line.startsWith('//')) break;
    const match = EXPECT.exec(line);
    if (!match) continue;
    announced = true;
    if (match[1] === 'no reports') continue;
    if (!REPORT.test(match[1]!)) throw new Error(`${path.basename(file)}: cannot read "${line}"`);
    expected.push(match[1]!);
  }
  return announced ? expected.sort() : undefined;
}

const files = readdirSync(srcDir)
  .filter((name) => /\.(?:[cm]?[jt]s)$/.test(name))
  .sort();

describe('examples/', () => {
  let results: Map<string, ESLint.LintResult>;
  let fixed: Map<string, ESLint.LintResult>;

  beforeAll(async () => {
    // The example config imports ../dist: this runs against the build `npm test` just made.
    const lint = async (fix: boolean) =>
      new Map((await new ESLint({ cwd: examplesDir, fix }).lintFiles(['src'])).map((r) => [path.basename(r.filePath), r]));
    [results, fixed] = await Promise.all([lint(false), lint(true)]);
  });

  it('has scenarios', () => {
    expect(files.length).toBeGreaterThan(5);
    expect([...results.keys()].sort()).toEqual(files);
  });

  it.each(files)('%s reports what its header says', (name) => {
    const expected = expectedReports(path.join(srcDir, name));
    expect(expected, `${name} needs a "// expect:" header comment`).toBeDefined();
    const result = results.get(name)!;
    const crashes = result.messages.filter((message) => message.fatal || !message.ruleId);
    expect(crashes).toEqual([]);
    const actual = result.messages.map((message) => `${message.ruleId} at ${message.line}:${message.column}`).sort();
    expect(actual).toEqual(expected);
  });

  it.each(files)('%s is fixed as examples/fixed says', (name) => {
    const output = fixed.get(name)!.output;
    const expectedFile = path.join(fixedDir, name);
    if (output === undefined) {
      expect(existsSync(expectedFile), `${name} is not changed by --fix, so examples/fixed/${name} is stale`).toBe(false);
    } else {
      expect(existsSync(expectedFile), `--fix changes ${name}: add examples/fixed/${name}`).toBe(true);
      expect(output).toBe(readFileSync(expectedFile, 'utf8'));
    }
  });

  it('type-checks, fixed outputs included, so the types the rules see are those of a real project', () => {
    const configFile = ts.readConfigFile(path.join(examplesDir, 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, examplesDir);
    const fixedFiles = existsSync(fixedDir)
      ? readdirSync(fixedDir).filter((name) => name.endsWith('.ts')).map((name) => path.join(fixedDir, name))
      : [];
    const program = ts.createProgram([...parsed.fileNames, ...fixedFiles], parsed.options);
    const diagnostics = ts.getPreEmitDiagnostics(program).map(
      (diagnostic) =>
        `${diagnostic.file ? path.relative(examplesDir, diagnostic.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
    );
    expect(diagnostics).toEqual([]);
  });
});
