// `npm run bench`: lints the same real TypeScript corpus with and without the plugin's rules and
// reports what the rules add, next to @typescript-eslint/no-floating-promises. See docs/performance.md.
//
//   node bench/run.mjs [--runs 3] [--jobs 2] [--relint-iterations 15] [--no-scaling] [--no-relint] [--write-docs]
//   node bench/run.mjs --from bench/.results/latest.json [--write-docs]   (tables again from a saved run)
//
// Every measured run is a fresh process (bench/lint-once.mjs), so no run inherits a program, a
// type cache or a warm heap from another. The marginal cost of the rules is the difference of whole
// runs, because the first rule that asks the checker pays for computing types, which per-rule
// timings would then charge to whichever rule asked first.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchDir, prepareCorpus, repoRoot, sample } from './corpus.mjs';
import { configurations, loadPlugin } from './configs.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(args[index + 1]);
};
const runs = option('runs', 3);
// Two processes at a time on two cores: the comparison rests on each run's CPU time, which another
// process on the other core does not change much, while it halves the wall time of the benchmark.
const jobs = option('jobs', Math.min(2, os.availableParallelism()));
const relintIterations = option('relint-iterations', 15);
const scaling = !args.includes('--no-scaling');
const relint = !args.includes('--no-relint');
const writeDocs = args.includes('--write-docs');
const from = args.includes('--from') ? args[args.indexOf('--from') + 1] : undefined;

const PARSE = 'parse only';
const NFP = 'no-floating-promises';
const REC = 'drain recommended';
const STRICT = 'drain strict';
const BOTH = 'no-floating-promises + drain recommended';

const resultsDir = join(benchDir, '.results');
mkdirSync(resultsDir, { recursive: true });
const benchStart = performance.now();
const loadAtStart = os.loadavg();

if (from) {
  publish(JSON.parse(readFileSync(from, 'utf8')));
  process.exit(0);
}

const drain = loadPlugin();
const names = Object.keys(configurations(drain));
const { sources, files } = prepareCorpus();
const fileLists = {};
for (const fraction of [0.25, 0.5, 1]) {
  const path = join(resultsDir, `files-${fraction * 100}.json`);
  writeFileSync(path, JSON.stringify(fraction === 1 ? files : sample(files, fraction)));
  fileLists[fraction] = path;
}
log(`corpus: ${files.length} files (${sources.map((s) => `${s.name} ${s.files}`).join(', ')})`);

// Runs of all configurations alternate, so that a slow minute on the machine hits all of them.
const plan = [];
for (let rep = 0; rep < runs; rep++) {
  for (const config of names) plan.push({ config, fraction: 1 });
  if (scaling) for (const fraction of [0.25, 0.5]) for (const config of [PARSE, REC]) plan.push({ config, fraction });
}
// Per-rule time, the secondary view: separate runs, because timing every listener slows them.
for (const config of [NFP, REC, BOTH]) plan.push({ config, fraction: 1, stats: true });

const done = [];
let next = 0;
await Promise.all(
  Array.from({ length: jobs }, async () => {
    while (next < plan.length) {
      const job = plan[next++];
      const result = await child('lint-once.mjs', { config: job.config, filesFrom: fileLists[job.fraction], stats: job.stats });
      done.push({ ...job, ...result });
      log(
        `${String(done.length).padStart(2)}/${plan.length} ${job.config}${job.fraction === 1 ? '' : ` @${job.fraction * 100}%`}` +
          `${job.stats ? ' (stats)' : ''}: cpu ${s(result.cpuMs)} s, wall ${s(result.ms)} s, rss ${result.peakRssMb.toFixed(0)} MB`,
      );
      if (result.fatalCount > 0) throw new Error(`bench: ${result.fatalCount} parse errors in ${job.config}:\n${result.fatal.join('\n')}`);
    }
  }),
);

let relintResult;
if (relint) {
  // Alone on the machine: these are milliseconds, and a second process would be in them.
  const openaiFiles = files.filter((file) => relative(repoRoot, file).startsWith('bench/.corpus/openai/'));
  const warmFrom = join(resultsDir, 'files-openai.json');
  writeFileSync(warmFrom, JSON.stringify(openaiFiles));
  const targets = ['client.ts', 'resources/chat/completions/completions.ts'].map((file) => join(repoRoot, 'bench/.corpus/openai', file));
  log('single-file re-lint: warming the openai project, then editing two files');
  relintResult = await child('relint.mjs', {
    warmFrom,
    targets,
    iterations: relintIterations,
    configs: [PARSE, NFP, REC, BOTH],
  });
}

const report = {
  date: new Date().toISOString(),
  machine: {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart,
    loadAtEnd: os.loadavg(),
  },
  versions: versions(),
  plugin: {
    build: process.env.DRAIN_BENCH_PLUGIN ? relative(repoRoot, process.env.DRAIN_BENCH_PLUGIN) : 'dist/index.js',
    version: drain.meta.version,
    recommended: Object.keys(drain.configs.recommended.rules), strict: Object.keys(configurations(drain)[STRICT]) },
  sources,
  files: files.length,
  runs: done,
  relint: relintResult,
  totalSeconds: (performance.now() - benchStart) / 1000,
};
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
publish(report);

function publish(report) {
const markdown = render(report);
writeFileSync(join(resultsDir, 'latest.md'), markdown);
process.stdout.write(`\n${markdown}`);
if (writeDocs) {
  const docs = join(repoRoot, 'docs', 'performance.md');
  const text = readFileSync(docs, 'utf8');
  const begin = '<!-- begin bench results -->';
  const end = '<!-- end bench results -->';
  if (!text.includes(begin) || !text.includes(end)) throw new Error(`bench: ${docs} has no ${begin} … ${end} block`);
  writeFileSync(docs, `${text.slice(0, text.indexOf(begin) + begin.length)}\n${markdown}${text.slice(text.indexOf(end))}`);
  log(`wrote the results into ${relative(repoRoot, docs)}`);
}
if (!from) log(`bench finished in ${(report.totalSeconds / 60).toFixed(1)} min; results in ${relative(repoRoot, resultsDir)}/latest.{md,json}`);
}

function child(script, input) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(benchDir, script), JSON.stringify(input)],
      { cwd: repoRoot, maxBuffer: 64 * 2 ** 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`bench: ${script} failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}

function versions() {
  const version = (name) => JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  return { eslint: version('eslint'), typescript: version('typescript'), 'typescript-eslint': version('typescript-eslint') };
}

function log(line) {
  process.stderr.write(`[bench ${((performance.now() - benchStart) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
}

// ---- Report ---------------------------------------------------------------------------------

function s(ms) {
  return (ms / 1000).toFixed(2);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function pct(part, whole) {
  return `${((100 * part) / whole).toFixed(1)}%`;
}

function render(report) {
  const names = [...new Set(report.runs.map((run) => run.config))];
  const runs = report.runs.filter((run) => run.config === names[0] && run.fraction === 1 && !run.stats).length;
  const fileCounts = Object.fromEntries(report.runs.map((run) => [run.fraction, run.files]));
  const scaling = report.runs.some((run) => run.fraction !== 1);
  const timed = report.runs.filter((run) => !run.stats);
  const pick = (config, fraction = 1) => timed.filter((run) => run.config === config && run.fraction === fraction);
  const stat = (config, key, fraction = 1, how = median) => how(pick(config, fraction).map((run) => run[key]));
  const min = (values) => Math.min(...values);
  const n = report.files;
  const lines = [];
  const out = (line = '') => lines.push(line);
  const table = (header, rows) => {
    out(`| ${header.join(' | ')} |`);
    out(`|${header.map(() => '---').join('|')}|`);
    for (const row of rows) out(`| ${row.join(' | ')} |`);
    out();
  };
  const { machine } = report;

  out(`Measured ${report.date.slice(0, 10)} with \`npm run bench\` (${(report.totalSeconds / 60).toFixed(1)} min): ` +
    `${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GiB, Node ${machine.node}, ESLint ${report.versions.eslint}, ` +
    `TypeScript ${report.versions.typescript}, typescript-eslint ${report.versions['typescript-eslint']}, ` +
    `eslint-plugin-drain ${report.plugin.version} from ${report.plugin.build ?? 'dist/index.js'}. Load average ${machine.loadAtStart.map((l) => l.toFixed(1)).join(' / ')} at the start, ` +
    `${machine.loadAtEnd.map((l) => l.toFixed(1)).join(' / ')} at the end.`);
  out();
  out('### Corpus');
  out();
  table(['source', 'version', '.ts files linted'], report.sources.map((source) => [source.name, source.version, String(source.files)]));

  out('### Whole runs, all files');
  out();
  out(`${n} files, ${runs} runs per configuration, one process per run. CPU = user + system time of the run's process ` +
    '(the comparison rests on it); wall = elapsed time.');
  out();
  table(
    ['configuration', 'CPU min (s)', 'CPU median (s)', 'wall min (s)', 'wall median (s)', 'peak RSS median (MB)', 'reports'],
    names.map((config) => {
      const reports = pick(config)[0]?.reports ?? {};
      return [
        config,
        s(stat(config, 'cpuMs', 1, min)),
        s(stat(config, 'cpuMs')),
        s(stat(config, 'ms', 1, min)),
        s(stat(config, 'ms')),
        stat(config, 'peakRssMb').toFixed(0),
        Object.entries(reports).map(([rule, count]) => `${rule.replace('@typescript-eslint/', '')} ${count}`).join(', ') || '0',
      ];
    }),
  );

  out('### Marginal cost of the rules (differences of whole runs)');
  out();
  const rows = [];
  const targets = [];
  for (const [label, how] of [['median', median], ['min', min]]) {
    const cpu = (config) => stat(config, 'cpuMs', 1, how);
    const nfp = cpu(NFP) - cpu(PARSE);
    const ours = cpu(REC) - cpu(PARSE);
    const strict = cpu(STRICT) - cpu(PARSE);
    const over = cpu(BOTH) - cpu(NFP);
    rows.push([`no-floating-promises − parse only (${label})`, s(nfp), (nfp / n).toFixed(2), '100%', pct(nfp, cpu(NFP))]);
    rows.push([`drain recommended − parse only (${label})`, s(ours), (ours / n).toFixed(2), pct(ours, nfp), pct(ours, cpu(REC))]);
    rows.push([`drain strict − parse only (${label})`, s(strict), (strict / n).toFixed(2), pct(strict, nfp), pct(strict, cpu(STRICT))]);
    rows.push([`(nfp + drain recommended) − nfp (${label})`, s(over), (over / n).toFixed(2), pct(over, nfp), pct(over, cpu(BOTH))]);
    if (label === 'median') targets.push({ ours, strict, over, nfp, total: cpu(BOTH), alone: cpu(REC) });
  }
  table(['difference (CPU)', 'seconds', 'ms per file', 'of no-floating-promises', 'share of that run'], rows);

  const [t] = targets;
  out('Targets (medians):');
  out();
  const mark = (ok) => (ok ? '✅' : '❌');
  out(`- ${mark(t.ours <= 0.5 * t.nfp)} our rules alone ≤ 50% of no-floating-promises: ${pct(t.ours, t.nfp)} (recommended), ${pct(t.strict, t.nfp)} (strict); ` +
    `on top of no-floating-promises ${pct(t.over, t.nfp)}.`);
  out(`- ${mark(t.over <= 0.03 * t.total)} ≤ 3% of the total lint time: ${pct(t.over, t.total)} of the no-floating-promises + recommended run, ` +
    `${pct(t.ours, t.alone)} of the recommended run.`);

  if (scaling) {
    const rowsScaling = [];
    const perFile = [];
    for (const fraction of [0.25, 0.5, 1]) {
      const count = fileCounts[fraction];
      const parse = stat(PARSE, 'cpuMs', fraction);
      const rec = stat(REC, 'cpuMs', fraction);
      perFile.push((rec - parse) / count);
      rowsScaling.push([`${fraction * 100}%`, String(count), s(parse), s(rec), s(rec - parse), ((rec - parse) / count).toFixed(2)]);
    }
    // Linear or better: the cost per file must not rise with the number of files. It may fall, as
    // types that many files share are computed once.
    const growth = perFile[2] / perFile[0];
    out(`- ${mark(growth <= 1.2)} linear growth: the marginal cost per file is ${perFile.map((ms) => ms.toFixed(1)).join(', ')} ms at 25%, 50% and 100% of the files ` +
      `(×${growth.toFixed(2)} from 25% to 100%; table below).`);
  }
  if (report.relint) {
    const worst = Math.max(...report.relint.results.map((r) => median(r.samples[REC].cpuMs) - median(r.samples[PARSE].cpuMs)));
    out(`- ${mark(worst < 5)} single-file re-lint adds < 5 ms: it adds up to ${worst.toFixed(1)} ms CPU (recommended − parse only, median; table below).`);
  }
  out();

  const statsRuns = report.runs.filter((run) => run.stats);
  if (statsRuns.length > 0) {
    out('### Per-rule time (ESLint `stats`, secondary view)');
    out();
    out('Time inside each rule\'s listeners, all files, one run each. A type-aware rule is charged for the types it is the first to ask for, ' +
      'so a rule\'s figure depends on the rules that ran before it; the differences of whole runs above are the measure.');
    out();
    const rowsStats = [];
    for (const run of statsRuns) {
      for (const [rule, ms] of Object.entries(run.ruleMs).sort((a, b) => b[1] - a[1])) {
        rowsStats.push([run.config, rule, (ms / 1000).toFixed(2), (ms / n).toFixed(2)]);
      }
      rowsStats.push([run.config, '_parse (all rules)_', (run.parseMs / 1000).toFixed(2), (run.parseMs / n).toFixed(2)]);
    }
    table(['run', 'rule', 'seconds', 'ms per file'], rowsStats);
  }

  if (scaling) {
    out('### Scaling');
    out();
    out('The same configurations on 25% and 50% of the files (a fixed pseudo-random sample, nested in the larger ones). ' +
      'Every run still builds the whole TypeScript projects, which is the fixed part of each total.');
    out();
    const rowsScaling = [];
    for (const fraction of [0.25, 0.5, 1]) {
      const count = fileCounts[fraction];
      const parse = stat(PARSE, 'cpuMs', fraction);
      const rec = stat(REC, 'cpuMs', fraction);
      rowsScaling.push([`${fraction * 100}%`, String(count), s(parse), s(rec), s(rec - parse), ((rec - parse) / count).toFixed(2),
        stat(REC, 'peakRssMb', fraction).toFixed(0)]);
    }
    table(['files', 'count', 'parse only CPU (s)', 'drain recommended CPU (s)', 'difference (s)', 'ms per file', 'peak RSS (MB)'], rowsScaling);
  }

  if (report.relint) {
    out('### Single-file re-lint (editor)');
    out();
    out(`The openai project is linted once in one process (${s(report.relint.warmMs)} s wall); then each file below is edited ` +
      `(a comment appended, so a new program and a new type checker) and linted again with \`lintText\` by ESLint instances of each ` +
      `configuration that share the project service. Medians of ${report.relint.iterations} edits per configuration, CPU (wall) in ms.`);
    out();
    const rowsRelint = report.relint.results.map((r) => {
      const m = (config, key) => median(r.samples[config][key]);
      const cell = (config) => `${m(config, 'cpuMs').toFixed(1)} (${m(config, 'ms').toFixed(1)})`;
      const ruleMs = (config) =>
        Object.entries(r.ruleMs[config] ?? {})
          .filter(([rule]) => rule.startsWith('drain/'))
          .reduce((sum, [, values]) => sum + median(values), 0);
      return [
        `${r.file.replace('bench/.corpus/', '')} (${r.lines} lines)`,
        cell(PARSE),
        cell(NFP),
        cell(REC),
        cell(BOTH),
        (m(REC, 'cpuMs') - m(PARSE, 'cpuMs')).toFixed(1),
        (m(BOTH, 'cpuMs') - m(NFP, 'cpuMs')).toFixed(1),
        ruleMs(REC).toFixed(1),
        ruleMs(BOTH).toFixed(1),
      ];
    });
    table(
      ['file', 'parse only', 'nfp', 'recommended', 'nfp + recommended', 'recommended − parse', '(nfp + rec) − nfp', 'drain rules `stats`, alone', 'drain rules `stats`, after nfp'],
      rowsRelint,
    );
  }

  const findings = pick(REC)[0]?.drainFindings ?? [];
  out('### Reports on the corpus');
  out();
  out(`drain recommended reports ${findings.length} place(s) in the corpus:`);
  out();
  for (const finding of findings) out(`- \`${finding}\``);
  out();
  return lines.join('\n');
}
