// Prints the outcome of one or more vitest JSON reports (`npm test`, `npm run test:integration`),
// summed; the last line is exactly `N passed, N failed`. Exits 1 when a test failed, a test file
// failed to load, or a report is missing (its run stopped before vitest, e.g. at the build or
// lint:docs).
import { existsSync, readFileSync } from 'node:fs';

const files = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let ok = files.length > 0;
if (files.length === 0) console.error('no vitest report given');
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`no vitest report at ${file}: that run stopped before the tests`);
    ok = false;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const brokenFiles = (report.testResults ?? []).filter(
    (result) => result.status === 'failed' && (result.assertionResults ?? []).every((test) => test.status !== 'failed'),
  );
  for (const result of brokenFiles) console.log(`failed to run: ${result.name}: ${String(result.message ?? '').split('\n')[0]}`);
  if (brokenFiles.length > 0 || report.success === false) ok = false;
}
if (skipped > 0) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || !ok ? 1 : 0);
