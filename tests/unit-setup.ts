import { afterAll } from 'vitest';
import { restoreFixtureProject } from './fixture-project.js';

// Runs before each unit test file (vitest.config.ts `setupFiles`): the files of a worker share one
// process and one project service, so each leaves the fixture project as it found it.
afterAll(restoreFixtureProject);
