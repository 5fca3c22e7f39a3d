import type { ClientModel, ViewModel } from './client-model.js';
import { webReaderView, webStreamView } from './web-streams.js';

const consume = { call: { kind: 'consume' } } as const;
const inspect = { access: { kind: 'inspect' } } as const;

/** The bounded drain of a web stream, after `body?.`. */
const pipeToSink = 'pipeTo(new WritableStream(), { signal: AbortSignal.timeout({{ms}}) }).catch(() => {})';

/** The WHATWG `Response` interface, shared by every fetch-shaped client. */
export const fetchResponseView: ViewModel = {
  members: {
    json: consume,
    text: consume,
    arrayBuffer: consume,
    blob: consume,
    formData: consume,
    bytes: consume,
    body: { access: { kind: 'view', view: 'stream' } },
    status: inspect,
    ok: inspect,
    statusText: inspect,
    headers: inspect,
    url: inspect,
    redirected: inspect,
    type: inspect,
    bodyUsed: inspect,
    // A clone tees the body: reading either copy to its end pulls the whole body off the
    // connection (the other copy buffers it), so the two are one obligation, settled by either.
    clone: { call: { kind: 'view', view: 'response', copies: 'buffers' } },
  },
};

/** Global `fetch` (Node's bundled undici), `undici.fetch`, and anything typed with their `Response`. */
export const fetchClient: ClientModel = {
  id: 'fetch',
  label: 'fetch',
  rootView: 'response',
  views: {
    response: fetchResponseView,
    stream: webStreamView,
    reader: webReaderView,
    // Aborting the signal a request was given cancels its body once the response has arrived.
    abortController: { members: { abort: { call: { kind: 'release', close: 'cancel' } } } },
  },
  types: [
    {
      symbol: 'Response',
      files: /[\\/](?:typescript[\\/]lib[\\/]lib\.dom\.d\.ts|@types[\\/]node[\\/]|undici-types[\\/]|undici[\\/]types[\\/]|ky[\\/])/,
      view: 'response',
    },
  ],
  declarationFiles: /[\\/](?:typescript[\\/]lib[\\/]lib\.dom\.d\.ts|@types[\\/]node[\\/]|undici-types[\\/]|undici[\\/])/,
  declaredProducers: ['fetch'],
  instanceClasses: ['Response'],
  // `Response.json(…)`, `Response.error()`, `Response.redirect(…)`.
  memoryClasses: ['Response'],
  producers: [
    { modules: null, name: 'fetch', returns: 'promise' },
    { modules: ['undici'], name: 'fetch', returns: 'promise' },
  ],
  status: {
    statusMember: 'status',
    okMember: 'ok',
    bodyMember: 'body',
    headersMember: 'headers',
    usedMember: 'bodyUsed',
    // The Fetch standard gives these a null body: a filtered redirect (`redirect: 'manual'`), a network error.
    typeMember: 'type',
    bodylessTypes: ['opaqueredirect', 'error'],
  },
  drains: {
    // A sink that discards every chunk reads the body in constant memory; the signal cancels it at
    // the time limit (an event stream, a long poll), and `catch` takes that rejection.
    response: { read: `{{ref}}.body?.${pipeToSink}`, async: true, releaseCopy: '{{ref}}.body?.cancel().catch(() => {})' },
    // `?.`: a body held under its own name (`const { body } = res`) is typed `ReadableStream | null`.
    stream: { read: `{{ref}}?.${pipeToSink}`, async: true, replaceClose: pipeToSink },
  },
};
