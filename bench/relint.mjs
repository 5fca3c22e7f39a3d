// The editor's case: the files are opened and linted once, then one file changes and is linted
// again, by the same ESLint instances and the same TypeScript project service (one per process,
// shared by every instance). Each edit makes a new program and so a new type checker: the re-lint pays again for
// every type its rules ask about, as it does in an editor after a keystroke.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ESLint } from 'eslint';
import { repoRoot } from './corpus.mjs';
import { configurations, flatConfig, loadPlugin } from './configs.mjs';

const { targets, iterations, configs: names } = JSON.parse(process.argv[2]);
const drain = loadPlugin();
const all = configurations(drain);
const make = (rules, stats) =>
  new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: flatConfig(drain, rules), stats });

const instances = names.map((name) => ({ name, eslint: make(all[name], false) }));
// The same rules again with per-rule timing; kept apart so that timing does not slow the runs above.
const timed = names.map((name) => ({ name, eslint: make(all[name], true) }));

// "Open the files": the instance with the most rules builds the program and lints them once. The
// program covers the whole project either way; what an edit costs does not depend on how many
// other files were linted before it, since each edit makes a new checker.
const warmStart = performance.now();
await instances.at(-1).eslint.lintFiles(targets);
const warmMs = performance.now() - warmStart;

let edit = 0;
async function relint(eslint, file, original) {
  // A new comment at the end is a real edit (a new file version, so a new program) that changes
  // no behaviour, so every configuration sees the same code.
  const text = `${original}\n// edit ${++edit}\n`;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const [result] = await eslint.lintText(text, { filePath: file });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

const out = [];
for (const file of targets) {
  const original = readFileSync(file, 'utf8');
  const samples = Object.fromEntries(names.map((name) => [name, { ms: [], cpuMs: [] }]));
  const ruleMs = {};
  // Two untimed rounds first: the first edits of a file pay for one-off work (the file's first
  // open as an editor buffer) that is not what a keystroke costs.
  for (let round = -2; round < iterations; round++) {
    // Rotate the order so that no configuration always runs right after the same other one.
    for (let k = 0; k < instances.length; k++) {
      const { name, eslint } = instances[(k + round + 2) % instances.length];
      const { ms, cpuMs } = await relint(eslint, file, original);
      if (round >= 0) {
        samples[name].ms.push(ms);
        samples[name].cpuMs.push(cpuMs);
      }
    }
    if (round < 0) continue;
    for (const { name, eslint } of timed) {
      const { result } = await relint(eslint, file, original);
      for (const pass of result.stats?.times.passes ?? []) {
        for (const [rule, time] of Object.entries(pass.rules ?? {})) {
          ruleMs[name] ??= {};
          (ruleMs[name][rule] ??= []).push(time.total);
        }
      }
    }
  }
  out.push({
    file: file.slice(repoRoot.length + 1),
    lines: original.split('\n').length,
    samples,
    ruleMs,
  });
}

process.stdout.write(JSON.stringify({ warmMs, iterations, results: out }));
