import type { ClientModel, MemberSpec } from './client-model.js';
import { nodeReadableMembers } from './node-streams.js';

const consume: MemberSpec = { call: { kind: 'consume' } };
const inspect: MemberSpec = { access: { kind: 'inspect' } };

/**
 * `undici.request()` and `Dispatcher#request` (Client, Pool, Agent): a `ResponseData` whose `body`
 * is a `BodyReadable`, a Node stream with fetch-style readers. Nothing returns its connection to
 * the pool until the body ends, so an unread 1 MiB body stalls a pool of 4 after 4 calls.
 */
export const undiciRequestClient: ClientModel = {
  id: 'undici-request',
  label: 'undici.request',
  rootView: 'data',
  views: {
    data: {
      members: {
        statusCode: inspect,
        statusText: inspect,
        headers: inspect,
        trailers: inspect,
        opaque: inspect,
        context: inspect,
        body: { access: { kind: 'view', view: 'body' } },
      },
    },
    body: {
      members: {
        ...nodeReadableMembers,
        text: consume,
        json: consume,
        blob: consume,
        bytes: consume,
        arrayBuffer: consume,
        formData: consume,
        // `dump()` reads up to its limit (128 KiB) and then closes: a drain for the bodies worth keeping.
        dump: consume,
        bodyUsed: inspect,
        body: { access: { kind: 'view', view: 'stream' } },
      },
      iterate: { kind: 'consume' },
      readingEvents: ['data', 'readable'],
    },
  },
  types: [
    { symbol: 'ResponseData', files: /[\\/](?:undici|undici-types)[\\/]/, view: 'data' },
    { symbol: 'BodyReadable', files: /[\\/](?:undici|undici-types)[\\/]/, view: 'body' },
  ],
  declarationFiles: /[\\/](?:undici|undici-types)[\\/]/,
  producers: [{ modules: ['undici'], name: 'request', returns: 'promise' }],
  status: { statusMember: 'statusCode', headersMember: 'headers' },
  drains: {
    data: {
      onError: 'await {{ref}}.body.dump()',
      consume: 'await {{ref}}.body.dump({ limit: Number.MAX_SAFE_INTEGER })',
      async: true,
    },
    body: {
      // `dump()` reads at most 128 KiB and then destroys: fine for an error document, a close for
      // anything larger. A non-finite limit falls back to the default, so drains pass a finite one.
      onError: 'await {{ref}}.dump()',
      consume: 'await {{ref}}.dump({ limit: Number.MAX_SAFE_INTEGER })',
      async: true,
      replaceClose: { call: 'dump({ limit: Number.MAX_SAFE_INTEGER })', returnsPromise: true },
    },
  },
};
