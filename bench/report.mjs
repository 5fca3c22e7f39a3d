// The tables of `npm run bench`, from the saved runs (bench/.results/latest.json): the targets per
// code base first, then each code base's runs, the paired ratios they rest on, scaling, ESLint's
// multithreaded linting and the editor's re-lint.
import { BOTH, NFP, PARSE, REC, UNTYPED_PARSE, UNTYPED_REC } from './configs.mjs';

/** The targets of issue 17, as the bench checks them. */
export const targets = {
  ratio: 0.2, // our marginal CPU ≤ 0.2 × no-floating-promises' marginal CPU
  share: 0.01, // ≤ 1% of a run with no-floating-promises
  rss: 0.05, // peak RSS ≤ parse only + 5%
  relintMs: 2, // ≤ 2 ms added to a re-lint, median
  untypedMs: 0.3, // ≤ 0.3 ms per file without types
  growth: 1.2, // marginal ms per file at 100% ≤ 1.2 × at 25%
};

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const s = (ms) => (ms / 1000).toFixed(2);
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const signedPct = (x) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;
const mark = (ok) => (Number.isNaN(ok) || ok === undefined ? '–' : ok ? '✅' : '❌');
const range = (values, format) => `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;

/** Per repetition of one code base: the runs of each configuration that ran side by side. */
function blocksOf(report, base, fraction = 1) {
  const byRep = new Map();
  for (const run of report.runs) {
    if (run.base !== base || run.fraction !== fraction || run.stats) continue;
    (byRep.get(run.rep) ?? byRep.set(run.rep, {}).get(run.rep))[run.config] = run;
  }
  return [...byRep.values()];
}

/** The paired figures of one code base, one value per repetition. */
export function pairedFigures(report, base) {
  const files = report.codeBases.find((b) => b.id === base).files;
  const blocks = blocksOf(report, base).filter((b) => b[PARSE] && b[NFP] && b[REC] && b[BOTH]);
  const cpu = (b, config) => b[config].cpuMs;
  const untypedBlocks = blocksOf(report, base).filter((b) => b[UNTYPED_PARSE] && b[UNTYPED_REC]);
  return {
    files,
    nfpMs: blocks.map((b) => (cpu(b, NFP) - cpu(b, PARSE)) / files),
    oursMs: blocks.map((b) => (cpu(b, REC) - cpu(b, PARSE)) / files),
    overMs: blocks.map((b) => (cpu(b, BOTH) - cpu(b, NFP)) / files),
    ratio: blocks.map((b) => (cpu(b, REC) - cpu(b, PARSE)) / (cpu(b, NFP) - cpu(b, PARSE))),
    overRatio: blocks.map((b) => (cpu(b, BOTH) - cpu(b, NFP)) / (cpu(b, NFP) - cpu(b, PARSE))),
    share: blocks.map((b) => (cpu(b, BOTH) - cpu(b, NFP)) / cpu(b, BOTH)),
    rss: blocks.map((b) => b[REC].peakRssMb / b[PARSE].peakRssMb - 1),
    rssNfp: blocks.map((b) => b[NFP].peakRssMb / b[PARSE].peakRssMb - 1),
    untypedMs: untypedBlocks.map((b) => (cpu(b, UNTYPED_REC) - cpu(b, UNTYPED_PARSE)) / files),
    untypedParseMs: untypedBlocks.map((b) => cpu(b, UNTYPED_PARSE) / files),
    untypedRuleMs: untypedBlocks.map((b) => Object.entries(b[UNTYPED_REC].ruleMs ?? {}).filter(([rule]) => rule.startsWith('drain/')).reduce((sum, [, ms]) => sum + ms, 0) / files),
  };
}

/** Re-lint: per file, the median over edits of the CPU a configuration adds within the same round. */
function relintFigures(relint) {
  return relint.results.map((r) => {
    const added = (a, b) => median(r.samples[a].cpuMs.map((ms, i) => ms - r.samples[b].cpuMs[i]));
    return {
      file: r.file.replace('bench/.corpus/', ''),
      lines: r.lines,
      cell: (config) => `${median(r.samples[config].cpuMs).toFixed(1)} (${median(r.samples[config].ms).toFixed(1)})`,
      alone: added(REC, PARSE),
      afterNfp: added(BOTH, NFP),
      nfp: added(NFP, PARSE),
    };
  });
}

function growthOf(report, base) {
  const rows = [];
  for (const fraction of [0.25, 0.5, 1]) {
    const blocks = blocksOf(report, base, fraction).filter((b) => b[PARSE] && b[REC]);
    if (blocks.length === 0) continue;
    const files = blocks[0][REC].files;
    rows.push({
      fraction,
      files,
      parse: median(blocks.map((b) => b[PARSE].cpuMs)),
      rec: median(blocks.map((b) => b[REC].cpuMs)),
      perFile: median(blocks.map((b) => (b[REC].cpuMs - b[PARSE].cpuMs) / files)),
      rssParse: median(blocks.map((b) => b[PARSE].peakRssMb)),
      rssRec: median(blocks.map((b) => b[REC].peakRssMb)),
    });
  }
  return rows;
}

export function render(report) {
  const lines = [];
  const out = (line = '') => lines.push(line);
  const table = (header, rows) => {
    out(`| ${header.join(' | ')} |`);
    out(`|${header.map(() => '---').join('|')}|`);
    for (const row of rows) out(`| ${row.join(' | ')} |`);
    out();
  };
  const { machine } = report;
  const load = (l) => l.map((x) => x.toFixed(1)).join(' / ');
  out(`Measured ${report.date.slice(0, 10)} with \`npm run bench\` (${(report.totalSeconds / 60).toFixed(1)} min): ` +
    `${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GiB, Node ${machine.node}, ESLint ${report.versions.eslint}, ` +
    `TypeScript ${report.versions.typescript}, typescript-eslint ${report.versions['typescript-eslint']}, ` +
    `eslint-plugin-drain ${report.plugin.version} from ${report.plugin.build}. Load average ${load(machine.loadAtStart)} at the start, ` +
    `${load(machine.loadAtEnd)} at the end.`);
  out();
  out('### Code bases');
  out();
  table(
    ['code base', 'what it is', 'packages (version: .ts files)', 'files', 'lines'],
    report.codeBases.map((base) => [
      `\`${base.id}\``,
      base.kind,
      base.sources.map((source) => `${source.name}${source.version === '-' ? '' : `@${source.version}`}: ${source.files}`).join(', '),
      String(base.files),
      String(base.lines),
    ]),
  );

  const runsPerBase = Math.max(...report.codeBases.map((base) => blocksOf(report, base.id).length));
  out('### Targets per code base');
  out();
  out(`Medians over ${runsPerBase} repetitions; each figure is taken within one repetition, whose runs followed one another ` +
    '(paired), then the median and the range (min–max) over repetitions. CPU = user + system time of the whole process. ' +
    '"ours" = drain recommended − parse only; "nfp" = no-floating-promises − parse only; "share" = ' +
    '((nfp + drain recommended) − nfp) ÷ (nfp + drain recommended); RSS = peak RSS of drain recommended over parse only; ' +
    're-lint = the larger of the code base\'s two files, CPU added per edit; untyped = drain recommended − parse only without type information, ' +
    'and the time ESLint `stats` gives the drain rules in that run. A ratio is marked – when no-floating-promises\' marginal CPU was not above zero in every repetition: it is then within the noise of two whole runs.');
  out();
  const relintOf = (base) => report.relints?.find((r) => r.base === base);
  const rows = [];
  for (const base of report.codeBases) {
    const f = pairedFigures(report, base.id);
    const relint = relintOf(base.id) ? relintFigures(relintOf(base.id)) : undefined;
    const worst = (key) => (relint ? Math.max(...relint.map((r) => r[key])) : NaN);
    const ms = (x) => x.toFixed(2);
    rows.push([
      `\`${base.id}\` (${base.files})`,
      range(f.nfpMs, ms),
      range(f.oursMs, ms),
      // A repetition where no-floating-promises costs nothing measurable (within the noise of two
      // whole runs) makes the ratio meaningless, not a pass: '–'.
      `${mark(f.nfpMs.some((x) => x <= 0) ? NaN : median(f.ratio) <= targets.ratio)} ${range(f.ratio, (x) => x.toFixed(2))}`,
      `${mark(median(f.share) <= targets.share)} ${range(f.share, pct)}`,
      `${mark(median(f.rss) <= targets.rss)} ${range(f.rss, signedPct)} (nfp ${signedPct(median(f.rssNfp))})`,
      relint ? `${mark(worst('alone') <= targets.relintMs)} ${worst('alone').toFixed(1)} / ${mark(worst('afterNfp') <= targets.relintMs)} ${worst('afterNfp').toFixed(1)}` : '–',
      f.untypedMs.length
        ? `${mark(median(f.untypedMs) <= targets.untypedMs)} ${range(f.untypedMs, (x) => x.toFixed(3))}; rules' own ${median(f.untypedRuleMs).toFixed(3)}`
        : '–',
    ]);
  }
  table(
    ['code base (files)', 'nfp ms/file', 'ours ms/file', `ours ÷ nfp (≤ ${targets.ratio})`, `share (≤ ${pct(targets.share)})`,
      `RSS (≤ +${pct(targets.rss)})`, `re-lint ms added, alone / after nfp (≤ ${targets.relintMs})`, `untyped ms/file (≤ ${targets.untypedMs})`],
    rows,
  );

  const largest = report.codeBases.find((base) => base.largest);
  const growth = largest ? growthOf(report, largest.id) : [];
  if (growth.length === 3) {
    const ratio = growth[2].perFile / growth[0].perFile;
    out(`Linear growth (\`${largest.id}\`, 25% ⊂ 50% ⊂ 100% of its files): ${mark(ratio <= targets.growth)} the marginal CPU per file is ` +
      `${growth.map((g) => g.perFile.toFixed(2)).join(', ')} ms (×${ratio.toFixed(2)} from 25% to 100%); ` +
      `peak RSS over parse only ${growth.map((g) => signedPct(g.rssRec / g.rssParse - 1)).join(', ')}. Table below.`);
    out();
  }

  for (const base of report.codeBases) {
    out(`### \`${base.id}\`: ${base.files} files`);
    out();
    const blocks = blocksOf(report, base.id);
    const configs = [PARSE, NFP, REC, BOTH, UNTYPED_PARSE, UNTYPED_REC].filter((config) => blocks.some((b) => b[config]));
    table(
      ['configuration', 'CPU median (s)', 'CPU min (s)', 'wall median (s)', 'peak RSS median (MB)', 'reports'],
      configs.map((config) => {
        const runs = blocks.map((b) => b[config]).filter(Boolean);
        const reports = runs[0].reports;
        const digests = new Set(runs.map((run) => run.reportDigest));
        return [
          config,
          s(median(runs.map((r) => r.cpuMs))),
          s(Math.min(...runs.map((r) => r.cpuMs))),
          s(median(runs.map((r) => r.ms))),
          median(runs.map((r) => r.peakRssMb)).toFixed(0),
          (Object.entries(reports).map(([rule, count]) => `${rule.replace('@typescript-eslint/', '')} ${count}`).join(', ') || '0') +
            (digests.size > 1 ? ' ⚠ runs differ' : ''),
        ];
      }),
    );
    const f = pairedFigures(report, base.id);
    out(`Paired, per repetition: ours ÷ nfp ${f.ratio.map((x) => x.toFixed(3)).join(', ')}; ` +
      `(nfp + ours − nfp) ÷ nfp ${f.overRatio.map((x) => x.toFixed(3)).join(', ')}; share ${f.share.map(pct).join(', ')}; ` +
      `RSS ${f.rss.map(signedPct).join(', ')}; untyped parse ${f.untypedParseMs.map((x) => x.toFixed(2)).join(', ')} ms/file.`);
    out();
    const findings = blocks.find((b) => b[REC])?.[REC].drainFindings ?? [];
    out(`drain recommended reports ${findings.length} place(s)${findings.length ? ':' : '.'}`);
    out();
    for (const finding of findings) out(`- \`${finding.replace('bench/.corpus/', '')}\``);
    if (findings.length) out();
  }

  if (growth.length) {
    out(`### Scaling (\`${largest.id}\`)`);
    out();
    out('Parse only and drain recommended on nested pseudo-random samples of the files. Every run still builds the whole ' +
      'TypeScript project and reads every file for producer names, which is the fixed part of each total.');
    out();
    table(
      ['files', 'count', 'parse only CPU (s)', 'drain recommended CPU (s)', 'ms per file added', 'peak RSS parse / recommended (MB)'],
      growth.map((g) => [`${g.fraction * 100}%`, String(g.files), s(g.parse), s(g.rec), g.perFile.toFixed(2), `${g.rssParse.toFixed(0)} / ${g.rssRec.toFixed(0)}`]),
    );
  }

  if (report.threaded?.length) {
    const base = report.threaded[0].base;
    out(`### Multithreaded linting (\`--concurrency\`, \`${base}\`)`);
    out();
    out('The same files with ESLint\'s `concurrency` option (from `bench/threads.config.mjs`, which each worker thread loads), ' +
      'run alone on the machine. Wall time is what threads can gain; CPU is the work of all threads.');
    out();
    const cell = (config, threads, key) => median(report.threaded.filter((r) => r.config === config && r.threads === threads).map((r) => r[key]));
    const rowsThreaded = [];
    for (const config of [REC, UNTYPED_REC]) {
      for (const threads of ['off', 2]) {
        const runs = report.threaded.filter((r) => r.config === config && r.threads === threads);
        if (runs.length === 0) continue;
        const sameReports = new Set(report.threaded.filter((r) => r.config === config).map((r) => r.reportDigest)).size === 1;
        rowsThreaded.push([config, String(threads), s(cell(config, threads, 'ms')), s(cell(config, threads, 'cpuMs')),
          cell(config, threads, 'peakRssMb').toFixed(0), (cell(config, 'off', 'ms') / cell(config, threads, 'ms')).toFixed(2),
          sameReports ? 'same as without threads' : '⚠ differ']);
      }
    }
    table(['configuration', 'concurrency', 'wall median (s)', 'CPU median (s)', 'peak RSS median (MB)', 'speed-up (wall)', 'reports'], rowsThreaded);
  }

  if (report.relints?.length) {
    out('### Single-file re-lint (editor)');
    out();
    out('Each file is opened and linted once, then edited (a comment appended, so a new program and a new type checker) and ' +
      'linted again with `lintText` by ESLint instances of each configuration that share the project service. Per edit, the CPU ' +
      'a configuration adds is taken against its partner in the same round; medians over the edits. Cells: CPU (wall) in ms.');
    out();
    const rowsRelint = [];
    for (const relint of report.relints) {
      for (const r of relintFigures(relint)) {
        rowsRelint.push([`${r.file} (${r.lines} lines)`, r.cell(PARSE), r.cell(NFP), r.cell(REC), r.cell(BOTH), r.nfp.toFixed(1), r.alone.toFixed(1), r.afterNfp.toFixed(1)]);
      }
    }
    table(['file', 'parse only', 'nfp', 'recommended', 'nfp + recommended', 'nfp − parse', 'recommended − parse', '(nfp + rec) − nfp'], rowsRelint);
  }

  const statsRuns = report.runs.filter((run) => run.stats);
  if (statsRuns.length > 0) {
    out('### Per-rule time (ESLint `stats`, secondary view)');
    out();
    out('Time inside each rule\'s listeners, one run each. A type-aware rule is charged for the types it is the first to ask for, ' +
      'so a rule\'s figure depends on the rules that ran before it; the differences of whole runs above are the measure.');
    out();
    const rowsStats = [];
    for (const run of statsRuns) {
      for (const [rule, ms] of Object.entries(run.ruleMs).sort((a, b) => b[1] - a[1])) {
        rowsStats.push([run.base, run.config, rule, (ms / 1000).toFixed(2), (ms / run.files).toFixed(2)]);
      }
    }
    table(['code base', 'run', 'rule', 'seconds', 'ms per file'], rowsStats);
  }
  return lines.join('\n');
}
