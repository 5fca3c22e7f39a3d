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
