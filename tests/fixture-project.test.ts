import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fixturesDir, markFixtureProjectInUse, restoreFixtureProject } from './fixture-project.js';

/**
 * The unit tests of a worker share one project service (vitest.config.ts), which keeps the last text
 * each file was linted with. tests/unit-setup.ts puts the fixture project back after every test file;
 * this shows what would leak otherwise and that it no longer does.
 */
const entry = path.join(fixturesDir, 'file.ts');
const helpers = path.join(fixturesDir, 'cross-file', 'http-helpers.ts');

function lint(file: string, code: string): ts.Program {
  const { services } = parseForESLint(code, { filePath: file, projectService: true, tsconfigRootDir: fixturesDir });
  return services.program!;
}

/** Whether code in http-helpers.ts can see a global named `name`, as the current program has it. */
function helpersSee(program: ts.Program, name: string): boolean {
  const scope = program.getTypeChecker().getSymbolsInScope(program.getSourceFile(helpers)!, ts.SymbolFlags.Value);
  return scope.some((symbol) => symbol.name === name);
}

describe('the shared fixture project', () => {
  it('keeps a case’s text until it is put back: a global the case declared reaches other files', () => {
    markFixtureProjectInUse();
    const disk = fs.readFileSync(entry, 'utf8');
    const stale = lint(entry, 'export {};\ndeclare global {\n  var leakedByCase: number;\n}\n');
    expect(stale.getSourceFile(entry)!.text).not.toBe(disk);
    expect(helpersSee(stale, 'leakedByCase')).toBe(true);

    restoreFixtureProject();
    const restored = lint(helpers, fs.readFileSync(helpers, 'utf8'));
    expect(restored.getSourceFile(entry)!.text).toBe(disk);
    expect(helpersSee(restored, 'leakedByCase')).toBe(false);
  });

  it('puts back a fixture module linted with other text', () => {
    markFixtureProjectInUse();
    const disk = fs.readFileSync(helpers, 'utf8');
    lint(helpers, disk.replace('return fetch(url);', 'return fetch(url).then((res) => res);'));
    restoreFixtureProject();
    expect(lint(entry, fs.readFileSync(entry, 'utf8')).getSourceFile(helpers)!.text).toBe(disk);
  });
});
