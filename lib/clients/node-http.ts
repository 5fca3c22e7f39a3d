import type { ClientModel, MemberSpec } from './client-model.js';
import { nodeReadableMembers } from './node-streams.js';

const inspect: MemberSpec = { access: { kind: 'inspect' } };

/**
 * `node:http` and `node:https` responses (`IncomingMessage`). The socket stays checked out until
 * the message is read or destroyed, at any body size: a keep-alive agent with `maxSockets: 4`
 * stalls after 4 unread responses even with 100 B bodies.
 */
export const nodeHttpClient: ClientModel = {
  id: 'node-http',
  label: 'node:http',
  rootView: 'message',
  views: {
    message: {
      members: {
        ...nodeReadableMembers,
        statusCode: inspect,
        statusMessage: inspect,
        headers: inspect,
        headersDistinct: inspect,
        rawHeaders: inspect,
        trailers: inspect,
        rawTrailers: inspect,
        httpVersion: inspect,
        complete: inspect,
        aborted: inspect,
        url: inspect,
        method: inspect,
        socket: { access: { kind: 'view', view: 'socket' } },
        connection: { access: { kind: 'view', view: 'socket' } },
      },
      iterate: { kind: 'consume' },
      readingEvents: ['data', 'readable'],
    },
    socket: {
      members: {
        destroy: { call: { kind: 'release', close: 'destroy' } },
        end: { call: { kind: 'release', close: 'destroy' } },
        remoteAddress: inspect,
        remotePort: inspect,
        localAddress: inspect,
        localPort: inspect,
        encrypted: inspect,
        authorized: inspect,
        getPeerCertificate: { call: { kind: 'inspect' } },
      },
    },
    /** The `ClientRequest` that produced the response: aborting it after the response closes the body. */
    request: {
      members: {
        destroy: { call: { kind: 'release', close: 'destroy' } },
        abort: { call: { kind: 'release', close: 'destroy' } },
        socket: { access: { kind: 'view', view: 'socket' } },
      },
    },
  },
  types: [{ symbol: 'IncomingMessage', files: /[\\/]@types[\\/]node[\\/]/, view: 'message' }],
  declarationFiles: /[\\/]@types[\\/]node[\\/]/,
  producers: [],
  callbackProducers: [{ modules: ['http', 'https'], names: ['get', 'request'] }],
  responseEvent: 'response',
  instanceClasses: ['IncomingMessage', 'Readable'],
  status: { statusMember: 'statusCode', headersMember: 'headers' },
  // Measured: an unread HEAD response stalls a keep-alive agent with maxSockets: 4 after 4 calls.
  emptyBodyHoldsConnection: true,
  unpooled: { disabledOptions: ['agent'], presentOptions: ['createConnection'], connectionHeaders: ['close', 'upgrade'] },
  drains: {
    message: { read: '{{ref}}.resume()', async: false, closeLater: { call: '{{ref}}.destroy()' }, replaceClose: 'resume()' },
  },
};
