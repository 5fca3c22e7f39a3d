/**
 * `npm run soak`: lints the pinned corpus (see corpus/package.json and corpus-sources.ts) plus the
 * generated odd-syntax files with every rule on and `--fix`, once with type information and once
 * without, and prints the counts. Exits 1 on any crash of the plugin or fix failure.
 *
 *   npm run soak -- [--pass typed|untyped] [--only openai,undici] [--jobs N] [--json report.json]
 *                   [--verdicts] [--draft-verdicts new-rows.tsv]
 *
 * `--verdicts` compares every report with `verdicts.tsv` (the triage: one row per report site, read
 * in the source) and exits 1 when a report has no verdict or a true report is gone; with `--only`
 * or one `--pass`, only the rows of what ran count. `--draft-verdicts` writes rows without a
 * verdict for the reports that have none, to be read and filled in.
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import plugin from '../../index.js';
import { installCorpus, createStage, stagePackages } from './corpus.js';
import { corpusSources } from './corpus-sources.js';
import { ODD_SYNTAX_LABEL, oddSyntaxLeaks, writeOddSyntax } from './odd-syntax.js';
import type { PassKind } from './soak-linter.js';
import { formatResults, mergePass, type PassResult, runPass, type SoakTarget } from './soak-run.js';
import { unresolvedImports } from './import-check.js';
import { compareVerdicts, draftRows, formatComparison, readVerdicts } from './verdicts.js';

/** The committed triage of the soak's reports. */
const VERDICTS_FILE = path.join(__dirname, 'verdicts.tsv');

interface Args {
  passes: PassKind[];
  only?: string[];
  jobs: number;
  json?: string;
  verdicts: boolean;
  draftVerdicts?: string;
}

/** What a worker process is asked to do: one pass over some targets of a prepared stage. */
interface WorkerTask {
  pass: PassKind;
  stage: string;
  targets: SoakTarget[];
}

const log = (line: string) => process.stderr.write(`${line}\n`);

function parseArgs(argv: string[]): Args {
  const args: Args = { passes: ['untyped', 'typed'], verdicts: false, jobs: Math.max(1, Math.min(2, os.availableParallelism())) };
  for (let index = 0; index < argv.length; index++) {
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${argv[index - 1]} needs a value`);
      return next;
    };
    switch (argv[index]) {
      case '--pass': {
        const pass = value();
        if (pass !== 'typed' && pass !== 'untyped') throw new Error(`--pass is typed or untyped, not ${pass}`);
        args.passes = [pass];
        break;
      }
      case '--only':
        args.only = value().split(',');
        break;
      case '--jobs':
        args.jobs = Math.max(1, Number(value()));
        break;
      case '--json':
        args.json = value();
        break;
      case '--verdicts':
        args.verdicts = true;
        break;
      case '--draft-verdicts':
        args.draftVerdicts = value();
        break;
      default:
        throw new Error(`unknown argument ${argv[index]}`);
    }
  }
  return args;
}

/** Splits targets into `jobs` shards of about equal file counts, keeping each package whole. */
function shard(targets: readonly SoakTarget[], jobs: number): SoakTarget[][] {
  const shards: { files: number; targets: SoakTarget[] }[] = Array.from({ length: jobs }, () => ({ files: 0, targets: [] }));
  for (const target of [...targets].sort((a, b) => b.files.length - a.files.length)) {
    const lightest = shards.reduce((min, current) => (current.files < min.files ? current : min));
    lightest.targets.push(target);
    lightest.files += target.files.length;
  }
  return shards.map((entry) => entry.targets).filter((targets) => targets.length > 0);
}

function runInWorker(task: WorkerTask): Promise<PassResult> {
  return new Promise((resolve, reject) => {
    // The same script under the same loader (tsx) in a child process: projects and memory stay apart.
    // The project service keeps every program it built, and a typed worker passes 4 GB, Node's
    // default heap limit here.
    const child = fork(__filename, ['--worker'], {
      execArgv: [...process.execArgv, '--max-old-space-size=8192'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: PassResult | undefined;
    child.on('message', (message) => {
      result = message as PassResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`soak worker exited with ${code}`))));
    child.send(task);
  });
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const installDir = installCorpus(log);
  const modulesDir = path.join(installDir, 'node_modules');
  const stage = createStage('run', modulesDir);
  try {
    return await soak(args, stage, modulesDir, started);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

async function soak(args: Args, stage: string, modulesDir: string, started: number): Promise<number> {
  const sources = args.only
    ? Object.fromEntries(Object.entries(corpusSources).filter(([name]) => args.only?.includes(name)))
    : corpusSources;
  const packages = stagePackages(stage, modulesDir, sources);
  const oddDir = path.join(stage, 'odd-syntax');
  const targets: SoakTarget[] = [
    { label: ODD_SYNTAX_LABEL, root: oddDir, files: writeOddSyntax(oddDir) },
    ...packages.map((entry) => ({ label: `${entry.name}@${entry.version}`, root: entry.root, files: entry.files })),
  ];
  const total = targets.reduce((sum, target) => sum + target.files.length, 0);
  log(`stage ${stage}: ${total} files from ${packages.length} packages and the odd-syntax set (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // Typed linting of a package whose imports do not resolve sees `any` and reports nothing there.
  const imports = args.passes.includes('typed') ? packages.map((entry) => unresolvedImports({ label: entry.name, root: entry.root, files: entry.files })) : [];

  const results: PassResult[] = [];
  for (const pass of args.passes) {
    const shards = shard(targets, args.jobs);
    const parts = await Promise.all(shards.map((part) => runInWorker({ pass, stage, targets: part })));
    results.push(parts.slice(1).reduce(mergePass, parts[0]!));
  }
  const ruleIds = Object.keys(plugin.rules).map((name) => `drain/${name}`);
  const elapsed = (performance.now() - started) / 1000;
  console.log(`\neslint-plugin-drain soak: ${total} files (${packages.length} packages + ${targets[0]!.files.length} generated), ${elapsed.toFixed(0)} s\n`);
  console.log(formatResults(results, ruleIds, stage));
  const unresolved = imports.filter((entry) => Object.keys(entry.unresolved).length > 0);
  if (unresolved.length > 0) {
    console.log('\nimports the generated tsconfigs do not resolve (types are `any` there):');
    for (const entry of unresolved) {
      const specifiers = Object.entries(entry.unresolved).sort((a, b) => b[1] - a[1]);
      const count = specifiers.reduce((sum, [, n]) => sum + n, 0);
      const shown = specifiers.slice(0, 6).map(([name, n]) => `${name} ×${n}`).join(', ');
      console.log(`  ${entry.label}: ${count} of ${entry.imports} (${shown}${specifiers.length > 6 ? ', …' : ''})`);
    }
  }
  let verdictFailures = 0;
  if (args.verdicts || args.draftVerdicts) {
    const rows = readVerdicts(VERDICTS_FILE).filter((row) => !args.only || args.only.includes(row.package) || row.package === ODD_SYNTAX_LABEL);
    const comparison = compareVerdicts(results, rows, { typed: oddSyntaxLeaks(oddDir, 'typed'), untyped: oddSyntaxLeaks(oddDir, 'untyped') });
    if (args.verdicts) {
      console.log(`\n${formatComparison(comparison, path.relative(process.cwd(), VERDICTS_FILE))}`);
      verdictFailures = comparison.unrecorded.length + comparison.gone.filter((entry) => entry.row.verdict === 'true').length;
    }
    if (args.draftVerdicts) {
      fs.writeFileSync(args.draftVerdicts, draftRows(comparison.unrecorded));
      console.log(`\n${comparison.unrecorded.length} reports without a verdict written to ${args.draftVerdicts}`);
    }
  }
  if (args.json) {
    const summary = {
      total,
      elapsedSeconds: elapsed,
      packages: packages.map(({ name, version, files }) => ({ name, version, files: files.length })),
      imports,
      results,
    };
    fs.writeFileSync(args.json, `${JSON.stringify(summary, null, 2)}\n`);
  }

  const crashes = results.reduce((sum, result) => sum + result.crashes.length, 0);
  const fixFailures = results.reduce((sum, result) => sum + result.fixFailures.length, 0);
  console.log(`\ncrashes: ${crashes}, fix failures: ${fixFailures}`);
  return crashes + fixFailures + verdictFailures === 0 ? 0 : 1;
}

if (process.argv.includes('--worker')) {
  process.once('message', (task: WorkerTask) => {
    const result = runPass(task.pass, task.stage, task.targets, { log });
    process.send?.(result, () => process.exit(0));
  });
} else {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
