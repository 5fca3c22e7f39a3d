import type { RunMeasurement, RuntimeVerdict } from './protocol.js';

/** A verdict and the numbers behind it, as the evidence table shows them. */
export interface ClassifiedRun {
  readonly verdict: RuntimeVerdict;
  readonly detail: string;
}

/**
 * Errors that mean the code is broken rather than the connection. A scenario's own deliberate
 * `throw new Error(...)` is an `Error` and counts as a normal end of the call.
 */
const PROGRAMMING_ERRORS = new Set(['TypeError', 'ReferenceError', 'SyntaxError', 'RangeError']);

/** Reads one run's measurement against the pool size it ran with. */
export function classifyRun(measurement: RunMeasurement, poolSize: number): ClassifiedRun {
  const { calls, accepted, openAtEnd } = measurement;
  const counts = `${accepted} connection${accepted === 1 ? '' : 's'} for ${calls.length} call${calls.length === 1 ? '' : 's'}`;
  const stalled = calls.findIndex((call) => call.kind === 'timeout');
  if (stalled >= 0) {
    const call = calls[stalled];
    const open = call?.kind === 'timeout' ? call.open : 0;
    const detail = `call ${stalled + 1} stalled with ${open} connection${open === 1 ? '' : 's'} open at the server (pool of ${poolSize})`;
    // A stall with free connections is the scenario hanging on its own, not the pool running dry.
    return open >= poolSize ? { verdict: 'leak', detail } : { verdict: 'stall', detail };
  }
  const broken = calls.find((call) => call.kind === 'threw' && PROGRAMMING_ERRORS.has(call.name));
  if (broken?.kind === 'threw') return { verdict: 'error', detail: `${broken.name}: ${broken.message}` };
  if (openAtEnd > poolSize) return { verdict: 'leak', detail: `${counts}, ${openAtEnd} still open` };
  if (accepted <= poolSize) return { verdict: 'reuse', detail: counts };
  return { verdict: 'close', detail: `${counts}, ${openAtEnd} still open` };
}

/**
 * Reads a run against an endless or huge body: the drain must give up within `boundMs` on every
 * call (an awaited drain) and on every response (a drain in the background closes it on a timer).
 */
export function classifyBounded(measurement: RunMeasurement, boundMs: number): ClassifiedRun {
  const { calls, callMs, responses, unsettled } = measurement;
  const broken = calls.find((call) => call.kind === 'threw' && PROGRAMMING_ERRORS.has(call.name));
  if (broken?.kind === 'threw') return { verdict: 'error', detail: `${broken.name}: ${broken.message}` };
  const slowest = Math.max(0, ...callMs);
  const longest = Math.max(0, ...responses.map((response) => (response.endMs < 0 ? Infinity : response.endMs - response.startMs)));
  const sent = Math.max(0, ...responses.map((response) => response.bytes));
  const detail = `calls ≤ ${slowest} ms, bodies open ≤ ${Number.isFinite(longest) ? `${longest} ms` : 'forever'}, ≤ ${formatBytes(sent)} sent`;
  if (calls.some((call) => call.kind === 'timeout') || unsettled > 0 || slowest > boundMs || longest > boundMs) {
    return { verdict: 'unbounded', detail: `${detail} (bound ${boundMs} ms)` };
  }
  return { verdict: 'bounded', detail };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}
