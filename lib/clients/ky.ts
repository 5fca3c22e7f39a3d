import type { ClientModel, MemberSpec } from './client-model.js';
import { fetchClient } from './fetch.js';

const consume: MemberSpec = { call: { kind: 'consume' } };
const inspect: MemberSpec = { access: { kind: 'inspect' } };

/**
 * ky 1: `await ky(url)` and `ky.get(url)` resolve to the fetch `Response` of the runtime (undici in
 * Node), so the fetch rules apply; the body shortcuts on the returned promise (`ky(url).json()`)
 * read it. ky rejects non-2xx responses with `HTTPError` unless `throwHttpErrors` is turned off;
 * ky 1 leaves that error's `response` unread, ky 2 reads it (RUNTIME-FACTS.md, "Client versions").
 */
export const kyClient: ClientModel = {
  ...fetchClient,
  id: 'ky',
  label: 'ky',
  views: {
    ...fetchClient.views,
    /** `HTTPError`: its `response` is the rejected `Response`, body unread in ky 1. */
    httpError: {
      members: {
        response: { access: { kind: 'view', view: 'response' } },
        request: inspect,
        options: inspect,
        message: inspect,
        name: inspect,
        stack: inspect,
        cause: inspect,
      },
    },
  },
  types: [{ symbol: 'KyResponse', files: /[\\/]ky[\\/]/, view: 'response' }],
  declarationFiles: /[\\/]ky[\\/]/,
  // `KyResponse` is a fetch `Response`.
  instanceClasses: ['Response'],
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
  // A `beforeError` hook may read the body (`error.message = await error.response.text()`).
  rejection: {
    view: 'httpError',
    responseMember: 'response',
    classes: ['HTTPError'],
    guards: ['isHTTPError'],
    unlessOption: 'hooks',
    readsBodySince: { package: 'ky', major: 2 },
  },
  // `ky.post(url, { method: 'HEAD' })` still posts: the shortcut's method wins over the option.
  methodOption: false,
};
