import type { ClientModel, MemberSpec } from './client-model.js';
import { nodeReadableMembers } from './node-streams.js';

const consume: MemberSpec = { call: { kind: 'consume' } };
const inspect: MemberSpec = { access: { kind: 'inspect' } };

/** The bounded drain of a `BodyReadable`, after `body.`. */
const boundedDump = 'dump({ limit: {{bytes}}, signal: AbortSignal.timeout({{ms}}) }).catch(() => {})';

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
        // `dump()` reads up to its limit (128 KiB by default) and then closes: a bounded drain.
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
  instanceClasses: ['BodyReadable', 'Readable'],
  producers: [{ modules: ['undici'], name: 'request', returns: 'promise' }],
  status: { statusMember: 'statusCode', headersMember: 'headers' },
  drains: {
    // `dump()` reads and discards up to `limit` (128 KiB unless given: a 1 MiB body would lose its
    // connection), closes at once when content-length says more, and stops at the signal; it
    // rejects only on the signal, and listens for the `error` of its own close.
    data: { read: `{{ref}}.body.${boundedDump}`, async: true },
    body: { read: `{{ref}}.${boundedDump}`, async: true, replaceClose: boundedDump },
  },
};
