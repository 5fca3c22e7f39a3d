import type { ClientModel } from './client-model.js';
import { fetchResponseView } from './fetch.js';
import { nodeReadableView } from './node-streams.js';

/** node-fetch 2 and 3: a fetch `Response` whose `body` is a Node `Readable`, not a web stream. */
export const nodeFetchClient: ClientModel = {
  id: 'node-fetch',
  label: 'node-fetch',
  rootView: 'response',
  views: {
    response: {
      members: {
        ...fetchResponseView.members,
        body: { access: { kind: 'view', view: 'stream' } },
        buffer: { call: { kind: 'consume' } },
        // The clone and the original are two `PassThrough`s fed by one pipe: a copy left unread
        // pauses the pipe once its buffer fills (tests/runtime/clone-buffering.test.ts).
        clone: { call: { kind: 'view', view: 'response', copies: 'stalls' } },
      },
    },
    // Destroying the body's PassThrough loses the socket only while the response is still arriving
    // (measured: 1 MiB, a new connection per call; 64 B, reused), as a web stream cancel does.
    // node-fetch aborts the body stream when the request's signal fires after the response arrived.
    abortController: { members: { abort: { call: { kind: 'release', close: 'cancel' } } } },
    stream: { ...nodeReadableView, members: { ...nodeReadableView.members, destroy: { call: { kind: 'release', close: 'cancel' } } } },
  },
  types: [{ symbol: 'Response', files: /[\\/](?:node-fetch|@types[\\/]node-fetch)[\\/]/, view: 'response' }],
  declarationFiles: /[\\/](?:node-fetch|@types[\\/]node-fetch)[\\/]/,
  instanceClasses: ['Response'],
  producers: [
    { modules: ['node-fetch'], name: 'default', returns: 'promise' },
  ],
  status: { statusMember: 'status', okMember: 'ok', bodyMember: 'body', headersMember: 'headers', usedMember: 'bodyUsed' },
  methodOption: true,
  drains: {
    // `?.`: node-fetch types `body` as `NodeJS.ReadableStream | null`, an interface without
    // `destroy()`, so TypeScript files name the `Readable` it is.
    response: {
      read: '{{ref}}.body?.resume()',
      async: false,
      closeLater: { call: '{{ref}}.body?.destroy()', typed: "({{ref}}.body as import('node:stream').Readable | null)?.destroy()" },
    },
    stream: {
      read: '{{ref}}?.resume()',
      async: false,
      closeLater: { call: '{{ref}}?.destroy()', typed: "({{ref}} as import('node:stream').Readable | null)?.destroy()" },
      replaceClose: 'resume()',
    },
  },
};
