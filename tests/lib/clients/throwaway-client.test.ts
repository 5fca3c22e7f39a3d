import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientModel } from '../../../lib/clients/client-model.js';
import { addClientModel, clientModels, clientModules, responseMembers } from '../../../lib/clients/index.js';
import noUnconsumedBody from '../../../rules/no-unconsumed-body.js';
import noUndrainedClose from '../../../rules/no-undrained-close.js';
import { createUntypedRuleTester } from '../../rule-tester.js';

/**
 * A client is its model and nothing else: a fictional `tinyhttp-client`, known only from the model
 * below, is tracked by both rules, reported and fixed, without a change anywhere in lib/. Untyped,
 * since the module exists only here: producers come from the import. The model is added for this
 * file alone (unit test files share a process) and taken out again after it.
 */
const tinyHttpClient: ClientModel = {
  id: 'tinyhttp',
  label: 'tinyhttp-client',
  rootView: 'reply',
  views: {
    reply: {
      members: {
        status: { access: { kind: 'inspect' } },
        text: { call: { kind: 'consume' } },
        // Reads the rest of the body and discards it.
        drain: { call: { kind: 'consume' } },
        abort: { call: { kind: 'release', close: 'destroy' } },
      },
    },
  },
  types: [],
  declarationFiles: /[\\/]tinyhttp-client[\\/]/,
  producers: [{ modules: ['tinyhttp-client'], name: 'get', returns: 'promise' }],
  status: { statusMember: 'status' },
  drains: { reply: { read: '{{ref}}.drain()', async: true, replaceClose: 'drain()' } },
};

const builtIn = [...clientModels];
let remove: (() => void) | undefined;
beforeAll(() => {
  remove = addClientModel(tinyHttpClient);
});
afterAll(() => {
  remove?.();
});

describe('a client added by its model alone', () => {
  it('is known while added, and gone after', () => {
    expect(clientModels[0]).toBe(tinyHttpClient);
    expect(clientModules.has('tinyhttp-client')).toBe(true);
    expect(responseMembers.has('drain')).toBe(true);
    const undo = addClientModel({ ...tinyHttpClient, id: 'second' });
    undo();
    expect(clientModels.slice(1)).toEqual(builtIn);
  });
});

const tester = createUntypedRuleTester();

tester.run('tinyhttp-client: no-unconsumed-body', noUnconsumedBody, {
  valid: [
    {
      name: 'the body is drained before the status is returned',
      code: `
import { get } from 'tinyhttp-client';
async function status(url) {
  const reply = await get(url);
  await reply.drain();
  return reply.status;
}`,
    },
  ],
  invalid: [
    {
      name: 'the status is returned with the body unread',
      code: `
import { get } from 'tinyhttp-client';
async function status(url) {
  const reply = await get(url);
  return reply.status;
}`,
      output: `
import { get } from 'tinyhttp-client';
async function status(url) {
  const reply = await get(url);
  await reply.drain();
  return reply.status;
}`,
      errors: [{ messageId: 'unconsumedBody', line: 4, column: 23 }],
    },
  ],
});

tester.run('tinyhttp-client: no-undrained-close', noUndrainedClose, {
  valid: [
    {
      name: 'the body is read before the reply is aborted',
      code: `
import { get } from 'tinyhttp-client';
async function load(url) {
  const reply = await get(url);
  const text = await reply.text();
  reply.abort();
  return text;
}`,
    },
  ],
  invalid: [
    {
      name: 'the reply is aborted unread',
      code: `
import { get } from 'tinyhttp-client';
async function status(url) {
  const reply = await get(url);
  reply.abort();
  return reply.status;
}`,
      errors: [
        {
          messageId: 'destroyUnread',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'drainInstead',
              output: `
import { get } from 'tinyhttp-client';
async function status(url) {
  const reply = await get(url);
  await reply.drain();
  return reply.status;
}`,
            },
          ],
        },
      ],
    },
  ],
});
