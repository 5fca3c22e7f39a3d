import * as fs from 'node:fs';
import type { PassKind } from './soak-linter.js';
import type { PassResult, SoakFinding } from './soak-run.js';

/** TRIAGE.md's three verdicts. */
export type Verdict = 'true' | 'false' | 'harmless';

/** Which passes a report site is reported in. */
export type Passes = 'both' | PassKind;

/**
 * One row of `verdicts.tsv`: a report site and what a reader found there. A site is keyed by
 * package (without version), file, rule and the reported line's text, so that a row survives line
 * drift; the line number only breaks ties between equal lines of one file.
 */
export interface VerdictRow {
  readonly package: string;
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly passes: Passes;
  /** The reported line's text, whitespace collapsed (`*` in a grouped row). */
  readonly source: string;
  /** The exits the message names, line numbers included (the close rule: what it closes). */
  readonly exits: string;
  readonly verdict: Verdict;
  readonly reason: string;
}

/**
 * A generated file whose deliberate leaks are stated by its generator: every report on one of
 * `lines` is covered by one grouped row (source `*`, rule `*` or one rule) of the file, and the
 * count must match.
 */
export interface ExpectedLeaks {
  readonly package: string;
  readonly file: string;
  /** Lines the generator marks as deliberate leaks. */
  readonly lines: ReadonlySet<number>;
}

/** A report of one pass, in the shape of a verdict row. */
export interface ReportSite {
  readonly pass: PassKind;
  readonly package: string;
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly source: string;
  readonly exits: string;
}

const COLUMNS = ['package', 'file', 'line', 'rule', 'passes', 'source', 'exits', 'verdict', 'reason'] as const;
const VERDICTS = new Set<string>(['true', 'false', 'harmless']);
const PASSES = new Set<string>(['both', 'typed', 'untyped']);

/** Reads `verdicts.tsv`: a header line, then one tab-separated row per report site; `#` lines are comments. */
export function readVerdicts(file: string): VerdictRow[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const header = lines[0]?.split('\t') ?? [];
  if (header.join('\t') !== COLUMNS.join('\t')) throw new Error(`${file}: the first line must be the header ${COLUMNS.join(' ')}`);
  const rows: VerdictRow[] = [];
  lines.slice(1).forEach((text, index) => {
    if (text.trim() === '' || text.startsWith('#')) return;
    const cells = text.split('\t');
    const at = `${file}:${index + 2}`;
    if (cells.length !== COLUMNS.length) throw new Error(`${at}: ${cells.length} columns, expected ${COLUMNS.length}`);
    const [pkg, path, line, rule, passes, source, exits, verdict, reason] = cells as [string, ...string[]];
    if (!VERDICTS.has(verdict!)) throw new Error(`${at}: verdict must be true, false or harmless, not "${verdict}"`);
    if (!PASSES.has(passes!)) throw new Error(`${at}: passes must be both, typed or untyped, not "${passes}"`);
    if (!reason) throw new Error(`${at}: a verdict needs its reason`);
    rows.push({
      package: pkg,
      file: path!,
      line: Number(line),
      rule: rule!,
      passes: passes as Passes,
      source: source!,
      exits: exits!,
      verdict: verdict as Verdict,
      reason: reason!,
    });
  });
  return rows;
}

/** Rows as `verdicts.tsv` text, sorted by package, file and line. */
export function formatVerdicts(rows: readonly VerdictRow[]): string {
  const sorted = [...rows].sort(
    (a, b) => a.package.localeCompare(b.package) || a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule),
  );
  const cell = (value: string | number) => String(value).replace(/[\t\n]/g, ' ');
  return `${[COLUMNS.join('\t'), ...sorted.map((row) => COLUMNS.map((column) => cell(row[column])).join('\t'))].join('\n')}\n`;
}

/** The package name of a target label (`name@1.2.3` → `name`). */
export function packageOf(label: string): string {
  const at = label.lastIndexOf('@');
  return at > 0 ? label.slice(0, at) : label;
}

/** The part of a message that names the exits ("the function returns at line 14"), or what it closes. */
export function exitsOf(finding: Pick<SoakFinding, 'ruleId' | 'message'>): string {
  const when = /\bis left unread when (.*): read or drain it\b/.exec(finding.message);
  if (when) return when[1]!;
  // Both close messages start alike; only a cancel's offers a HEAD request.
  if (/^`[^`]*` closes the unread body\b/.test(finding.message)) return /\bHEAD request\b/.test(finding.message) ? 'cancels unread' : 'destroys unread';
  return finding.message;
}

/** Every report of each pass as a site. */
export function reportSites(results: readonly PassResult[]): ReportSite[] {
  return results.flatMap((result) =>
    result.findings.map((finding) => ({
      pass: result.pass,
      package: packageOf(finding.target),
      file: finding.relative,
      line: finding.line,
      rule: finding.ruleId,
      source: finding.source,
      exits: exitsOf(finding),
    })),
  );
}

/** What a run says about the verdicts file. */
export interface Comparison {
  readonly passes: readonly PassKind[];
  /** Per pass: reports matched to a row, by verdict; and reports without one. */
  readonly counts: Record<PassKind, Record<Verdict | 'none', number>>;
  /** Per package and pass: the same counts. */
  readonly byPackage: Record<string, Partial<Record<PassKind, Record<Verdict | 'none', number>>>>;
  readonly unrecorded: ReportSite[];
  /** Rows that apply to a pass of this run and that no report of it matched. */
  readonly gone: { row: VerdictRow; pass: PassKind }[];
  /** Matched rows whose message now names other exits. */
  readonly exitsChanged: { row: VerdictRow; site: ReportSite }[];
  /** Grouped rows of generated files whose report count differs from the marked leaks. */
  readonly groupMismatches: { row: VerdictRow; pass: PassKind; expected: number; reported: number }[];
}

const emptyCounts = (): Record<Verdict | 'none', number> => ({ true: 0, false: 0, harmless: 0, none: 0 });

/**
 * Matches each pass's reports to the rows that apply to it: by package, file, rule and reported
 * line text, then nearest line among equal keys. Reports on a generated file's marked leak lines
 * go to its grouped row.
 */
export function compareVerdicts(
  results: readonly PassResult[],
  rows: readonly VerdictRow[],
  expected: Partial<Record<PassKind, readonly ExpectedLeaks[]>> = {},
): Comparison {
  const passes = results.map((result) => result.pass);
  const comparison: Comparison = {
    passes,
    counts: { typed: emptyCounts(), untyped: emptyCounts() },
    byPackage: {},
    unrecorded: [],
    gone: [],
    exitsChanged: [],
    groupMismatches: [],
  };
  const sites = reportSites(results);
  const tally = (site: ReportSite, verdict: Verdict | 'none') => {
    comparison.counts[site.pass][verdict]++;
    const entry = (comparison.byPackage[site.package] ??= {});
    (entry[site.pass] ??= emptyCounts())[verdict]++;
  };

  for (const pass of passes) {
    const marked = new Map((expected[pass] ?? []).map((entry) => [`${entry.package}\t${entry.file}`, entry.lines]));
    const applies = rows.filter((row) => row.passes === 'both' || row.passes === pass);
    const passSites = sites.filter((site) => site.pass === pass);

    const grouped = applies.filter((row) => row.source === '*');
    for (const row of grouped) {
      const lines = marked.get(`${row.package}\t${row.file}`);
      const covered = lines ? passSites.filter((site) => coveredBy(row, site) && lines.has(site.line)) : [];
      for (const site of covered) tally(site, row.verdict);
      const expectedCount = lines?.size ?? 0;
      if (covered.length !== expectedCount) {
        comparison.groupMismatches.push({ row, pass, expected: expectedCount, reported: covered.length });
      }
    }
    const isGrouped = (site: ReportSite) =>
      grouped.some((row) => coveredBy(row, site)) && marked.get(`${site.package}\t${site.file}`)?.has(site.line) === true;

    const byKey = new Map<string, VerdictRow[]>();
    for (const row of applies.filter((entry) => entry.source !== '*')) {
      const key = siteKey(row);
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    const used = new Set<VerdictRow>();
    for (const site of passSites.filter((entry) => !isGrouped(entry))) {
      const candidates = (byKey.get(siteKey(site)) ?? []).filter((row) => !used.has(row));
      const row = candidates.sort((a, b) => Math.abs(a.line - site.line) - Math.abs(b.line - site.line))[0];
      if (!row) {
        comparison.unrecorded.push(site);
        tally(site, 'none');
        continue;
      }
      used.add(row);
      tally(site, row.verdict);
      if (row.exits !== site.exits && !comparison.exitsChanged.some((entry) => entry.row === row)) {
        comparison.exitsChanged.push({ row, site });
      }
    }
    for (const row of applies) {
      if (row.source !== '*' && !used.has(row)) comparison.gone.push({ row, pass });
    }
  }
  return comparison;
}

// A grouped row's rule may be `*`: a generated file's marked lines are leaks and unread closes.
function coveredBy(row: VerdictRow, site: ReportSite): boolean {
  return row.package === site.package && row.file === site.file && (row.rule === '*' || row.rule === site.rule);
}

function siteKey(site: Pick<ReportSite, 'package' | 'file' | 'rule' | 'source'>): string {
  return [site.package, site.file, site.rule, site.source].join('\t');
}

/** Rows for the reports that have none yet, with an empty verdict, merged over passes: a start for the reader. */
export function draftRows(unrecorded: readonly ReportSite[]): string {
  const merged = new Map<string, { site: ReportSite; passes: Set<PassKind> }>();
  for (const site of unrecorded) {
    const key = `${siteKey(site)}\t${site.line}`;
    const entry = merged.get(key) ?? merged.set(key, { site, passes: new Set() }).get(key)!;
    entry.passes.add(site.pass);
  }
  const lines = [...merged.values()].map(({ site, passes }) =>
    [site.package, site.file, site.line, site.rule, passes.size === 2 ? 'both' : [...passes][0]!, site.source, site.exits, '', ''].join('\t'),
  );
  return `${[COLUMNS.join('\t'), ...lines.sort()].join('\n')}\n`;
}

/** The comparison in words: counts per verdict and package, then each list that is not empty. */
export function formatComparison(comparison: Comparison, file: string): string {
  const out: string[] = [];
  const where = (row: Pick<VerdictRow, 'package' | 'file' | 'line' | 'rule'>) => `${row.package} ${row.file}:${row.line} ${row.rule}`;
  out.push(`verdicts from ${file}:`);
  for (const pass of comparison.passes) {
    const counts = comparison.counts[pass];
    const total = counts.true + counts.false + counts.harmless + counts.none;
    out.push(`  ${pass}: ${total} reports: ${counts.true} true, ${counts.false} false, ${counts.harmless} harmless, ${counts.none} without a verdict`);
  }
  out.push('', `  ${'package'.padEnd(34)} ${comparison.passes.map((pass) => `${pass} (true/false/harmless/none)`.padStart(32)).join(' ')}`);
  for (const [pkg, perPass] of Object.entries(comparison.byPackage).sort(([a], [b]) => a.localeCompare(b))) {
    const cells = comparison.passes.map((pass) => {
      const counts = perPass[pass];
      return (counts ? `${counts.true}/${counts.false}/${counts.harmless}/${counts.none}` : '-').padStart(32);
    });
    out.push(`  ${pkg.padEnd(34)} ${cells.join(' ')}`);
  }
  // A new package or a changed generator can bring thousands: `--draft-verdicts` writes them all.
  const section = (title: string, lines: string[], limit = Infinity) => {
    if (lines.length === 0) return;
    out.push('', `${title} (${lines.length}):`, ...lines.slice(0, limit).map((line) => `  ${line}`));
    if (lines.length > limit) out.push(`  … and ${lines.length - limit} more (--draft-verdicts writes every one)`);
  };
  section(
    'reports without a verdict',
    comparison.unrecorded.map((site) => `[${site.pass}] ${where(site)}  ${site.source}  — ${site.exits}`),
    200,
  );
  const gone = (verdict: Verdict) =>
    comparison.gone.filter((entry) => entry.row.verdict === verdict).map(({ row, pass }) => `[${pass}] ${where(row)}  ${row.source}  — ${row.reason}`);
  section('TRUE REPORTS LOST (regressions)', gone('true'));
  section('false reports gone (fixed)', gone('false'));
  section('harmless reports gone', gone('harmless'));
  section(
    'generated files whose reports differ from their marked leaks',
    comparison.groupMismatches.map(({ row, pass, expected, reported }) => `[${pass}] ${row.package} ${row.file} ${row.rule}: ${reported} reports on ${expected} marked lines`),
  );
  section(
    'reports whose exits changed',
    comparison.exitsChanged.map(({ row, site }) => `[${site.pass}] ${where(row)} (${row.verdict}): was "${row.exits}", now "${site.exits}"`),
  );
  return out.join('\n');
}
