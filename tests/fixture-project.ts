import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';

/** Folder of the typed fixture project (real `@types/node`, undici and node-fetch declarations). */
export const fixturesDir = path.join(__dirname, 'fixtures');

const entry = path.join(fixturesDir, 'file.ts');

let inUse = false;

/** Called by tests/rule-tester.ts, which every test file that lints the fixture project imports. */
export function markFixtureProjectInUse(): void {
  inUse = true;
}

/**
 * Puts every file of the fixture project back to its text on disk, in the project service that
 * the unit tests of one worker share (vitest.config.ts). A typed case lints its code as
 * `file.ts`, or as a fixture file with fixed or suggested text, and the service keeps the last
 * text: without this, the next test file would type-check against it (a case's `declare global`
 * would reach every file, and a helper module left with fixed text would be what the next file's
 * cases import). Does nothing before the project is first used in this worker; costs a program
 * update per file put back.
 */
export function restoreFixtureProject(): void {
  if (!inUse) return;
  const { program } = open(entry);
  for (const file of program.getSourceFiles()) {
    const fileName = path.resolve(file.fileName);
    if (fileName === entry || !fileName.startsWith(fixturesDir + path.sep)) continue;
    if (fs.existsSync(fileName) && file.text !== fs.readFileSync(fileName, 'utf8')) open(fileName);
  }
}

function open(file: string) {
  const { services } = parseForESLint(fs.readFileSync(file, 'utf8'), { filePath: file, projectService: true, tsconfigRootDir: fixturesDir });
  if (!services.program) throw new Error(`${path.relative(fixturesDir, file)}: no program from the project service`);
  return { program: services.program };
}
