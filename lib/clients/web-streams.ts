import type { ViewModel } from './client-model.js';

/**
 * WHATWG `ReadableStream` as returned by `Response.body` in fetch implementations built on
 * web streams (global fetch, undici, ky, node-fetch 3 is not one of them).
 */
export const webStreamView: ViewModel = {
  members: {
    cancel: { call: { kind: 'release', close: 'cancel' } },
    // Taking a reader locks the stream; what the reader then reads decides (one chunk is a leak).
    getReader: { call: { kind: 'view', view: 'reader' } },
    pipeTo: { call: { kind: 'consume' } },
    pipeThrough: { call: { kind: 'consume' } },
    tee: { call: { kind: 'consume' } },
    values: { call: { kind: 'consume' } },
    locked: { access: { kind: 'inspect' } },
  },
  iterate: { kind: 'consume' },
};

/** A `ReadableStreamDefaultReader` on a response body. */
export const webReaderView: ViewModel = {
  members: {
    read: { call: { kind: 'read', repeatedReadsAll: true } },
    cancel: { call: { kind: 'release', close: 'cancel' } },
    releaseLock: { call: { kind: 'inspect' } },
    closed: { access: { kind: 'inspect' } },
  },
  unlock: 'releaseLock',
};
