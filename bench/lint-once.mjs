// One measured run in a fresh process: lints a list of files with one configuration, then prints
// its wall time, peak RSS, the reports per rule and, with `stats`, ESLint's time per rule.
// A process per run keeps runs from sharing TypeScript programs, caches or a warm heap.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ESLint } from 'eslint';
import { repoRoot } from './corpus.mjs';
import { configurations, flatConfig, loadPlugin } from './configs.mjs';

const { config, filesFrom, stats } = JSON.parse(process.argv[2]);
const files = JSON.parse(readFileSync(filesFrom, 'utf8'));
const drain = loadPlugin();
const rules = configurations(drain)[config];
if (!rules) throw new Error(`bench: no configuration named ${config}`);

const start = performance.now();
const cpuStart = process.cpuUsage();
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  overrideConfig: flatConfig(drain, rules),
  stats: Boolean(stats),
});
const results = await eslint.lintFiles(files);
const ms = performance.now() - start;
// CPU time of the whole process (main thread and GC helpers): what the run costs even when other
// processes share the cores.
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;

const reports = {};
const fatal = [];
const ruleMs = {};
let parseMs = 0;
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal || !message.ruleId) fatal.push(`${result.filePath}: ${message.message}`);
    else reports[message.ruleId] = (reports[message.ruleId] ?? 0) + 1;
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
    fatal: fatal.slice(0, 20),
    fatalCount: fatal.length,
    ...(stats ? { parseMs, ruleMs } : {}),
  }),
);
