import type { ClientModel, DrainSpec } from '../clients/client-model.js';

/** A drain statement ready to insert, and whether it needs `await`. */
export interface DrainText {
  /** Expression text without a trailing semicolon, e.g. `await res.body?.cancel()`. */
  readonly expression: string;
  readonly awaits: boolean;
}

/**
 * The drain for a holder of `view`. On a path that established an error status the fetch drain
 * cancels (error bodies are small and have usually arrived whole, so the connection survives); on
 * any other path it reads the body to its end into a discarding sink, which keeps memory constant
 * and returns the connection to the pool, so `no-undrained-close` has nothing to say about it.
 */
export function drainFor(
  client: ClientModel,
  view: string,
  ref: string,
  errorStatus: boolean,
  awaitAllowed: boolean,
): DrainText | undefined {
  const spec: DrainSpec | undefined = client.drains[view];
  if (!spec) return undefined;
  const template = errorStatus ? spec.onError : spec.consume;
  let expression = template.replaceAll('{{ref}}', ref);
  if (spec.async && !awaitAllowed) {
    // `void` marks the promise as deliberately not awaited (no-floating-promises' ignoreVoid); the
    // `catch` keeps a connection that drops mid-body from becoming an unhandled rejection.
    expression = `void ${expression.replace(/^await /, '')}.catch(() => {})`;
  }
  return { expression, awaits: spec.async && awaitAllowed };
}

/** The same drain as an expression over a value that has no name (`.then((res) => …)` bodies). */
export function drainExpressionWithoutAwait(client: ClientModel, view: string, ref: string): string | undefined {
  const spec = client.drains[view];
  return spec?.consume.replaceAll('{{ref}}', ref).replace(/^await /, '');
}
