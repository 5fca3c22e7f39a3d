import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { RESULT_PREFIX, type RunAnswer, type RunMeasurement, type RunRequest } from './protocol.js';
import { classifyRun, type ClassifiedRun } from './verdict.js';

const repoRoot = path.join(__dirname, '..', '..', '..');

/** The harness modules the child process loads. */
const CHILD_FILES = ['child.ts', 'pools.ts', 'protocol.ts', 'server.ts'];

/**
 * A scratch folder for transpiled modules. It sits under the repo's `node_modules` so that the
 * scenarios' bare imports (`undici`, `node-fetch`) resolve to the repo's own installs.
 */
export class ScratchDir {
  readonly root = path.join(repoRoot, 'node_modules', '.cache', 'drain-runtime', `${process.pid}-${Date.now()}`);
  private count = 0;

  constructor() {
    mkdirSync(this.root, { recursive: true });
    // ESM, because node-fetch 3 is ESM only.
    writeFileSync(path.join(this.root, 'package.json'), '{ "type": "module" }\n');
    const harness = path.join(this.root, 'harness');
    mkdirSync(harness);
    for (const entry of CHILD_FILES) {
      const source = readFileSync(path.join(__dirname, entry), 'utf8');
      writeFileSync(path.join(harness, entry.replace(/\.ts$/, '.js')), transpile(source, entry));
    }
  }

  /** Path of the child entry point. */
  get child(): string {
    return path.join(this.root, 'harness', 'child.js');
  }

  /** Writes `source` transpiled to ESM and returns its path; each call gets a new file. */
  addModule(source: string, hint: string): string {
    this.count += 1;
    const file = path.join(this.root, 'scenarios', `${this.count}-${hint.replace(/[^\w.-]+/g, '_')}.js`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, transpile(source, `${hint}.ts`));
    return file;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Node 20 cannot run TypeScript: types are stripped, nothing else changes. */
function transpile(source: string, fileName: string): string {
  return ts.transpileModule(source, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
  }).outputText;
}

/** A run's verdict, plus what went wrong when the child gave no measurement. */
export interface RunResult extends ClassifiedRun {
  readonly measurement?: RunMeasurement;
}

/**
 * Runs one request in a fresh `node` process and classifies what it measured for each body with
 * `classify`. A settled run that left something keeping the event loop alive is `lingers`
 * whatever it measured. One result per body, in order.
 */
export function runChild(
  childEntry: string,
  request: RunRequest,
  classify: (measurement: RunMeasurement) => ClassifiedRun = (measurement) => classifyRun(measurement, request.poolSize),
): Promise<RunResult[]> {
  // Generous: a run makes `calls` calls of at most `callTimeoutMs` each per body, then closes.
  const bodies = Math.max(1, request.bodies.length);
  const killAfter = bodies * (request.calls * request.callTimeoutMs + (request.settleMs ?? 0) + 5_000) + 10_000;
  return new Promise((resolve) => {
    const all = (result: RunResult): void => resolve(Array.from({ length: bodies }, () => result));
    const env = { ...process.env };
    // The parent may run under a TS loader (tsx, vitest); the child is plain JavaScript.
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [childEntry, JSON.stringify(request)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('error', (error) => {
      clearTimeout(timer);
      all({ verdict: 'crash', detail: `could not start node: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_PREFIX));
      if (!line) {
        all({ verdict: 'crash', detail: firstErrorLine(stderr) ?? `exit ${signal ?? code}` });
        return;
      }
      let answer: RunAnswer;
      try {
        answer = JSON.parse(line.slice(RESULT_PREFIX.length)) as RunAnswer;
      } catch (error) {
        all({ verdict: 'crash', detail: `unreadable answer: ${String(error)}` });
        return;
      }
      const leftovers = answer.leftovers ?? [];
      resolve(
        answer.runs.map((measurement) => {
          const classified = classify(measurement);
          if (leftovers.length === 0) return { ...classified, measurement };
          return { verdict: 'lingers', detail: `${classified.detail}; left keeping the process alive: ${leftovers.join(', ')}`, measurement };
        }),
      );
    });
  });
}

function firstErrorLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((line) => line.trim());
  return lines.find((line) => /^\w*Error\b/.test(line)) ?? lines.find((line) => /unhandled|uncaught/i.test(line)) ?? lines.find(Boolean);
}

/** Runs tasks with at most `limit` in flight: two children at once keep a 2-core machine responsive. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finished task hands its slot straight to the next waiter, so none can jump the queue.
    if (active < limit) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
