import type { ClientModel, MemberSpec } from './client-model.js';
import { fetchClient } from './fetch.js';

const consume: MemberSpec = { call: { kind: 'consume' } };

/**
 * ky 1: `await ky(url)` and `ky.get(url)` resolve to the fetch `Response` of the runtime (undici in
 * Node), so the fetch rules apply; the body shortcuts on the returned promise (`ky(url).json()`)
 * read it. ky rejects non-2xx responses with `HTTPError` unless `throwHttpErrors` is turned off.
 */
export const kyClient: ClientModel = {
  ...fetchClient,
  id: 'ky',
  label: 'ky',
  types: [{ symbol: 'KyResponse', files: /[\\/]ky[\\/]/, view: 'response' }],
  declarationFiles: /[\\/]ky[\\/]/,
  // Every ky call sends a request (`ky.get`, an instance's call signature).
  declaredProducers: undefined,
  producers: ['default', 'get', 'post', 'put', 'patch', 'delete', 'head'].map((name) => ({
    modules: ['ky'],
    name,
    returns: 'promise' as const,
  })),
  moduleObject: { modules: ['ky'], factories: ['create', 'extend'] },
  promiseMembers: { json: consume, text: consume, arrayBuffer: consume, blob: consume, formData: consume, bytes: consume },
  rejectsErrorStatus: { option: 'throwHttpErrors' },
  // `ky.post(url, { method: 'HEAD' })` still posts: the shortcut's method wins over the option.
  methodOption: false,
};
