// `npm run bench`: lints real TypeScript code bases with and without the plugin's rules and reports
// what the rules add, per code base, next to @typescript-eslint/no-floating-promises. See
// docs/performance.md.
//
//   node bench/run.mjs [--runs 3] [--jobs 2] [--only sdks,cloudflare] [--relint-iterations 15]
//                      [--no-scaling] [--no-relint] [--no-untyped] [--no-concurrency] [--stats]
//                      [--same-reports-as FILE] [--results NAME] [--write-docs]
//   node bench/run.mjs --from bench/.results/latest.json [--write-docs]   (tables again from a saved run)
//
// Every measured run is a fresh process (bench/lint-once.mjs), so no run inherits a program, a
// type cache or a warm heap from another. The marginal cost of the rules is the difference of whole
// runs, because the first rule that asks the checker pays for computing types, which per-rule
// timings would then charge to whichever rule asked first. Runs are grouped in blocks: one block
// is every configuration of one code base, run one after the other by one worker, so that the
// ratios are taken within a block (paired), where a slow minute on the machine hits all of them.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchDir, prepareCorpus, repoRoot, sample } from './corpus.mjs';
import { BOTH, NFP, PARSE, REC, UNTYPED_PARSE, UNTYPED_REC, loadPlugin } from './configs.mjs';
import { render } from './report.mjs';

const args = process.argv.slice(2);
const value = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const option = (name, fallback) => (value(name) === undefined ? fallback : Number(value(name)));
const runs = option('runs', 3);
// Two processes at a time on two cores: the comparison rests on each run's CPU time, which another
// process on the other core does not change much, while it halves the wall time of the benchmark.
const jobs = option('jobs', Math.min(2, os.availableParallelism()));
const relintIterations = option('relint-iterations', 15);
const only = value('only')?.split(',');
const scaling = !args.includes('--no-scaling');
const relint = !args.includes('--no-relint');
const untyped = !args.includes('--no-untyped');
const concurrency = !args.includes('--no-concurrency');
const stats = args.includes('--stats');
const writeDocs = args.includes('--write-docs');
const sameAs = value('same-reports-as');
const from = value('from');
// Where the results go (bench/.results/NAME.json and .md), so that two builds can be measured side by side.
const resultsName = value('results') ?? 'latest';

const resultsDir = join(benchDir, '.results');
mkdirSync(resultsDir, { recursive: true });
const benchStart = performance.now();
const loadAtStart = os.loadavg();

if (from) {
  publish(JSON.parse(readFileSync(from, 'utf8')));
  process.exit(0);
}

const drain = loadPlugin();
const corpus = prepareCorpus();
const bases = corpus.codeBases.filter((base) => !only || only.includes(base.id));
const lists = {};
const listOf = (base, fraction) => {
  const key = `${base.id}-${fraction * 100}`;
  if (!lists[key]) {
    lists[key] = join(resultsDir, `files-${key}.json`);
    writeFileSync(lists[key], JSON.stringify(fraction === 1 ? base.files : sample(base.files, fraction)));
  }
  return lists[key];
};
for (const base of bases) log(`${base.id}: ${base.files.length} files, ${base.lines} lines (${base.sources.map((s) => `${s.name} ${s.files}`).join(', ')})`);

// Blocks, largest code base first, so that two workers finish at about the same time. Within a block
// the order of the configurations rotates from one repetition to the next.
const typedConfigs = [PARSE, NFP, REC, BOTH];
const blocks = [];
for (const base of [...bases].sort((a, b) => b.lines - a.lines)) {
  for (let rep = 0; rep < runs; rep++) {
    const order = typedConfigs.map((_, i) => typedConfigs[(i + rep) % typedConfigs.length]);
    const block = order.map((config) => ({ base: base.id, rep, config, fraction: 1 }));
    // Untyped, the rules cost too little to see in a whole run of a small code base, so these runs
    // also time each rule (ESLint \`stats\`, on both, so that its overhead is in both).
    if (untyped) block.push(...[UNTYPED_PARSE, UNTYPED_REC].map((config) => ({ base: base.id, rep, config, fraction: 1, ruleStats: true })));
    blocks.push(block);
    // Linear growth, on the largest code base: the same pair on nested samples of its files.
    if (scaling && base.largest) {
      blocks.push([0.25, 0.5].flatMap((fraction) => [PARSE, REC].map((config) => ({ base: base.id, rep, config, fraction, scaling: true }))));
    }
  }
  // Per-rule time, the secondary view: separate runs, because timing every listener slows them.
  if (stats) blocks.push([NFP, REC, BOTH].map((config) => ({ base: base.id, rep: 0, config, fraction: 1, stats: true })));
}

const total = blocks.reduce((sum, block) => sum + block.length, 0);
const done = [];
let next = 0;
await Promise.all(
  Array.from({ length: jobs }, async () => {
    while (next < blocks.length) {
      for (const job of blocks[next++]) {
        const base = bases.find((b) => b.id === job.base);
        const result = await child('lint-once.mjs', { config: job.config, filesFrom: listOf(base, job.fraction), stats: job.stats || job.ruleStats });
        done.push({ ...job, ...result });
        // Kept as it goes, so that a run cut short still leaves its figures.
        writeFileSync(join(resultsDir, `${resultsName}.partial.json`), JSON.stringify(done));
        log(
          `${String(done.length).padStart(3)}/${total} ${job.base} ${job.config}${job.fraction === 1 ? '' : ` @${job.fraction * 100}%`}` +
            `${job.stats ? ' (stats)' : ''}: cpu ${s(result.cpuMs)} s, wall ${s(result.ms)} s, rss ${result.peakRssMb.toFixed(0)} MB`,
        );
        if (result.fatalCount > 0) throw new Error(`bench: ${result.fatalCount} parse errors in ${job.config}:\n${result.fatal.join('\n')}`);
      }
    }
  }),
);

// ESLint's multithreaded linting, on the largest code base, alone on the machine: it uses both cores.
const threaded = [];
const largest = bases.find((base) => base.largest);
if (concurrency && largest) {
  for (let rep = 0; rep < 2; rep++) {
    for (const [config, threads] of [[REC, 'off'], [REC, 2], [UNTYPED_REC, 'off'], [UNTYPED_REC, 2]]) {
      const result = await child('lint-once.mjs', { config, filesFrom: listOf(largest, 1), concurrency: threads });
      threaded.push({ base: largest.id, rep, config, threads, ...result });
      log(`${largest.id} ${config} --concurrency ${threads}: cpu ${s(result.cpuMs)} s, wall ${s(result.ms)} s, rss ${result.peakRssMb.toFixed(0)} MB`);
    }
  }
}

// The editor's case, alone on the machine: these are milliseconds, and a second process would be in them.
const relints = [];
if (relint) {
  for (const base of bases) {
    log(`single-file re-lint: ${base.id}, ${base.relint.map((file) => relative(repoRoot, file)).join(', ')}`);
    const result = await child('relint.mjs', { targets: base.relint, iterations: relintIterations, configs: [PARSE, NFP, REC, BOTH] });
    relints.push({ base: base.id, ...result });
  }
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
  },
  codeBases: bases.map(({ files, relint: targets, ...base }) => ({ ...base, files: files.length, relint: targets.map((file) => relative(repoRoot, file)) })),
  runs: done,
  threaded,
  relints,
  totalSeconds: (performance.now() - benchStart) / 1000,
};
writeFileSync(join(resultsDir, `${resultsName}.json`), `${JSON.stringify(report, null, 2)}\n`);
publish(report);
if (sameAs) process.exitCode = compareReports(JSON.parse(readFileSync(sameAs, 'utf8')), report) ? 0 : 1;

function publish(report) {
  const markdown = render(report);
  writeFileSync(join(resultsDir, `${resultsName}.md`), markdown);
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
  log(`bench finished in ${(report.totalSeconds / 60).toFixed(1)} min; results in ${relative(repoRoot, resultsDir)}/${resultsName}.{md,json}`);
}

/**
 * Whether every configuration that ran in both reports reported the same (every message, its
 * position, text and fix), code base by code base: an optimisation must not change a report.
 */
function compareReports(before, after) {
  const digests = (report) => {
    const map = new Map();
    for (const run of [...report.runs, ...(report.threaded ?? [])]) {
      if (run.fraction !== undefined && run.fraction !== 1) continue;
      const key = `${run.base} / ${run.config}`;
      (map.get(key) ?? map.set(key, new Set()).get(key)).add(run.reportDigest);
    }
    return map;
  };
  const a = digests(before);
  const b = digests(after);
  let same = true;
  for (const [key, set] of b) {
    if (!a.has(key)) continue;
    const ok = set.size === 1 && a.get(key).size === 1 && [...set][0] === [...a.get(key)][0];
    if (!ok) same = false;
    log(`${ok ? 'same reports' : 'REPORTS DIFFER'}: ${key}`);
  }
  return same;
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

function s(ms) {
  return (ms / 1000).toFixed(2);
}
