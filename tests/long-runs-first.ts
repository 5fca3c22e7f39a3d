import * as path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files whose run is long and mostly spent in child processes or whole lint passes. On a
 * fresh clone vitest has no timings yet and starts the largest files first, which would leave
 * these small files to run alone at the end; started first, they overlap with everything else.
 */
const LONG_RUNS = ['tests/runtime/runtime.test.ts', 'tests/soak.test.ts', 'tests/integration/packaging.test.ts', 'tests/integration/configs.test.ts'];

/** vitest's order (longest first once it has timings, largest first before), long runs ahead. */
export class LongRunsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const index = LONG_RUNS.indexOf(path.relative(this.ctx.config.root, spec.moduleId).split(path.sep).join('/'));
      return index === -1 ? LONG_RUNS.length : index;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
