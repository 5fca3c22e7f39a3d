import type { MemberSpec, ViewModel } from './client-model.js';

const consume: MemberSpec = { call: { kind: 'consume' } };
const inspect: MemberSpec = { access: { kind: 'inspect' }, call: { kind: 'inspect' } };

/** Members every Node `Readable` shares; client views extend this table. */
export const nodeReadableMembers: Readonly<Record<string, MemberSpec>> = {
  resume: consume,
  pipe: consume,
  read: { call: { kind: 'read' } },
  destroy: { call: { kind: 'release', close: 'destroy' } },
  // `on('data')` and friends are handled by `readingEvents`; other events only watch.
  on: inspect,
  once: inspect,
  addListener: inspect,
  prependListener: inspect,
  off: inspect,
  removeListener: inspect,
  setEncoding: inspect,
  pause: inspect,
  readable: inspect,
  readableEnded: inspect,
  readableLength: inspect,
  destroyed: inspect,
  closed: inspect,
  errored: inspect,
};

/** A Node `Readable` body (node-fetch's `Response.body`). */
export const nodeReadableView: ViewModel = {
  members: nodeReadableMembers,
  iterate: { kind: 'consume' },
  readingEvents: ['data', 'readable'],
};
