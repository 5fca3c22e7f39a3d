import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PassKind } from '../scripts/soak/soak-linter.js';
import type { PassResult, SoakFinding } from '../scripts/soak/soak-run.js';
import { compareVerdicts, draftRows, exitsOf, formatVerdicts, readVerdicts, type VerdictRow } from '../scripts/soak/verdicts.js';

/**
 * `npm run soak -- --verdicts` tells which reports appeared or disappeared since the triage: these
 * cases pin the matching (by file, rule and reported line text, surviving line drift) and the
 * split of vanished rows into lost true reports and fixed false ones.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soak-verdicts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const leakMessage = (exits: string) =>
  `The body of the \`fetch(url)\` response (\`res\`) is left unread when ${exits}: read or drain it so the connection can be reused.`;

function finding(relative: string, line: number, source: string, exits: string, target = 'pkg@1.0.0'): SoakFinding {
  return {
    target,
    file: `/stage/corpus/pkg/${relative}`,
    relative,
    ruleId: 'drain/no-unconsumed-body',
    line,
    column: 9,
    message: leakMessage(exits),
    fixable: true,
    source,
  };
}

function pass(kind: PassKind, findings: SoakFinding[]): PassResult {
  return {
    pass: kind, files: 1, linted: 1, parseErrors: [], crashes: [], fixFailures: [], reports: {}, filesWithReports: 0,
    fixedFiles: 0, fixesApplied: 0, tscChecked: 0, ms: 0, cpuMs: 0, slowest: [], byTarget: {}, findings,
  };
}

function row(overrides: Partial<VerdictRow>): VerdictRow {
  return {
    package: 'pkg', file: 'src/a.ts', line: 10, rule: 'drain/no-unconsumed-body', passes: 'both',
    source: 'const res = await fetch(url);', exits: 'the function throws at line 12', verdict: 'true', reason: 'throws at 12 unread',
    ...overrides,
  };
}

describe('soak verdicts', () => {
  it('reads back what it writes, and names a row whose verdict is not one of the three', () => {
    const file = path.join(dir, 'round-trip.tsv');
    const rows = [row({}), row({ file: 'src/b.ts', verdict: 'false', reason: 'in-memory Response from next()' })];
    fs.writeFileSync(file, formatVerdicts(rows));
    expect(readVerdicts(file)).toEqual(rows);

    fs.writeFileSync(file, formatVerdicts([row({})]).replace('\ttrue\t', '\tmaybe\t'));
    expect(() => readVerdicts(file)).toThrow(/round-trip\.tsv:2: verdict must be true, false or harmless, not "maybe"/);
  });

  it('takes the exits from the message of each rule', () => {
    expect(exitsOf({ ruleId: 'drain/no-unconsumed-body', message: leakMessage('the function returns at lines 3 and 9') })).toBe(
      'the function returns at lines 3 and 9',
    );
    expect(
      exitsOf({
        ruleId: 'drain/no-undrained-close',
        message:
          '`res.body?.cancel()` closes the unread body of the `fetch(url)` response (`res`), which can cost its connection: drain the body instead, or send a HEAD request if only the headers matter.',
      }),
    ).toBe('cancels unread');
    expect(
      exitsOf({
        ruleId: 'drain/no-undrained-close',
        message: '`req.abort()` closes the unread body of the `http.get(…)` response (`res`), which can cost its connection: drain the body instead.',
      }),
    ).toBe('destroys unread');
  });

  it('matches a report whose line moved but whose text did not', () => {
    const comparison = compareVerdicts(
      [pass('typed', [finding('src/a.ts', 14, 'const res = await fetch(url);', 'the function throws at line 16')])],
      [row({ passes: 'typed' })],
    );
    expect(comparison.unrecorded).toEqual([]);
    expect(comparison.gone).toEqual([]);
    expect(comparison.counts.typed).toEqual({ true: 1, false: 0, harmless: 0, none: 0 });
    expect(comparison.exitsChanged.map((entry) => entry.site.exits)).toEqual(['the function throws at line 16']);
  });

  it('pairs equal lines of one file by nearest line, and lists the report left over as without a verdict', () => {
    const source = 'const res = await fetch(url);';
    const comparison = compareVerdicts(
      [pass('untyped', [finding('src/a.ts', 10, source, 'x'), finding('src/a.ts', 40, source, 'y'), finding('src/a.ts', 90, source, 'z')])],
      [row({ line: 41, exits: 'y' }), row({ line: 11, exits: 'x' })],
    );
    expect(comparison.unrecorded.map((site) => site.line)).toEqual([90]);
    expect(comparison.exitsChanged).toEqual([]);
  });

  it('splits vanished rows: a true one lost is a regression, a false one gone is a fix', () => {
    const comparison = compareVerdicts(
      [pass('typed', [])],
      [row({ verdict: 'true' }), row({ file: 'src/b.ts', verdict: 'false', reason: 'next() result' }), row({ file: 'src/c.ts', passes: 'untyped' })],
    );
    expect(comparison.gone.map(({ row: gone }) => [gone.file, gone.verdict])).toEqual([
      ['src/a.ts', 'true'],
      ['src/b.ts', 'false'],
    ]);
  });

  it('covers a generated file with one grouped row when its reports are exactly the marked lines', () => {
    const grouped = row({ package: 'odd', file: 'gen.ts', line: 0, source: '*', exits: '*', reason: 'deliberate leaks' });
    const marked = { typed: [{ package: 'odd', file: 'gen.ts', lines: new Set([3, 7]) }] };
    const site = (line: number) => finding('gen.ts', line, `line ${line}`, 'e', 'odd');

    const exact = compareVerdicts([pass('typed', [site(3), site(7)])], [grouped], marked);
    expect(exact.counts.typed.true).toBe(2);
    expect(exact.groupMismatches).toEqual([]);

    const off = compareVerdicts([pass('typed', [site(3), site(5)])], [grouped], marked);
    expect(off.unrecorded.map((entry) => entry.line)).toEqual([5]);
    expect(off.groupMismatches.map(({ expected, reported }) => [expected, reported])).toEqual([[2, 1]]);
  });

  it('drafts one row per site for the reports without a verdict, merging the two passes', () => {
    const report = finding('src/a.ts', 10, 'const res = await fetch(url);', 'the function ends at line 20');
    const comparison = compareVerdicts([pass('untyped', [report]), pass('typed', [report])], []);
    const lines = draftRows(comparison.unrecorded).split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.split('\t')).toEqual([
      'pkg', 'src/a.ts', '10', 'drain/no-unconsumed-body', 'both', 'const res = await fetch(url);', 'the function ends at line 20', '', '',
    ]);
  });
});
