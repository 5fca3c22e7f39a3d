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
      members: { ...fetchResponseView.members, body: { access: { kind: 'view', view: 'stream' } }, buffer: { call: { kind: 'consume' } } },
    },
    stream: nodeReadableView,
  },
  types: [{ symbol: 'Response', files: /[\\/](?:node-fetch|@types[\\/]node-fetch)[\\/]/, view: 'response' }],
  producers: [
    { modules: ['node-fetch'], name: 'default', returns: 'promise' },
    { modules: ['node-fetch'], name: 'fetch', returns: 'promise' },
  ],
  status: { statusMember: 'status', okMember: 'ok', bodyMember: 'body', headersMember: 'headers' },
  drains: {
    response: { onError: '{{ref}}.body?.resume()', consume: '{{ref}}.body?.resume()', async: false },
    stream: {
      onError: '{{ref}}.resume()',
      consume: '{{ref}}.resume()',
      async: false,
      replaceClose: { call: 'resume()', returnsPromise: false },
    },
  },
};
