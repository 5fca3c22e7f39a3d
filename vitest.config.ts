import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { LongRunsFirst } from './tests/long-runs-first.js';

/**
 * Two projects, chosen by folder: `integration` is everything under tests/integration/ (installs
 * from the packed tarball, the configs matrix, pre-commit hooks, the editor's language server;
 * `npm run test:integration`), `unit` is every other test file (`npm test`). A new test file lands
 * in `unit` unless it sits in tests/integration/.
 */
const timeouts = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    // vitest's own default for `run` is one worker fewer than the cores: a single worker on a
    // 2-core machine, with the second core idle except for child processes.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongRunsFirst },
    projects: [
      {
        test: {
          name: 'unit',
          ...timeouts,
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/integration/**'],
          // One process per worker for all its files, instead of one per file: TypeScript, ESLint and
          // typescript-eslint load once, and the typed tests share one project service, so the fixture
          // project is parsed once per worker (tests/rule-tester.ts keeps the service between files,
          // tests/unit-setup.ts puts back what each file changed in it). A unit test file must leave
          // no global state behind: the next file runs in the same process.
          isolate: false,
          setupFiles: ['tests/unit-setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          ...timeouts,
          include: ['tests/integration/**/*.test.ts'],
        },
      },
    ],
  },
});
