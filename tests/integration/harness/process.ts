import { spawn } from 'node:child_process';

/** What a finished child process left behind. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Options for {@link run}. */
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The whole process group is killed after this long, so a hung tool cannot hang the suite. */
  timeoutMs?: number;
  input?: string;
}

/**
 * Runs a command to completion and resolves with its output, whatever its exit code. The child gets its
 * own process group so a timeout also ends what it spawned (npm → node, git → hook → eslint).
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      // No stdin unless there is input: a tool that exits without reading it would make a write fail (EPIPE).
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      killGroup(child.pid);
      stderr += `\n[killed after ${options.timeoutMs} ms]`;
    }, options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
    if (child.stdin) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}

/** Like {@link run}, but throws with the output when the exit code is not 0. */
export async function runOk(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` in ${options.cwd} exited with ${result.code ?? result.signal}\n` +
        `--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}`,
    );
  }
  return result;
}

/** Ends a detached child and everything in its process group; quiet if it is already gone. */
export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already exited.
  }
}

/** An environment for child tools: no inherited npm/vitest settings that would change how they behave. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // `npm test` describes this package to its scripts (npm_package_*, a local prefix) and the npm we
    // call must not think it is still in this repository; registry and cache settings pass through.
    // vitest sets VITEST*/NODE_OPTIONS/NODE_ENV; a git hook running these tests would set GIT_DIR;
    // HUSKY=0 (common in CI) would silently switch off the hooks under test.
    if (/^(npm_(lifecycle|package|command|execpath|node_execpath)|npm_config_(local_)?prefix$|INIT_CWD$)/.test(key)) continue;
    if (/^(VITEST|NODE_OPTIONS$|NODE_ENV$|TEST$|ESLINT_|GIT_|HUSKY$|PRE_COMMIT)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}
