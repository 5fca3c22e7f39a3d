// Prints the outcome of a vitest JSON report; the last line is exactly `N passed, N failed`.
// Exits 1 when a test failed, a test file failed to load, or there is no report (the run stopped
// before vitest, e.g. at the build or lint:docs).
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error(`no vitest report at ${file ?? '(none given)'}: the run stopped before the tests`);
  console.log('0 passed, 0 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const brokenFiles = (report.testResults ?? []).filter(
  (result) => result.status === 'failed' && (result.assertionResults ?? []).every((test) => test.status !== 'failed'),
);
if (skipped > 0) console.log(`${skipped} skipped`);
for (const result of brokenFiles) console.log(`failed to run: ${result.name}: ${String(result.message ?? '').split('\n')[0]}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || brokenFiles.length > 0 || report.success === false ? 1 : 0);
