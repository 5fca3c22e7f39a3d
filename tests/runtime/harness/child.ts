/**
 * Entry of one scenario child process (transpiled to ESM next to the scenario). Runs the scenario
 * `calls` times in sequence against its own loopback server and bounded pools, then prints one
 * JSON line. The server lives in the child so that concurrent runs never share a counter.
 */
import type * as http from 'node:http';
import { pathToFileURL } from 'node:url';
import { assertGlobalFetchBounded, installBoundedPools } from './pools.js';
import { RESULT_PREFIX, type CallOutcome, type RunAnswer, type RunBody, type RunMeasurement, type RunRequest } from './protocol.js';
import { startCountingServer } from './server.js';

type Scenario = (base: string, agent: http.Agent) => Promise<unknown>;

/** The probe holds bodies this large: small ones are finished by the client, which frees the connection. */
const PROBE_SIZE = 1 << 20;

async function main(request: RunRequest): Promise<RunAnswer> {
  const loaded: Record<string, unknown> = request.probe ? {} : await import(pathToFileURL(request.module).href);
  const scenario = loaded[request.export ?? 'default'] as Scenario;
  if (!request.probe && typeof scenario !== 'function') throw new Error(`${request.module} has no export function ${request.export ?? 'default'}`);
  const runs: RunMeasurement[] = [];
  for (const body of request.bodies) runs.push(await runCalls(request, scenario, body));
  if (!request.settleMs) return { runs };
  // With the pools and the server closed, whatever still keeps the event loop alive (a timer, a
  // socket) was left by the code under test; the pipes to the parent are the process's own.
  await delay(50);
  return { runs, leftovers: process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap' && kind !== 'PipeWrap') };
}

async function runCalls(request: RunRequest, scenario: Scenario, body: RunBody): Promise<RunMeasurement> {
  const server = await startCountingServer();
  const pools = installBoundedPools(request.poolSize);
  const calls: CallOutcome[] = [];
  const callMs: number[] = [];
  let unsettled = 0;
  try {
    if (request.probe) {
      await assertGlobalFetchBounded(server.base({ kind: 'size', bytes: PROBE_SIZE }), request.poolSize, request.callTimeoutMs);
    } else {
      const base = server.base(body);
      for (let i = 0; i < request.calls; i += 1) {
        const started = Date.now();
        const outcome = await callWithTimeout(() => scenario(base, pools.httpAgent), request.callTimeoutMs, () => server.open);
        callMs.push(Date.now() - started);
        calls.push(outcome);
        // Every later call would wait for the same held connections: one stall is the answer.
        if (outcome.kind === 'timeout') break;
      }
      // A drain that reads in the background ends its body on a timer: wait for the server to see it.
      if (request.settleMs) unsettled = await settled(() => server.unfinished, request.settleMs);
      // Closes travel as FIN/RST packets: give them a moment to reach the server before counting.
      await delay(100);
    }
    return { calls, callMs, responses: [...server.responses], unsettled, accepted: server.accepted, openAtEnd: server.open, maxOpen: server.maxOpen };
  } finally {
    await pools.close();
    await server.close();
  }
}

/**
 * The timeout races the call from outside: an `AbortSignal` handed to the client would abort the
 * held bodies of earlier calls when it fires, turning the leak being measured into a close.
 */
async function callWithTimeout(call: () => Promise<unknown>, ms: number, openNow: () => number): Promise<CallOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<CallOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout', open: openNow() }), ms);
  });
  const settled = call().then(
    (): CallOutcome => ({ kind: 'ok' }),
    (error: unknown): CallOutcome => ({
      kind: 'threw',
      name: error instanceof Error ? error.constructor.name : typeof error,
      // Scenarios put error documents into messages: keep the answer line small.
      message: (error instanceof Error ? error.message : String(error)).slice(0, 200),
    }),
  );
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `pending()` is 0 or `ms` have passed; answers what is still pending. */
async function settled(pending: () => number, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  while (pending() > 0 && Date.now() < deadline) await delay(10);
  return pending();
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const request = JSON.parse(process.argv[2] ?? '{}') as RunRequest;
main(request).then(
  (answer) => {
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(answer)}\n`);
    // A stalled call may still hold a timer or socket in the client: do not wait for it.
    setTimeout(() => process.exit(0), 200).unref();
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
