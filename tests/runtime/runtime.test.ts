import { beforeAll, describe, expect, it } from 'vitest';
import { clientLabels, loadScenarios } from './harness/scenarios.js';
import { findDisagreements, runSuite, type Disagreement, type SuiteResult } from './harness/suite.js';
import { typeCheckScenarios } from './harness/type-check.js';

// Several minutes on a 2-core machine: every scenario runs in child processes (2 at a time) at
// three body sizes, every fixed variant at those sizes and against an endless and a 1 GiB body,
// and every client's size sweep. The margin is for machines busy with other work.
const SUITE_TIMEOUT_MS = 900_000;

let result: SuiteResult | undefined;
beforeAll(async () => {
  result = await runSuite();
}, SUITE_TIMEOUT_MS);

function disagreements(id: string, kind: Disagreement['kind']): string[] {
  if (!result) throw new Error('the runtime suite did not run');
  return findDisagreements(result)
    .filter((disagreement) => disagreement.scenario === id && disagreement.kind === kind)
    .map(({ client, scenario, message }) => `${client} ${scenario}: ${message}`);
}

describe('runtime harness', () => {
  it('scenarios and sweep probes type-check against the installed @types/node and clients', () => {
    expect(typeCheckScenarios()).toEqual([]);
  });

  it("undici's setGlobalDispatcher bounds Node's global fetch", () => {
    expect(disagreements('(harness)', 'runtime')).toEqual([]);
  });
});

// What each client does with a body left unread or closed, by size: the thresholds the docs quote.
describe('size sweep', () => {
  for (const client of Object.keys(clientLabels)) {
    it(`${client}: a body costs its connection from the sizes harness/thresholds.ts declares`, () => {
      expect(disagreements(`(sweep ${client})`, 'runtime')).toEqual([]);
    });
  }
});

// The header of each scenario is its one declared rule verdict: the lint check ties it to what the
// rules say (tests/rules/runtime-scenarios.test.ts feeds the same header to the RuleTester), the
// runtime check ties it to what Node does with the code and with each fixed variant.
describe('scenarios', () => {
  for (const scenario of loadScenarios()) {
    describe(scenario.id, () => {
      it('the rules report, fix and suggest what its header declares', () => {
        expect(disagreements(scenario.id, 'lint')).toEqual([]);
      });

      it('Node behaves as its declared verdict says, and every fix reuses its connection and ends on endless and 1 GiB bodies', () => {
        expect(disagreements(scenario.id, 'runtime')).toEqual([]);
      });
    });
  }
});
