import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { lintScenario, type FixVariant, type RuleVerdict } from './lint.js';
import type { RunBody, RunRequest, RuntimeVerdict } from './protocol.js';
import { createLimiter, runChild, ScratchDir, type RunResult } from './run-child.js';
import { classifyBounded } from './verdict.js';
import { declaredThresholds } from './thresholds.js';
import { applyLineEdits, clientLabels, sweepDir, declaredAutofix, formatLineEdit, lineEditsBetween, loadScenarios, type Scenario } from './scenarios.js';

/** How the suite runs; the defaults are what `npm test` and `npm run evidence` use. */
export interface SuiteOptions {
  /** Sequential calls per run (K): enough for a leak to stall a pool of `poolSize`. */
  readonly calls: number;
  readonly bodySizes: readonly number[];
  /** Connection cap of undici's global Agent and of the http.Agent. */
  readonly poolSize: number;
  /** A call slower than this is a stall: loopback calls take milliseconds. */
  readonly callTimeoutMs: number;
  /** Child processes at once. */
  readonly concurrency: number;
  /**
   * Every fixed variant also runs against an endless body and a 1 GiB one, linted with this drain
   * time limit so the suite stays short; it must end each call and each body within the limit
   * plus `marginMs`, and exit by itself.
   */
  readonly bounded: { readonly calls: number; readonly drainTimeoutMs: number; readonly marginMs: number };
  /** Per client, the sizes at which an unread and a closed body are tried, `calls` times each. */
  readonly sweep: { readonly sizes: readonly number[]; readonly calls: number };
  /** Only these scenario ids (`client/name`); all when absent. */
  readonly only?: readonly string[];
}

export const defaultSuiteOptions: SuiteOptions = {
  calls: 8,
  bodySizes: [64, 16 << 10, 1 << 20],
  poolSize: 4,
  callTimeoutMs: 1500,
  // Most of a child's time is spent waiting (a stalled call for its timeout, a drain for its
  // limit, a settle pause), not computing: two children per core keep the cores busy.
  concurrency: 2 * Math.max(1, availableParallelism()),
  bounded: { calls: 2, drainTimeoutMs: 300, marginMs: 1200 },
  sweep: {
    sizes: [64, 1 << 10, 4 << 10, 8 << 10, 12 << 10, 15 << 10, 16 << 10, 24 << 10, 32 << 10, 40 << 10, 48 << 10, 56 << 10, 64 << 10, 96 << 10, 128 << 10, 192 << 10, 256 << 10, 1 << 20],
    calls: 6,
  },
};

/** The runtime verdicts of one piece of code, one per body size (in `bodySizes` order). */
export type SizeRuns = readonly RunResult[];

export interface VariantResult {
  readonly variant: FixVariant;
  readonly runs: SizeRuns;
  /** The same fix written with the bounded runs' time limit, against an endless and a 1 GiB body. */
  readonly endless: RunResult;
  readonly huge: RunResult;
}

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly rule: RuleVerdict;
  readonly runs: SizeRuns;
  /** One entry per fix the rules offer: the autofix pass and each suggestion on its own. */
  readonly fixes: readonly VariantResult[];
}

/** One client's size sweep: which sizes kept the connection, per way of leaving the body (`unread`, `closed`, …). */
export interface SweepResult {
  readonly client: string;
  /** Per probe export, in the order the probe file declares them. */
  readonly modes: Readonly<Record<string, readonly SweepPoint[]>>;
  /** A probe failed (a crash, a stall, a call that threw): it proves nothing. */
  readonly failure?: string;
}

export interface SweepPoint {
  readonly bytes: number;
  /** Connections for `calls` sequential calls. */
  readonly accepted: number;
  readonly calls: number;
}

export interface SuiteResult {
  readonly options: SuiteOptions;
  readonly scenarios: readonly ScenarioResult[];
  readonly sweeps: readonly SweepResult[];
  /** The check that Node's global `fetch` queues behind undici's `setGlobalDispatcher` pool. */
  readonly fetchBounded: RunResult;
  readonly environment: Readonly<Record<string, string>>;
  readonly wallMs: number;
}

const repoRoot = path.join(__dirname, '..', '..', '..');

/**
 * Lints every scenario with every rule of the plugin and runs it, and each fixed variant, in
 * child processes at every body size; runs each fixed variant against bodies its drain must give up
 * on, and each client's size sweep. The vitest suite and `npm run evidence` both call this.
 */
export async function runSuite(options: SuiteOptions = defaultSuiteOptions): Promise<SuiteResult> {
  const started = Date.now();
  const scenarios = loadScenarios().filter((scenario) => !options.only || options.only.includes(scenario.id));
  const scratch = new ScratchDir();
  const limit = createLimiter(options.concurrency);
  // Every size in one process (a fresh server and fresh pools for each): a process per size would
  // spend most of the suite starting Node.
  const runAllSizes = (source: string, hint: string, settle: boolean): Promise<SizeRuns> => {
    const module = scratch.addModule(source, hint);
    const bodies = options.bodySizes.map((bytes): RunBody => ({ kind: 'size', bytes }));
    return limit(() => runChild(scratch.child, { ...request(options, module, bodies), ...(settle ? { settleMs: 300 } : {}) }));
  };
  const { bounded } = options;
  const boundMs = bounded.drainTimeoutMs + bounded.marginMs;
  const runBounded = async (source: string, hint: string): Promise<{ endless: RunResult; huge: RunResult }> => {
    const module = scratch.addModule(source, hint);
    const boundedRequest = { ...request(options, module, [{ kind: 'endless' }, { kind: 'huge' }]), calls: bounded.calls, callTimeoutMs: boundMs, settleMs: boundMs };
    const [endless, huge] = await limit(() => runChild(scratch.child, boundedRequest, (measurement) => classifyBounded(measurement, boundMs)));
    return { endless: endless!, huge: huge! };
  };
  try {
    const fetchBounded = limit(() => runChild(scratch.child, { ...request(options, '', [{ kind: 'size', bytes: 0 }]), probe: true })).then(([probe]) => probe!);
    // Queue every original run first: the children work while this process lints.
    const originals = scenarios.map((scenario) => runAllSizes(scenario.source, scenario.id, false));
    const pending: Promise<ScenarioResult>[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      const rule = lintScenario(scenario.file, scenario.source, scenario.ruleOptions);
      const limited = lintScenario(scenario.file, scenario.source, { ...scenario.ruleOptions, drainTimeoutMs: bounded.drainTimeoutMs });
      const fixes = Promise.all(
        rule.variants.map(async (variant) => {
          const twin = limited.variants.find((candidate) => candidate.label === variant.label) ?? variant;
          const hint = `${scenario.id}.${variant.label}`;
          const [runs, { endless, huge }] = await Promise.all([runAllSizes(variant.text, hint, true), runBounded(twin.text, `${hint}.bounded`)]);
          return { variant, runs, endless, huge };
        }),
      );
      pending.push(Promise.all([originals[index]!, fixes]).then(([runs, fixResults]) => ({ scenario, rule, runs, fixes: fixResults })));
      // Linting is synchronous: let finished children hand over their slots between files.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const sweeps = options.only ? [] : await Promise.all(Object.keys(clientLabels).map((client) => runSweep(client, options, scratch, limit)));
    return {
      options,
      scenarios: await Promise.all(pending),
      sweeps,
      fetchBounded: await fetchBounded,
      environment: environment(),
      wallMs: Date.now() - started,
    };
  } finally {
    scratch.remove();
  }
}

/** Runs each export of one client's sweep probe, each size with a fresh server and pools. */
async function runSweep(
  client: string,
  options: SuiteOptions,
  scratch: ScratchDir,
  limit: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<SweepResult> {
  const source = readFileSync(path.join(sweepDir, `${client}.ts`), 'utf8');
  const module = scratch.addModule(source, `sweep.${client}`);
  const names = [...source.matchAll(/^export async function (\w+)/gm)].map((match) => match[1]!);
  // A pool large enough that held bodies never stall the next call: the sweep counts connections.
  const sweepRequest = (name: string): RunRequest => ({
    ...request(options, module, options.sweep.sizes.map((bytes): RunBody => ({ kind: 'size', bytes }))),
    export: name,
    calls: options.sweep.calls,
    poolSize: options.sweep.calls * 4,
  });
  const results = await Promise.all(names.map((name) => limit(() => runChild(scratch.child, sweepRequest(name)))));
  const modes: Record<string, SweepPoint[]> = {};
  let failure: string | undefined;
  for (const [index, name] of names.entries()) {
    const runs = results[index] ?? [];
    const broken = runs.find((run) => !run.measurement || run.measurement.calls.some((call) => call.kind !== 'ok'));
    if (broken) failure ??= `${name}: ${broken.verdict} (${broken.detail})`;
    modes[name] = runs.map((run, at) => ({ bytes: options.sweep.sizes[at] ?? 0, accepted: run.measurement?.accepted ?? 0, calls: run.measurement?.calls.length ?? 0 }));
  }
  return { client, modes, ...(failure ? { failure } : {}) };
}

/**
 * Whether leaving the body this way cost a connection at this size: every call opened one. (Calls
 * that reuse need one or two: the next request can go out before the pool has taken back the
 * connection of a body that has just ended.)
 */
export function costsConnection(point: SweepPoint): boolean {
  return point.accepted >= point.calls;
}

/** The smallest size at which a body costs a connection, or undefined when none of the sweep's sizes did. */
export function threshold(points: readonly SweepPoint[]): number | undefined {
  return points.find(costsConnection)?.bytes;
}

function request(options: SuiteOptions, module: string, bodies: readonly RunBody[]): RunRequest {
  return { module, bodies, calls: options.calls, callTimeoutMs: options.callTimeoutMs, poolSize: options.poolSize };
}

function environment(): Record<string, string> {
  const version = (name: string): string =>
    (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    node: process.version,
    'undici (npm)': version('undici'),
    'undici (bundled with Node, global fetch)': process.versions.undici ?? 'unknown',
    'node-fetch': version('node-fetch'),
    axios: version('axios'),
    got: version('got'),
    ky: version('ky'),
    typescript: version('typescript'),
    '@typescript-eslint/parser': version('@typescript-eslint/parser'),
    platform: `${process.platform} ${process.arch}`,
  };
}

/** A rule verdict that the header or the runtime contradicts, or a scenario that cannot be judged. */
export interface Disagreement {
  /** `client/name`. */
  readonly scenario: string;
  readonly client: string;
  /** `lint`: the rules do not say what the header declares. `runtime`: Node does not do what the declared verdict says. */
  readonly kind: 'lint' | 'runtime';
  readonly message: string;
}

const JUDGEABLE: ReadonlySet<RuntimeVerdict> = new Set(['reuse', 'close', 'leak']);

/** Everything that makes the header, the rules and the runtime disagree; empty when they agree. */
export function findDisagreements(result: SuiteResult): Disagreement[] {
  const found: Disagreement[] = [];
  const sizes = result.options.bodySizes;
  for (const { scenario, rule, runs, fixes } of result.scenarios) {
    const client = clientLabels[scenario.client] ?? scenario.client;
    for (const message of lintMismatches(scenario, rule)) found.push({ scenario: scenario.id, client, kind: 'lint', message });
    const say = (message: string): void => {
      found.push({ scenario: scenario.id, client, kind: 'runtime', message });
    };
    const describe = (list: SizeRuns): string => list.map((run, i) => `${formatSize(sizes[i] ?? 0)}: ${run.verdict} (${run.detail})`).join('; ');
    const unjudgeable = runs.filter((run) => !JUDGEABLE.has(run.verdict));
    if (unjudgeable.length > 0) {
      say(`the scenario itself fails at runtime, so it proves nothing: ${describe(runs)}`);
      continue;
    }
    // Judged against the declared verdict: the lint check above ties it to what the rules say.
    const declared = scenario.expectedReports;
    const rules = [...new Set(declared.map((report) => report.ruleId))].join(', ');
    if (declared.length > 0) {
      if (!runs.some((run) => run.verdict === 'leak' || run.verdict === 'close')) {
        say(`its header declares a report of ${rules}, but it reuses its connection at every size: ${describe(runs)}`);
      }
      // A close the code chose on purpose is not a report, even though the runtime does close.
      if (scenario.expectClose) say(`its header declares a report of ${rules} and a deliberate close: ${scenario.expectClose.reason}`);
    } else if (scenario.expectClose) {
      if (runs.some((run) => run.verdict === 'leak')) say(`its header declares no report, but it leaks: ${describe(runs)}`);
      else if (runs.every((run) => run.verdict === 'reuse')) {
        say(`its header declares a deliberate close, but it reuses its connection at every size (stale tag): ${describe(runs)}`);
      }
    } else if (!runs.every((run) => run.verdict === 'reuse')) {
      say(`its header declares no report, but it does not reuse its connection: ${describe(runs)}`);
    }
    for (const { variant, runs: fixedRuns, endless, huge } of fixes) {
      if (!fixedRuns.every((run) => run.verdict === 'reuse')) {
        say(`after ${variant.label} (${variant.description}) it does not reuse its connection: ${describe(fixedRuns)}`);
      }
      for (const [kind, run] of [['an endless body', endless], ['a 1 GiB body', huge]] as const) {
        if (run.verdict !== 'bounded') say(`after ${variant.label}, ${kind} does not end within the drain's limit: ${run.verdict} (${run.detail})`);
      }
    }
  }
  for (const sweep of result.sweeps) {
    const declared = declaredThresholds[sweep.client];
    const client = clientLabels[sweep.client] ?? sweep.client;
    const say = (message: string): void => {
      found.push({ scenario: `(sweep ${sweep.client})`, client, kind: 'runtime', message });
    };
    if (sweep.failure) {
      say(`the sweep probe failed, so it proves nothing: ${sweep.failure}`);
      continue;
    }
    for (const [mode, points] of Object.entries(sweep.modes)) {
      const measured = threshold(points);
      const expected = declared?.[mode];
      if (measured !== expected) {
        say(`a body ${mode} costs a connection from ${measured === undefined ? 'no size swept' : formatSize(measured)}, but harness/thresholds.ts declares ${expected === undefined ? 'nothing' : formatSize(expected)}`);
      }
      const first = measured ?? Infinity;
      const unsteady = points.filter((point) => point.bytes > first && !costsConnection(point));
      if (unsteady.length > 0) say(`a body ${mode} costs a connection from ${formatSize(first)}, but not again at ${unsteady.map((point) => formatSize(point.bytes)).join(', ')}`);
    }
  }
  if (result.fetchBounded.verdict === 'crash') {
    found.push({
      scenario: '(harness)',
      client: 'fetch',
      kind: 'runtime',
      message: `global fetch is not bounded by the undici pool: ${result.fetchBounded.detail}`,
    });
  }
  return found;
}

/**
 * Where the rules' reports, autofix or suggestions differ from the scenario's header. The header
 * is also what tests/rules/runtime-scenarios.test.ts feeds the RuleTester, so a scenario that
 * passes here is a rule fixture that passes there.
 */
export function lintMismatches(scenario: Scenario, rule: RuleVerdict): string[] {
  const found: string[] = [];
  const declared = scenario.expectedReports.map((report) => `${report.ruleId} ${report.messageId} ${report.line}:${report.column}`);
  const actual = rule.reports.map((report) => `${report.ruleId} ${report.messageId} ${report.line}:${report.column}`);
  const list = (items: readonly string[]): string => (items.length > 0 ? items.join('; ') : 'none');
  if (list(declared) !== list(actual)) {
    found.push(`the rules report ${list(actual)}, but its header declares @rule-expect ${list(declared)}`);
  }
  const autofix = textDifference(declaredAutofix(scenario), rule.autofix);
  if (autofix) found.push(`--fix ${autofix} (@rule-fix)`);
  if (found.length > 0) return [...found, `if the rules are right, the header reads: ${headerTags(scenario.source, rule).join(' / ')}`];
  for (const [index, report] of scenario.expectedReports.entries()) {
    const offered = rule.reports[index]?.suggestions ?? [];
    const expected = report.suggestions.map((suggestion) => ({
      messageId: suggestion.messageId,
      text: applyLineEdits(scenario.source, suggestion.edits),
    }));
    if (offered.map((s) => s.messageId).join() !== expected.map((s) => s.messageId).join()) {
      found.push(`report ${index + 1} offers suggestions [${offered.map((s) => s.messageId).join(', ')}], but its header declares [${expected.map((s) => s.messageId).join(', ')}] (@rule-suggest)`);
      continue;
    }
    for (const [at, suggestion] of expected.entries()) {
      const difference = textDifference(suggestion.text, offered[at]?.text);
      if (difference) found.push(`suggestion ${at + 1} of report ${index + 1} ${difference} (@rule-suggest)`);
    }
  }
  if (found.length > 0) found.push(`if the rules are right, the header reads: ${headerTags(scenario.source, rule).join(' / ')}`);
  return found;
}

/** The header tags that declare what the rules say now: what a mismatch message proposes. */
export function headerTags(source: string, rule: RuleVerdict): string[] {
  if (rule.reports.length === 0) return ['@rule-expect none'];
  const edits = (after: string): string[] => lineEditsBetween(source, after)?.map(formatLineEdit) ?? ['(not a whole-line edit)'];
  const tags: string[] = [];
  for (const [index, report] of rule.reports.entries()) {
    tags.push(`@rule-expect ${report.ruleId} ${report.messageId} ${report.line}:${report.column}`);
    // ESLint merges every report's autofix into one output: the first report carries it.
    if (index === 0 && rule.autofix !== undefined) tags.push(...edits(rule.autofix).map((edit) => `@rule-fix ${edit}`));
    for (const suggestion of report.suggestions) {
      tags.push(...edits(suggestion.text).map((edit, at) => (at === 0 ? `@rule-suggest ${suggestion.messageId} ${edit}` : `@rule-suggest-also ${edit}`)));
    }
  }
  return tags;
}

/** Where two versions of a file first differ, as a sentence; undefined when they are equal. */
function textDifference(declared: string | undefined, actual: string | undefined): string | undefined {
  if (declared === actual) return undefined;
  if (actual === undefined) return 'changes nothing, but the header declares an edit';
  if (declared === undefined) return 'edits the code, but the header declares no edit';
  const want = declared.split('\n');
  const got = actual.split('\n');
  const line = want.findIndex((text, i) => text !== got[i]);
  const at = line === -1 ? want.length : line;
  return `writes line ${at + 1} as \`${(got[at] ?? '(end of file)').trim()}\`, but the header declares \`${(want[at] ?? '(end of file)').trim()}\``;
}

/** `64 B`, `1 MiB`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}
