import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as vitest from 'vitest';

RuleTester.afterAll = vitest.afterAll;
RuleTester.describe = vitest.describe;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;

/** Folder of the typed fixture project (real `@types/node`, undici and node-fetch declarations). */
export const fixturesDir = path.join(__dirname, 'fixtures');

/** A RuleTester whose cases are type-checked as `tests/fixtures/file.ts`. */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: fixturesDir,
      },
    },
  });
}

/** A RuleTester without type information, as for a plain JavaScript project. */
export function createUntypedRuleTester(): RuleTester {
  return new RuleTester();
}
