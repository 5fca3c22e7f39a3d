import type { ClientModel, MemberSpec } from './client-model.js';
import { nodeReadableView } from './node-streams.js';

const inspect: MemberSpec = { access: { kind: 'inspect' } };
const destroy: MemberSpec = { call: { kind: 'release', close: 'destroy' } };

/** Every request method of axios and its instances; the option sits in the last (config) argument. */
const METHODS = ['default', 'request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'];

/**
 * axios 1 with `responseType: 'stream'`: `response.data` is the `IncomingMessage` (or a decompressing
 * stream piped from it), and the socket stays checked out of the agent until it is read or
 * destroyed, at any body size. With any other `responseType` axios reads the body itself, so only
 * calls that say `'stream'` in a literal config are tracked.
 */
export const axiosClient: ClientModel = {
  id: 'axios',
  label: 'axios',
  rootView: 'response',
  views: {
    response: {
      members: {
        data: { access: { kind: 'view', view: 'stream' } },
        status: inspect,
        statusText: inspect,
        headers: inspect,
        config: inspect,
        duration: inspect,
        request: { access: { kind: 'view', view: 'request' } },
      },
    },
    stream: nodeReadableView,
    /** The `ClientRequest` behind the response: destroying it destroys the response stream. */
    request: { members: { destroy, abort: destroy } },
    // axios destroys the response stream (and emits `error` on it) when the signal aborts after the response.
    abortController: { members: { abort: destroy } },
    /** `AxiosError`: a rejected stream request's `response.data` is the unread message. */
    error: {
      members: {
        response: { access: { kind: 'view', view: 'response' } },
        request: { access: { kind: 'view', view: 'request' } },
        message: inspect,
        code: inspect,
        status: inspect,
        name: inspect,
        config: inspect,
        isAxiosError: inspect,
        stack: inspect,
        cause: inspect,
        toJSON: { call: { kind: 'inspect' } },
      },
    },
  },
  // `AxiosResponse` is the same type whatever the `responseType`: the option decides, not the type.
  types: [],
  declarationFiles: /[\\/]axios[\\/]/,
  instanceClasses: ['Readable'],
  producers: [],
  optionProducers: [
    {
      modules: ['axios'],
      names: METHODS,
      option: { name: 'responseType', value: 'stream' },
      returns: 'promise',
      resultType: { symbol: 'AxiosResponse', files: /[\\/]axios[\\/]/ },
    },
  ],
  moduleObject: { modules: ['axios'], factories: ['create'] },
  rejectsErrorStatus: { option: 'validateStatus' },
  rejection: { view: 'error', responseMember: 'response', classes: ['AxiosError'], guards: ['isAxiosError'] },
  responseHooks: { path: ['interceptors', 'response'], method: 'use', fulfilledView: 'response', rejectedView: 'error' },
  status: { statusMember: 'status', headersMember: 'headers' },
  drains: {
    response: { read: '{{ref}}.data.resume()', async: false, closeLater: { call: '{{ref}}.data.destroy()' } },
    stream: { read: '{{ref}}.resume()', async: false, closeLater: { call: '{{ref}}.destroy()' }, replaceClose: 'resume()' },
  },
};
