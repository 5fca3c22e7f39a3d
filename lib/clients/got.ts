import type { ClientModel, MemberSpec } from './client-model.js';
import { nodeHttpClient } from './node-http.js';
import { nodeReadableMembers } from './node-streams.js';

const inspect: MemberSpec = { access: { kind: 'inspect' }, call: { kind: 'inspect' } };

/** got's request methods; each takes `{ isStream: true }` to return a stream instead of a promise. */
const METHODS = ['default', 'get', 'post', 'put', 'patch', 'delete', 'head'];

/**
 * got 14 streams (`got.stream(url)`, `got(url, { isStream: true })`): a `Duplex` that holds the
 * socket until the response is read through it or destroyed, at any body size. The promise API
 * (`await got(url)`, `.json()`, `.text()`) reads the body itself and is not tracked; its `Response`
 * type is an intersection that the type layer does not take for an `IncomingMessage`.
 */
export const gotClient: ClientModel = {
  id: 'got',
  label: 'got',
  rootView: 'stream',
  views: {
    stream: {
      members: {
        ...nodeReadableMembers,
        // The writable side carries a request body (`got.stream.post`): it does not touch the response.
        write: inspect,
        end: inspect,
        cork: inspect,
        uncork: inspect,
        flush: inspect,
        response: inspect,
        options: inspect,
        requestUrl: inspect,
        redirectUrls: inspect,
        retryCount: inspect,
        ip: inspect,
        isAborted: inspect,
        isFromCache: inspect,
        downloadProgress: inspect,
        uploadProgress: inspect,
        timings: inspect,
        socket: { access: { kind: 'view', view: 'socket' } },
      },
      iterate: { kind: 'consume' },
      readingEvents: ['data', 'readable'],
      // Emitted with the headers; with the default `throwHttpErrors`, only for 2xx (an error status
      // rejects and destroys the stream instead).
      headersEvents: ['response'],
    },
    socket: nodeHttpClient.views.socket!,
  },
  // got declares its stream as `export default class Request`: the symbol's name is `default`.
  types: [{ symbol: 'default', files: /[\\/]got[\\/]dist[\\/]source[\\/]core[\\/]index\.d\.ts$/, view: 'stream' }],
  declarationFiles: /[\\/]got[\\/]/,
  instanceClasses: ['Readable'],
  producers: [{ modules: ['got'], name: 'stream', returns: 'value' }],
  optionProducers: [{ modules: ['got'], names: METHODS, option: { name: 'isStream', value: true }, returns: 'value' }],
  moduleObject: { modules: ['got'], aliases: ['got'], factories: ['extend'] },
  status: { statusMember: 'statusCode' },
  drains: {
    stream: { read: '{{ref}}.resume()', async: false, closeLater: { call: '{{ref}}.destroy()' }, replaceClose: 'resume()' },
  },
};
