import { axiosClient } from './axios.js';
import type { ClientModel } from './client-model.js';
import { fetchClient } from './fetch.js';
import { gotClient } from './got.js';
import { kyClient } from './ky.js';
import { nodeFetchClient } from './node-fetch.js';
import { nodeHttpClient } from './node-http.js';
import { undiciRequestClient } from './undici-request.js';

/**
 * Every client the engine knows. Order matters for type recognition: a more specific declaration
 * file (node-fetch, ky) must be tried before the generic `Response` of the fetch model.
 */
export const clientModels: readonly ClientModel[] = [
  nodeFetchClient,
  // ky's `KyResponse` is a fetch `Response`: ky must be tried first to be told apart.
  kyClient,
  fetchClient,
  undiciRequestClient,
  nodeHttpClient,
  axiosClient,
  gotClient,
];

export type { ClientModel } from './client-model.js';

/** Whether a declaration file is a client's own, so that what it declares may produce responses. */
export function isClientDeclarationFile(fileName: string): boolean {
  return clientModels.some((client) => client.declarationFiles.test(fileName));
}

/** A module specifier as the client models name it: `node:http` is `http`. */
export function bareModule(specifier: string): string {
  return specifier.replace(/^node:/, '');
}

/** Every module a client is imported from, without the `node:` prefix. */
export const clientModules: ReadonlySet<string> = new Set(
  clientModels.flatMap((client) => [
    ...client.producers.flatMap((producer) => producer.modules ?? []),
    ...(client.optionProducers ?? []).flatMap((producer) => producer.modules),
    ...(client.callbackProducers ?? []).flatMap((producer) => producer.modules),
    ...(client.moduleObject?.modules ?? []),
  ]),
);

/**
 * Members that some client gives a meaning to on a response, on its promise, or on any other view
 * of it (`then`, `text`, `body`, `resume`, …). On a member no client knows, a response goes where
 * the analysis never follows it (an SDK's own `._thenUnwrap()`, `.withResponse()`).
 */
export const responseMembers: ReadonlySet<string> = new Set([
  'then',
  'catch',
  'finally',
  ...clientModels.flatMap((client) => [
    ...Object.values(client.views).flatMap((view) => Object.keys(view.members)),
    ...Object.keys(client.promiseMembers ?? {}),
  ]),
]);
