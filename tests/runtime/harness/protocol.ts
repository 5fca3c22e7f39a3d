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
  | 'crash';

/** One run: one scenario module, one body size, `calls` sequential calls, in a fresh process. */
export interface RunRequest {
  /** Absolute path of the transpiled scenario module (ESM). */
  readonly module: string;
  readonly bodySize: number;
  readonly calls: number;
  /** A call that takes longer than this counts as stalled. */
  readonly callTimeoutMs: number;
  /** Connection cap of both pools (undici `connections`, http.Agent `maxSockets`). */
  readonly poolSize: number;
  /** Run no scenario; only check that the global `fetch` obeys the bounded pool (`module` is ignored). */
  readonly probe?: boolean;
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
  /** Connections the server accepted during the run. */
  readonly accepted: number;
  /** Connections still open once the calls were over and closes had time to arrive. */
  readonly openAtEnd: number;
  /** Most connections open at once. */
  readonly maxOpen: number;
}

/** Prefix of the single stdout line that carries the child's JSON answer. */
export const RESULT_PREFIX = 'drain-runtime-result ';
