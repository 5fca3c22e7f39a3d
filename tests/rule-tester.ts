import { RuleTester } from '@typescript-eslint/rule-tester';
import * as vitest from 'vitest';
import { fixturesDir, markFixtureProjectInUse } from './fixture-project.js';

export { fixturesDir };

// RuleTester registers `parser.clearCaches()` after each file it is used in, which drops the
// project service and every program in it. The unit tests run many files per worker (vitest.config.ts,
// `isolate: false`): keeping the service lets the next file reuse the parsed fixture project instead
// of building it again. The service's file watchers are stubs, so nothing is held open meanwhile.
// What each file leaves in the fixture project is put back instead (tests/unit-setup.ts).
RuleTester.afterAll = () => {};
markFixtureProjectInUse();
RuleTester.describe = vitest.describe;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;

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
