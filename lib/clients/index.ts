import { axiosClient } from './axios.js';
import type { ClientModel } from './client-model.js';
import { fetchClient } from './fetch.js';
import { gotClient } from './got.js';
import { kyClient } from './ky.js';
import { nodeFetchClient } from './node-fetch.js';
import { nodeHttpClient } from './node-http.js';
import { undiciRequestClient } from './undici-request.js';

export type { ClientModel } from './client-model.js';

/**
 * The clients this package ships. Order matters for type recognition: a more specific declaration
 * file (node-fetch, ky) must be tried before the generic `Response` of the fetch model.
 */
const builtInClients: readonly ClientModel[] = [
  nodeFetchClient,
  // ky's `KyResponse` is a fetch `Response`: ky must be tried first to be told apart.
  kyClient,
  fetchClient,
  undiciRequestClient,
  nodeHttpClient,
  axiosClient,
  gotClient,
];

/**
 * Every client the engine knows: the built-in ones, and one `addClientModel` added for a test. The
 * rest of lib/ reads clients only from here and from the sets below, never a client module itself,
 * so a client is its model and nothing else.
 */
export const clientModels: readonly ClientModel[] = [...builtInClients];

/** The client a `producers` option entry without `client` means: a function that returns what `fetch` does. */
export const defaultProducerClient: ClientModel = fetchClient;

/**
 * Modules that answer requests in memory, in the process that imports them (nock, msw, fetch-mock,
 * axios-mock-adapter): a file that imports one may get mocked responses from any client, with no
 * socket behind them. `undici` is one too through its `MockAgent` export.
 */
export const httpMockModules: ReadonlySet<string> = new Set([
  'nock',
  'msw',
  'msw/node',
  'msw/browser',
  'msw/native',
  'fetch-mock',
  'jest-fetch-mock',
  'vitest-fetch-mock',
  'axios-mock-adapter',
  '@mswjs/interceptors',
]);

/** Named exports that make a module a mock of HTTP, by module: `import { MockAgent } from 'undici'`. */
export const httpMockExports: ReadonlyMap<string, readonly string[]> = new Map([['undici', ['MockAgent']]]);

/** Every module a client is imported from, without the `node:` prefix. */
export const clientModules: ReadonlySet<string> = new Set<string>();

/**
 * Members that some client gives a meaning to on a response, on its promise, or on any other view
 * of it (`then`, `text`, `body`, `resume`, …). On a member no client knows, a response goes where
 * the analysis never follows it (an SDK's own `._thenUnwrap()`, `.withResponse()`).
 */
export const responseMembers: ReadonlySet<string> = new Set<string>();

/** The symbol names of the clients' response types (`Response`, `IncomingMessage`), `default` left out. */
export const responseTypeNames: ReadonlySet<string> = new Set<string>();

/** Classes a response value is an instance of: `res instanceof` one of them says nothing about it. */
export const responseClasses: ReadonlySet<string> = new Set<string>();

/** Global classes whose static methods build a response in memory (`Response.json()`), fetching nothing. */
export const memoryResponseClasses: ReadonlySet<string> = new Set<string>();

/** The names of the calls that hand a response to a callback (`http.get(url, (res) => …)`). */
export const callbackProducerNames: ReadonlySet<string> = new Set<string>();

/** The methods that register response hooks (axios `interceptors.response.use`). */
export const responseHookMethods: ReadonlySet<string> = new Set<string>();

/** Refills every set above from `clientModels`. */
function deriveFromModels(): void {
  const fill = (set: ReadonlySet<string>, values: Iterable<string>): void => {
    const writable = set as Set<string>;
    writable.clear();
    for (const value of values) writable.add(value);
  };
  fill(
    clientModules,
    clientModels.flatMap((client) => [
      ...client.producers.flatMap((producer) => producer.modules ?? []),
      ...(client.optionProducers ?? []).flatMap((producer) => producer.modules),
      ...(client.callbackProducers ?? []).flatMap((producer) => producer.modules),
      ...(client.moduleObject?.modules ?? []),
    ]),
  );
  fill(responseMembers, [
    'then',
    'catch',
    'finally',
    ...clientModels.flatMap((client) => [
      ...Object.values(client.views).flatMap((view) => Object.keys(view.members)),
      ...Object.keys(client.promiseMembers ?? {}),
    ]),
  ]);
  fill(
    responseTypeNames,
    clientModels.flatMap((client) => client.types.map((signature) => signature.symbol)).filter((name) => name !== 'default'),
  );
  fill(responseClasses, clientModels.flatMap((client) => client.instanceClasses ?? []));
  fill(memoryResponseClasses, clientModels.flatMap((client) => client.memoryClasses ?? []));
  fill(callbackProducerNames, clientModels.flatMap((client) => (client.callbackProducers ?? []).flatMap((producer) => producer.names)));
  fill(responseHookMethods, clientModels.flatMap((client) => (client.responseHooks ? [client.responseHooks.method] : [])));
}
deriveFromModels();

/**
 * Makes `model` known, tried before every other client, until the returned function takes it out
 * again. For tests that show a client needs nothing but its model (tests/lib/clients/). Fixed when
 * they are first made, and so blind to the model: the rules' option schemas (which list client ids)
 * and the producer names of a program already linted with types (lib/types/producer-names.ts).
 */
export function addClientModel(model: ClientModel): () => void {
  const models = clientModels as ClientModel[];
  models.unshift(model);
  deriveFromModels();
  return () => {
    const index = models.indexOf(model);
    if (index !== -1) models.splice(index, 1);
    deriveFromModels();
  };
}

/** Whether a declaration file is a client's own, so that what it declares may produce responses. */
export function isClientDeclarationFile(fileName: string): boolean {
  return clientModels.some((client) => client.declarationFiles.test(fileName));
}

/** The client whose request object emits `event` with the response (`req.on('response', …)`), if any. */
export function clientOfResponseEvent(event: unknown): ClientModel | undefined {
  return clientModels.find((client) => client.responseEvent !== undefined && client.responseEvent === event);
}

/** A module specifier as the client models name it: `node:http` is `http`. */
export function bareModule(specifier: string): string {
  return specifier.replace(/^node:/, '');
}
