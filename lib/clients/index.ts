import type { ClientModel } from './client-model.js';
import { fetchClient } from './fetch.js';
import { nodeFetchClient } from './node-fetch.js';
import { nodeHttpClient } from './node-http.js';
import { undiciRequestClient } from './undici-request.js';

/**
 * Every client the engine knows. Order matters for type recognition: a more specific declaration
 * file (node-fetch) must be tried before the generic `Response` of the fetch model.
 */
export const clientModels: readonly ClientModel[] = [nodeFetchClient, fetchClient, undiciRequestClient, nodeHttpClient];

export type { ClientModel } from './client-model.js';
