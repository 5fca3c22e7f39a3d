// One measured run in a fresh process: lints a list of files with one configuration, then prints
// its wall time, CPU time, peak RSS, the reports per rule and, with `stats`, ESLint's time per rule.
// A process per run keeps runs from sharing TypeScript programs, caches or a warm heap. With
// `concurrency`, ESLint lints in that many worker threads, from bench/threads.config.mjs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ESLint } from 'eslint';
import { benchDir, repoRoot } from './corpus.mjs';
import { configurations, flatConfig, loadPlugin } from './configs.mjs';

const { config, filesFrom, stats, concurrency } = JSON.parse(process.argv[2]);
const files = JSON.parse(readFileSync(filesFrom, 'utf8'));
const drain = loadPlugin();
const configuration = configurations(drain)[config];
if (!configuration) throw new Error(`bench: no configuration named ${config}`);

const start = performance.now();
const cpuStart = process.cpuUsage();
// Worker threads load the config file again; they inherit the environment that names it.
process.env.DRAIN_BENCH_CONFIG = config;
const eslint = new ESLint(
  concurrency
    ? { cwd: repoRoot, overrideConfigFile: join(benchDir, 'threads.config.mjs'), concurrency, stats: Boolean(stats) }
    : { cwd: repoRoot, overrideConfigFile: true, overrideConfig: flatConfig(drain, configuration), stats: Boolean(stats) },
);
const results = await eslint.lintFiles(files);
const ms = performance.now() - start;
// CPU time of the whole process (main thread, worker threads and GC helpers): what the run costs even when other
// processes share the cores.
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;

const reports = {};
const fatal = [];
const ruleMs = {};
let parseMs = 0;
for (const result of results) {
  for (const message of result.messages) {
    // Warnings without a rule are the notes that noInlineConfig ignores a disable comment.
    if (message.fatal || (!message.ruleId && message.severity === 2)) fatal.push(`${result.filePath}: ${message.message}`);
    else if (message.ruleId) reports[message.ruleId] = (reports[message.ruleId] ?? 0) + 1;
  }
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const [rule, time] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
  }
}

const drainFindings = results.flatMap((result) =>
  result.messages
    .filter((message) => message.ruleId?.startsWith('drain/'))
    .map((message) => `${result.filePath.slice(repoRoot.length + 1)}:${message.line}:${message.column} ${message.ruleId}`),
);
// Every report with its message and whether it fixes, so that two builds can be held to the same output.
const reportDigest = createHash('sha1')
  .update(JSON.stringify([...results].sort((a, b) => (a.filePath < b.filePath ? -1 : 1)).map((result) => [result.filePath, result.messages.map((m) => [m.ruleId, m.line, m.column, m.message, m.fix?.text ?? null, m.suggestions?.length ?? 0])])))
  .digest('hex');

process.stdout.write(
  JSON.stringify({
    config,
    files: results.length,
    ms,
    cpuMs,
    // resourceUsage reports kilobytes.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    reports,
    drainFindings,
    reportDigest,
    fatal: fatal.slice(0, 20),
    fatalCount: fatal.length,
    ...(stats ? { parseMs, ruleMs } : {}),
  }),
);
