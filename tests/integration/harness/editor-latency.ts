import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { EslintSession, median } from './eslint-session.js';

/** Rules turned off through the server's `options` (`eslint.options` in VS Code): ESLint then never runs them. */
export const drainOff = {
  overrideConfig: { rules: { 'drain/no-unconsumed-body': 'off', 'drain/no-undrained-close': 'off' } },
};

/** One server configuration to time. */
export interface LatencySetup {
  label: string;
  /** Whether the drain rules run, so its diagnostics must follow the leak. */
  drain: boolean;
  /** `eslint.options` for the server (passed to `new ESLint()`). */
  eslintOptions?: object;
  /** Extra environment for the server process (a config file can read it). */
  env?: NodeJS.ProcessEnv;
}

/** Latency of one setup, in ms. */
export interface LatencyResult {
  label: string;
  /** `didChange` sent → `textDocument/diagnostic` answered, as the editor sees it. */
  roundTrip: number[];
  /** The server's own `validationTime` for the same lint (from its `eslint/status` notification). */
  validation: number[];
  medianRoundTrip: number;
  medianValidation: number;
  /**
   * CPU time the server process spent per edit, averaged over the samples (Linux only, else NaN).
   * Unlike wall time it barely moves when other processes compete for the cores.
   */
  cpuPerEdit: number;
}

/**
 * Times the edit → diagnostics loop in one server per setup, side by side on the same file; samples
 * alternate between the servers so that a busy machine slows all alike. The first `warmup` rounds
 * (project service, checker) are dropped. Each change swaps between the leaking and the fixed text,
 * and the check that the drain diagnostics follow (present, then gone) makes sure every sample is a
 * fresh lint, not a cached answer.
 */
export async function measureEditorLatency(options: {
  workspace: string;
  file: string;
  leaking: string;
  fixed: string;
  setups: readonly LatencySetup[];
  samples: number;
  warmup?: number;
}): Promise<LatencyResult[]> {
  const sessions = await Promise.all(
    options.setups.map((setup) =>
      EslintSession.open({
        workspace: options.workspace,
        file: options.file,
        text: options.leaking,
        ...(setup.eslintOptions ? { eslintOptions: setup.eslintOptions } : {}),
        ...(setup.env ? { env: setup.env } : {}),
      }),
    ),
  );
  try {
    await Promise.all(sessions.map((session) => session.diagnostics()));
    const results: LatencyResult[] = options.setups.map((setup) => ({
      label: setup.label,
      roundTrip: [],
      validation: [],
      medianRoundTrip: NaN,
      medianValidation: NaN,
      cpuPerEdit: NaN,
    }));
    const cpu = results.map(() => 0);
    const warmup = options.warmup ?? 2;
    for (let round = 0; round < warmup + options.samples; round++) {
      const text = round % 2 === 0 ? options.fixed : options.leaking;
      for (const [i, session] of sessions.entries()) {
        const cpuBefore = cpuMs(session.client.pid);
        const { ms, diagnostics, validation } = await sample(session, text);
        const cpuUsed = cpuMs(session.client.pid) - cpuBefore;
        const reported = diagnostics.some((d) => d.code === 'drain/no-unconsumed-body');
        if (reported !== (options.setups[i]!.drain && text === options.leaking)) {
          throw new Error(`${options.setups[i]!.label}, round ${round}: diagnostics did not follow the change: ${JSON.stringify(diagnostics)}`);
        }
        if (round < warmup) continue;
        results[i]!.roundTrip.push(ms);
        results[i]!.validation.push(validation);
        cpu[i]! += cpuUsed;
      }
    }
    for (const [i, result] of results.entries()) {
      result.medianRoundTrip = median(result.roundTrip);
      result.medianValidation = median(result.validation);
      result.cpuPerEdit = cpu[i]! / options.samples;
    }
    return results;
  } finally {
    await Promise.all(sessions.map((session) => session.close()));
  }
}

/** Median of the sample-by-sample differences `a − b` (samples taken back to back). */
export function pairedShare(a: LatencyResult, b: LatencyResult, of: 'roundTrip' | 'validation' = 'roundTrip'): number {
  return median(a[of].map((ms, i) => ms - b[of][i]!));
}

let clockTicks: number | undefined;

/** User + system CPU time of a process so far, in ms, from /proc (NaN where there is none). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined || process.platform !== 'linux') return NaN;
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

async function sample(session: EslintSession, text: string) {
  const before = session.client.notifications.length;
  const { ms, diagnostics } = await session.changeAndPull(text);
  // The server reports its own lint time in an `eslint/status` notification sent just before its answer.
  const status = session.client.notifications
    .slice(before)
    .reverse()
    .find((n) => n.method === 'eslint/status' && (n.params as { validationTime?: number }).validationTime !== undefined);
  return { ms, diagnostics, validation: (status?.params as { validationTime?: number } | undefined)?.validationTime ?? NaN };
}

/** The four setups of {@link latencyWorkspace}: what the plugin adds alone and next to a typed rule. */
export const latencySetups: readonly LatencySetup[] = [
  { label: 'parser only (projectService, no rules)', drain: false, env: { DRAIN_LATENCY_SETUP: 'parse' } },
  { label: 'drain recommended', drain: true, env: { DRAIN_LATENCY_SETUP: 'drain' } },
  { label: '@typescript-eslint/no-floating-promises', drain: false, env: { DRAIN_LATENCY_SETUP: 'nfp' } },
  { label: 'no-floating-promises + drain recommended', drain: true, env: { DRAIN_LATENCY_SETUP: 'nfp+drain' } },
];

/**
 * The config of the latency workspace: the same parser setup for every server, rules chosen by the
 * server's environment. The first rule to ask the checker pays for type-checking the file, so the
 * plugin's cost is measured both alone (against the parser) and next to typescript-eslint's
 * `no-floating-promises` (what a project with `recommendedTypeChecked` already pays).
 */
export function latencyConfig(pluginEntry: string): string {
  return `import tseslint from 'typescript-eslint';
import drain from ${JSON.stringify(pluginEntry)};

const setup = process.env.DRAIN_LATENCY_SETUP ?? 'drain';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  ...(setup.includes('nfp')
    ? [{ files: ['src/**/*.ts'], plugins: { '@typescript-eslint': tseslint.plugin }, rules: { '@typescript-eslint/no-floating-promises': 'error' } }]
    : []),
  ...(setup.includes('drain') ? [{ files: ['src/**/*.ts'], ...drain.configs.recommended }] : []),
];
`;
}
