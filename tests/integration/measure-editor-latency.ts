/**
 * Editor latency for docs/editor.md:
 *   npm run build && npx tsx tests/integration/measure-editor-latency.ts [samples] [example.ts …]
 * For each example with a fixed twin (or the ones named), four vscode-eslint-language-server processes
 * on a copy of examples/ (parser only, drain, typescript-eslint's no-floating-promises, both), each timed
 * from `didChange` to the answer of the diagnostics pull, samples interleaved. Prints Markdown.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { latencyConfig, latencySetups, measureEditorLatency, pairedShare } from './harness/editor-latency.js';
import { examplePairs, examplesDir } from './harness/example-files.js';
import { installedVersion, readTree, repoRoot, tempProject } from './harness/workspace.js';

void (async () => {
  const samples = Number(process.argv[2] ?? 20);
  const only = process.argv.slice(3);
  const pairs = examplePairs().filter((pair) => only.length === 0 || only.includes(path.basename(pair.file)));
  const workspace = tempProject(
    {
      ...Object.fromEntries(Object.entries(readTree(path.join(examplesDir, 'src'))).map(([file, text]) => [`src/${file}`, text])),
      'tsconfig.json': fs.readFileSync(path.join(examplesDir, 'tsconfig.json'), 'utf8'),
      'eslint.config.mjs': latencyConfig(path.join(repoRoot, 'dist', 'index.js')),
    },
    repoRoot,
  );
  const ms = (value: number) => value.toFixed(1);
  const load = [os.loadavg()[0]!];
  console.log(
    `${samples} samples per setup and file after 3 warm-up edits; Node ${process.version}, ESLint ${installedVersion('eslint')}, ` +
      `typescript-eslint ${installedVersion('typescript-eslint')}, TypeScript ${installedVersion('typescript')}, ${os.cpus().length} CPUs.\n`,
  );
  const header = `| File | ${latencySetups.map((s) => s.label).join(' | ')} | drain alone | drain next to no-floating-promises |`;
  const wall: string[] = [header, `| --- |${' --- |'.repeat(latencySetups.length + 2)}`];
  const cpu: string[] = [...wall];
  try {
    for (const pair of pairs) {
      const results = await measureEditorLatency({
        workspace: workspace.dir,
        file: path.join(workspace.dir, 'src', path.basename(pair.file)),
        leaking: pair.leaking,
        fixed: pair.fixed,
        setups: latencySetups,
        samples,
        warmup: 3,
      });
      const [parse, drain, nfp, both] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0], (typeof results)[0]];
      const name = path.basename(pair.file);
      wall.push(
        `| ${name} | ${results.map((r) => `${ms(r.medianRoundTrip)} (${ms(r.medianValidation)})`).join(' | ')} | ` +
          `${ms(pairedShare(drain, parse))} (${ms(pairedShare(drain, parse, 'validation'))}) | ` +
          `${ms(pairedShare(both, nfp))} (${ms(pairedShare(both, nfp, 'validation'))}) |`,
      );
      cpu.push(
        `| ${name} | ${results.map((r) => ms(r.cpuPerEdit)).join(' | ')} | ${ms(drain.cpuPerEdit - parse.cpuPerEdit)} | ` +
          `${ms(both.cpuPerEdit - nfp.cpuPerEdit)} |`,
      );
      load.push(os.loadavg()[0]!);
      process.stderr.write(`${name} done\n`);
    }
  } finally {
    workspace.remove();
  }
  console.log('Wall time, median ms from `didChange` to the diagnostics (server `validationTime` in brackets); drain columns are medians of paired differences:\n');
  console.log(wall.join('\n'));
  console.log('\nServer CPU time per edit, mean ms (user + system); drain columns are differences of the means:\n');
  console.log(cpu.join('\n'));
  console.log(`\n1-minute load average during the run: ${load.map((l) => l.toFixed(1)).join(' → ')}`);
})();
