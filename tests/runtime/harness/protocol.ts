/**
 * What the parent tells a scenario child and what the child answers. Shared by both sides; the
 * child is transpiled from these same sources, so the two cannot disagree on the shape.
 */

/** The runtime's answer for one scenario at one body size. */
export type RuntimeVerdict =
  /** Connections stayed within the pool: the client kept reusing them. */
  | 'reuse'
  /** More connections than the pool holds were opened, but none piled up: each call threw its connection away. */
  | 'close'
  /** Connections piled up past the pool, or a call stalled while every pooled connection was held. */
  | 'leak'
  /** A call stalled with the pool not exhausted: the scenario itself hangs, so nothing can be said. */
  | 'stall'
  /** A call threw a programming error (TypeError, ReferenceError, ...): the code is broken, not leaking. */
  | 'error'
  /** The child process died (an unhandled `error` event, a crash) or answered nothing readable. */
  | 'crash'
  /** Endless or huge body: every call and every response ended within the drain's time limit. */
  | 'bounded'
  /** Endless or huge body: a call or a response outlived the drain's time limit. */
  | 'unbounded'
  /** The calls ended, but something they left (a ref'd timer, a socket) would keep the process from exiting. */
  | 'lingers';

/** What the server serves in a run: bodies of one size, or a body that a drain must give up on. */
export type RunBody = { readonly kind: 'size'; readonly bytes: number } | { readonly kind: 'endless' } | { readonly kind: 'huge' };

/**
 * One child process: one scenario module, run `calls` times in sequence once per body in `bodies`,
 * each body with a fresh server and fresh pools.
 */
export interface RunRequest {
  /** Absolute path of the transpiled scenario module (ESM). */
  readonly module: string;
  /** The module's export to call; `default` unless a sweep probe names another. */
  readonly export?: string;
  readonly bodies: readonly RunBody[];
  readonly calls: number;
  /** A call that takes longer than this counts as stalled. */
  readonly callTimeoutMs: number;
  /** Connection cap of both pools (undici `connections`, http.Agent `maxSockets`). */
  readonly poolSize: number;
  /**
   * After the calls, wait up to this long for the server to finish or abandon every response (a
   * drain in the background closes its body on a timer); at the end, with the pools and the
   * server closed, list what still keeps the event loop alive (`leftovers`).
   */
  readonly settleMs?: number;
  /** Run no scenario; only check that the global `fetch` obeys the bounded pool (`module` is ignored). */
  readonly probe?: boolean;
}

/** One response as the server saw it, in milliseconds since the server started. */
export interface ServedResponse {
  readonly startMs: number;
  /** When the response ended or was abandoned by the client; -1 while it is still being written. */
  readonly endMs: number;
  /** Body bytes the server handed to the socket. */
  readonly bytes: number;
  /** The whole body was written. */
  readonly complete: boolean;
}

/** How one call ended. */
export type CallOutcome =
  | { readonly kind: 'ok' }
  /** The scenario threw or rejected; `name` tells a deliberate `Error` from a programming error. */
  | { readonly kind: 'threw'; readonly name: string; readonly message: string }
  /** Did not settle within the timeout; `open` is how many connections the server held at that moment. */
  | { readonly kind: 'timeout'; readonly open: number };

/** What the child measured. */
export interface RunMeasurement {
  readonly calls: readonly CallOutcome[];
  /** How long each call took. */
  readonly callMs: readonly number[];
  readonly responses: readonly ServedResponse[];
  /** Responses still unfinished once `settleMs` had passed. */
  readonly unsettled: number;
  /** Connections the server accepted during the run. */
  readonly accepted: number;
  /** Connections still open once the calls were over and closes had time to arrive. */
  readonly openAtEnd: number;
  /** Most connections open at once. */
  readonly maxOpen: number;
}

/** What the child answers: one measurement per body, in order. */
export interface RunAnswer {
  readonly runs: readonly RunMeasurement[];
  /** For a settled run: `process.getActiveResourcesInfo()` once everything the harness opened is closed. */
  readonly leftovers?: readonly string[];
}

/** Prefix of the single stdout line that carries the child's JSON answer. */
export const RESULT_PREFIX = 'drain-runtime-result ';
