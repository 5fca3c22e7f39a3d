/**
 * `npm run evidence`: runs the runtime suite and writes docs/runtime-evidence.md. The table is
 * generated so it can never say more than was measured; rerun it after changing a rule or a
 * scenario. Exits non-zero when the rules and the runtime disagree, after writing the file.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { renderEvidence } from './harness/evidence.js';
import { findDisagreements, runSuite } from './harness/suite.js';

async function main(): Promise<void> {
  const result = await runSuite();
  const target = path.join(__dirname, '..', '..', 'docs', 'runtime-evidence.md');
  writeFileSync(target, renderEvidence(result));
  const disagreements = findDisagreements(result);
  console.log(`${path.relative(process.cwd(), target)}: ${result.scenarios.length} scenarios, ${result.sweeps.length} sweeps in ${(result.wallMs / 1000).toFixed(1)} s`);
  for (const { scenario, client, kind, message } of disagreements) console.log(`  disagreement (${kind}): ${scenario} (${client}): ${message}`);
  if (disagreements.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
