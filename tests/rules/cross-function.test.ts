import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import closeRule, { type MessageId as CloseMessageId, type Options as CloseOptions } from '../../rules/no-undrained-close.js';
import bodyRule, { type MessageId as BodyMessageId, type Options as BodyOptions } from '../../rules/no-unconsumed-body.js';
import { createTypedRuleTester, createUntypedRuleTester, fixturesDir } from '../rule-tester.js';

type BodyValid = ValidTestCase<BodyOptions>;
type BodyInvalid = InvalidTestCase<BodyMessageId, BodyOptions>;
type CloseValid = ValidTestCase<CloseOptions>;
type CloseInvalid = InvalidTestCase<CloseMessageId, CloseOptions>;

/*
 * Across function and file boundaries (issue 6). The cases are `tests/fixtures/file.ts` and import
 * the modules of `tests/fixtures/cross-file/`: client.ts (wrappers that return responses, and
 * look-alikes that do not), body-helpers.ts (helpers that take a response over or only borrow it),
 * leaky-helpers.ts (helpers that lose a body), default-client.ts, nested-client.ts and index.ts (a
 * barrel of re-exports). With types, a call is a producer when its type is a response and the
 * callee's body shows where the response comes from; a helper's body decides whether passing a
 * response to it hands the body over or only lends it. Without types, other files are invisible:
 * every imported callee is a hand-off and no imported wrapper is a producer, so the same code is
 * silent, while helpers in the same file are still read by scope.
 */

// ---- wrappers (producers by type) --------------------------------------------------------------

const wrapperStatusOnly = `
import { getRaw } from './cross-file/client.js';
export async function isUp(path: string) {
  const res = await getRaw(path);
  return res.ok;
}`;

const classMethodStatusOnly = `
import { HttpClient } from './cross-file/client.js';
const api = new HttpClient('https://api.example.test');
export async function exists(path: string) {
  const res = await api.raw(path);
  return res.status === 200;
}`;

const arrowWrapperDropped = `
import { getArrow } from './cross-file/client.js';
export async function touch(path: string) {
  await getArrow(path);
}`;

const defaultWrapperEarlyReturn = `
import getDefault from './cross-file/default-client.js';
export async function load(url: string) {
  const res = await getDefault(url);
  if (res.status === 404) return null;
  return res.text();
}`;

const genericWrapperStatusOnly = `
import { request } from './cross-file/client.js';
export async function load(path: string) {
  const res = await request(path);
  return res.status;
}`;

const optionalWrapperNotOk = `
import { maybeGet } from './cross-file/client.js';
export async function load(path?: string) {
  const res = await maybeGet(path);
  if (res?.ok) return res.json();
  return null;
}`;

const overloadWrapperHeadersOnly = `
import { get } from './cross-file/client.js';
export async function etag(path: string) {
  const res = await get(path);
  return res.headers.get('etag');
}`;

const reexportedWrapper = `
import { fetchRaw } from './cross-file/index.js';
export async function isUp(path: string) {
  const res = await fetchRaw(path);
  return res.ok;
}`;

const reexportedDefaultWrapper = `
import { getDefault } from './cross-file/index.js';
export async function isUp(url: string) {
  const res = await getDefault(url);
  return res.ok;
}`;

const recursiveWrapper = `
import { getWithRetry } from './cross-file/client.js';
export async function exists(path: string) {
  const res = await getWithRetry(path);
  return res.status === 200;
}`;

// ---- helpers (consumer summaries) -------------------------------------------------------------

const borrowingHelper = `
import { getRaw } from './cross-file/client.js';
import { logStatus } from './cross-file/body-helpers.js';
export async function ping(path: string) {
  const res = await getRaw(path);
  logStatus(res);
}`;

const validatorThenStatus = `
import { getRaw } from './cross-file/client.js';
import { ensureOk } from './cross-file/body-helpers.js';
export async function check(path: string) {
  const res = await getRaw(path);
  await ensureOk(res);
  return res.status;
}`;

const reexportedBorrower = `
import { getRaw, printStatus } from './cross-file/index.js';
export async function ping(path: string) {
  const res = await getRaw(path);
  printStatus(res);
}`;

const starReexportedArrowBorrower = `
import { getRaw, statusOf } from './cross-file/index.js';
export async function ping(path: string) {
  const res = await getRaw(path);
  return statusOf(res) === 200;
}`;

const genericBorrower = `
import { getRaw } from './cross-file/client.js';
import { isJson } from './cross-file/body-helpers.js';
export async function load(path: string) {
  const res = await getRaw(path);
  if (isJson(res)) return res.json();
  return null;
}`;

const overloadBorrower = `
import { getRaw } from './cross-file/client.js';
import { describe } from './cross-file/body-helpers.js';
export async function summary(path: string) {
  const res = await getRaw(path);
  return describe(res, true);
}`;

const methodBorrower = `
import { getRaw } from './cross-file/client.js';
import { BodyReader } from './cross-file/body-helpers.js';
const reader = new BodyReader();
export async function status(path: string) {
  const res = await getRaw(path);
  return reader.status(res);
}`;

const recursiveBorrower = `
import { getRaw } from './cross-file/client.js';
import { statusAfter } from './cross-file/body-helpers.js';
export async function status(path: string) {
  const res = await getRaw(path);
  return statusAfter(res, 2);
}`;

const inertSinks = `
import { getRaw } from './cross-file/client.js';
export async function debug(path: string) {
  const res = await getRaw(path);
  console.log(res);
  return String(res) + JSON.stringify(res);
}`;

const importedBorrowerOfFetch = `
import { logStatus } from './cross-file/body-helpers.js';
export async function ping(url: string) {
  const res = await fetch(url);
  logStatus(res);
}`;

const wrapperCancelUnread = `
import { getRaw } from './cross-file/client.js';
export async function isUp(path: string) {
  const res = await getRaw(path);
  const up = res.ok;
  await res.body?.cancel();
  return up;
}`;

const borrowThenCancel = `
import { getRaw } from './cross-file/client.js';
import { logStatus } from './cross-file/body-helpers.js';
export async function ping(path: string) {
  const res = await getRaw(path);
  logStatus(res);
  await res.body?.cancel();
}`;

const optionalWrapperCancel = `
import { maybeGet } from './cross-file/client.js';
export async function ping(path?: string) {
  const res = await maybeGet(path);
  if (!res) return false;
  await res.body?.cancel();
  return true;
}`;

/** `code` with `drain` inserted on a line of its own before `line`: the fixed output. */
const drainBefore = (code: string, line: string, drain: string): string => code.replace(line, `${drain}\n${line}`);

// ---- no-unconsumed-body, typed ------------------------------------------------------------------

const typedBodyValid: BodyValid[] = [
  {
    name: 'an imported helper that drains takes the response over',
    code: `
import { getRaw } from './cross-file/client.js';
import { drain } from './cross-file/body-helpers.js';
export async function load(path: string) {
  const res = await getRaw(path);
  if (!res.ok) {
    await drain(res);
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'a validator that reads the body only before throwing leaves it to the caller, who reads it',
    code: `
import { getRaw } from './cross-file/client.js';
import { ensureOk } from './cross-file/body-helpers.js';
export async function load(path: string) {
  const res = await getRaw(path);
  await ensureOk(res);
  return res.json();
}`,
  },
  {
    name: 'a helper that takes the response and loses it on a path is reported inside the helper, not here',
    code: `
import { getRaw } from './cross-file/client.js';
import { readJsonOrNull } from './cross-file/leaky-helpers.js';
export async function load(path: string) {
  const res = await getRaw(path);
  return readJsonOrNull(res);
}`,
  },
  {
    name: 'a borrowing helper that throws with the body unread is reported inside the helper, not here',
    code: `
import { getRaw } from './cross-file/client.js';
import { assertOk } from './cross-file/leaky-helpers.js';
export async function load(path: string) {
  const res = await getRaw(path);
  assertOk(res);
  return res.json();
}`,
  },
  {
    name: 'mutually recursive helpers that read the body take it over, and the summary terminates',
    code: `
import { getRaw } from './cross-file/client.js';
import { readAfter } from './cross-file/body-helpers.js';
export async function load(path: string) {
  const res = await getRaw(path);
  return readAfter(res, 2);
}`,
  },
  {
    name: 'an overloaded helper takes the response under either signature',
    code: `
import { getRaw } from './cross-file/client.js';
import { consume } from './cross-file/body-helpers.js';
export async function load(path: string) {
  const res = await getRaw(path);
  if (res.ok) return consume(res, 'text');
  await consume(res);
  return null;
}`,
  },
  {
    name: 'a re-exported helper takes the response over',
    code: `
import { getRaw, drain } from './cross-file/index.js';
export async function isUp(path: string) {
  const res = await getRaw(path);
  const up = res.ok;
  await drain(res);
  return up;
}`,
  },
  {
    name: 'a default-exported helper takes the response over',
    code: `
import defaultDrain from './cross-file/http-helpers.js';
import { getRaw } from './cross-file/client.js';
export async function isUp(path: string) {
  const res = await getRaw(path);
  const up = res.ok;
  await defaultDrain(res);
  return up;
}`,
  },
  {
    name: 'class methods take the response over, instance and static',
    code: `
import { getRaw } from './cross-file/client.js';
import { BodyReader } from './cross-file/body-helpers.js';
const reader = new BodyReader();
export async function load(path: string) {
  const res = await getRaw(path);
  if (reader.status(res) !== 200) {
    await BodyReader.drain(res);
    return null;
  }
  return reader.text(res);
}`,
  },
  {
    name: 'an arrow-function helper takes the response over',
    code: `
import { getRaw } from './cross-file/client.js';
import { drainArrow } from './cross-file/body-helpers.js';
export async function load(path: string) {
  const res = await getRaw(path);
  if (!res.ok) return drainArrow(res);
  return res.json();
}`,
  },
  {
    name: 'a helper generic over R extends Response takes the response over',
    code: `
import { getRaw } from './cross-file/client.js';
import { readAs } from './cross-file/body-helpers.js';
export async function load(path: string) {
  const res = await getRaw(path);
  return readAs(res);
}`,
  },
  {
    name: 'a helper typed Response | undefined takes a Response | undefined over',
    code: `
import { maybeGet } from './cross-file/client.js';
import { drainMaybe } from './cross-file/body-helpers.js';
export async function ping(path?: string) {
  const res = await maybeGet(path);
  const ok = res?.ok;
  await drainMaybe(res);
  return ok;
}`,
  },
  {
    name: 'the undefined arm of a Response | undefined wrapper has nothing to consume',
    code: `
import { maybeGet } from './cross-file/client.js';
export async function load(path?: string) {
  const res = await maybeGet(path);
  if (!res) return null;
  return res.json();
}`,
  },
  {
    name: 'a comparison with undefined separates the absent response from the present one',
    code: `
import { maybeGet } from './cross-file/client.js';
export async function load(path?: string) {
  const res = await maybeGet(path);
  if (res === undefined) return null;
  return res.text();
}`,
  },
  {
    name: 'getJson returns data, not the response: not a producer',
    code: `
import { getJson } from './cross-file/client.js';
export async function load(path: string) {
  const data = await getJson(path);
  console.log(data);
}`,
  },
  {
    name: 'the overload of a wrapper that returns data is not a producer',
    code: `
import { get } from './cross-file/client.js';
export async function load(path: string) {
  const data = await get(path, 'json');
  return data;
}`,
  },
  {
    name: 'a factory that returns new Response(...) is a fake, not a producer',
    code: `
import { fakeResponse } from './cross-file/client.js';
export function status() {
  const res = fakeResponse('ok');
  return res.status;
}`,
  },
  {
    name: 'a factory that builds new Response(...) in a constant and returns it is a fake too',
    code: `
import { fakeJson } from './cross-file/client.js';
export function status() {
  const res = fakeJson({ ok: true });
  return res.status;
}`,
  },
  {
    name: 'a wrapper cycle that never reaches a client is not a producer, and the check terminates',
    code: `
import { ping } from './cross-file/client.js';
export async function run() {
  const res = await ping(0);
  return res.status;
}`,
  },
  {
    name: 'a method of a client class that returns text is not a producer',
    code: `
import { HttpClient } from './cross-file/client.js';
const api = new HttpClient('https://api.example.test');
export async function load(path: string) {
  const text = await api.text(path);
  return text.length;
}`,
  },
  {
    name: 'a response inside a tuple returned by a wrapper is not followed',
    code: `
import { stamped } from './cross-file/client.js';
export async function load(path: string) {
  const [res, at] = await stamped(path);
  return [res.status, at];
}`,
  },
  {
    name: 'a wrapper around another file’s wrapper is not recognised (its file is read without types)',
    code: `
import { getUser } from './cross-file/nested-client.js';
export async function isUp(id: string) {
  const res = await getUser(id);
  return res.ok;
}`,
  },
  {
    name: 'a helper tagged @drain-handled in another file handles the response',
    code: `
import { getRaw } from './cross-file/client.js';
import { enqueue, trace } from './cross-file/body-helpers.js';
export async function ping(path: string) {
  const first = await getRaw(path);
  enqueue(first);
  const second = await getRaw(path);
  trace(second);
}`,
  },
  {
    name: 'a @drain-handled tag on the statement of an exported arrow function',
    code: `
import { getRaw } from './cross-file/client.js';
import { hold } from './cross-file/body-helpers.js';
export async function ping(path: string) {
  const res = await getRaw(path);
  hold(res);
}`,
  },
  {
    name: 'a @drain-handled tag on the overload the call resolves to',
    code: `
import { getRaw } from './cross-file/client.js';
import { accept } from './cross-file/body-helpers.js';
export async function ping(path: string) {
  const res = await getRaw(path);
  accept(res);
}`,
  },
  {
    name: 'a @drain-handled line comment in another file',
    code: `
import { getRaw } from './cross-file/client.js';
import { park } from './cross-file/body-helpers.js';
export async function ping(path: string) {
  const res = await getRaw(path);
  park(res);
}`,
  },
  {
    name: 'a helper held in a let may be reassigned to another function: a hand-off',
    code: `
let handle = (r: Response) => console.log(r.status);
export function use(next: (r: Response) => Promise<void>) {
  handle = next;
}
export async function ping(url: string) {
  const res = await fetch(url);
  handle(res);
}`,
  },
  {
    name: 'a @drain-handled helper in the same file is not checked itself either',
    code: `
/** @drain-handled */
async function maybeRead(r: Response) {
  if (r.status === 404) return null;
  return r.json();
}
export async function load(url: string) {
  const res = await fetch(url);
  return maybeRead(res);
}`,
  },
  {
    name: 'a @drain-handled class method in the same file',
    code: `
class Sink {
  /** @drain-handled */
  accept(r: Response) {
    console.log(r.status);
  }
}
const sink = new Sink();
export async function ping(url: string) {
  const res = await fetch(url);
  sink.accept(res);
}`,
  },
  {
    name: 'a callee declared without a body is a hand-off',
    code: `
import { getRaw } from './cross-file/client.js';
declare function report(res: Response): void;
export async function ping(path: string) {
  const res = await getRaw(path);
  report(res);
}`,
  },
  {
    name: 'a library callee from node_modules is a hand-off',
    code: `
import { Readable } from 'node:stream';
import { getRaw } from './cross-file/client.js';
export async function stream(path: string) {
  const res = await getRaw(path);
  return Readable.fromWeb(res.body as never);
}`,
  },
  {
    name: 'a helper that passes the response to an unknown callee takes it over',
    code: `
import { getRaw } from './cross-file/client.js';
declare function sink(r: Response): void;
function forward(r: Response) {
  sink(r);
}
export async function ping(path: string) {
  const res = await getRaw(path);
  forward(res);
}`,
  },
  {
    name: 'the consumers option names a helper that only seems to look',
    options: [{ consumers: ['logStatus'] }],
    code: borrowingHelper,
  },
  {
    name: 'a helper that gives the response to code the analysis cannot read is a hand-off at its call site',
    code: `
import { getRaw } from './cross-file/client.js';
import { forwardResponseCookies } from './cross-file/unseen-helpers.js';
export async function ping(path: string) {
  const res = await getRaw(path);
  forwardResponseCookies(res);
}`,
  },
  {
    name: 'a helper that stores the response in a field is a hand-off at its call site',
    code: `
import { getRaw } from './cross-file/client.js';
import { Connection } from './cross-file/unseen-helpers.js';
export async function connect(path: string, connection: Connection) {
  const res = await getRaw(path);
  connection.attach(res);
}`,
  },
  {
    name: 'a same-file helper that gives the response away unseen is not checked itself',
    code: `
declare const registry: Map<string, Response>;
function remember(key: string, r: Response) {
  if (registry.has(key)) return;
  registry.set(key, r);
}
export async function load(url: string) {
  remember(url, await fetch(url));
}`,
  },
];

const typedBodyInvalid: BodyInvalid[] = [
  {
    name: 'a response inside an object returned by a wrapper of another file is followed through the destructuring',
    code: `
import { timed } from './cross-file/client.js';
export async function load(path: string) {
  const { res, ms } = await timed(path);
  console.log(ms);
  return res.status;
}`,
    output: `
import { timed } from './cross-file/client.js';
export async function load(path: string) {
  const { res, ms } = await timed(path);
  console.log(ms);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 29, data: { response: 'the `timed(path)` response (`res`)', exit: 'the function returns at line 6' } }],
  },
  {
    name: 'a wrapper typed Promise<Response> is a producer',
    code: wrapperStatusOnly,
    output: drainBefore(wrapperStatusOnly, '  return res.ok;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'a class method typed Promise<Response> is a producer',
    code: classMethodStatusOnly,
    output: drainBefore(classMethodStatusOnly, '  return res.status === 200;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 5, column: 21, data: { response: 'the `api.raw(path)` response (`res`)', exit: 'the function returns at line 6' } },
    ],
  },
  {
    name: 'an arrow-function wrapper is a producer, and dropping its response leaks',
    code: arrowWrapperDropped,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 9,
        data: { response: 'the `getArrow(path)` response', exit: 'it is dropped at line 4' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: 'the `getArrow(path)` response', lines: 'line 4', how: ' (reads for up to 1 s)' },
            output: arrowWrapperDropped.replace(
              '  await getArrow(path);',
              '  await (await getArrow(path)).body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'a default-exported wrapper is a producer',
    code: defaultWrapperEarlyReturn,
    output: defaultWrapperEarlyReturn.replace(
      '  if (res.status === 404) return null;',
      '  if (res.status === 404) {\n    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});\n    return null;\n  }',
    ),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `getDefault(url)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'a wrapper generic over R extends Response is a producer',
    code: genericWrapperStatusOnly,
    output: drainBefore(genericWrapperStatusOnly, '  return res.status;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `request(path)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'a Response | undefined wrapper leaks on the path where the response is present but not ok',
    code: optionalWrapperNotOk,
    output: drainBefore(optionalWrapperNotOk, '  return null;', '  await res?.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `maybeGet(path)` response (`res`)', exit: 'the function returns at line 6' } },
    ],
  },
  {
    name: 'the overload of a wrapper that returns the response is a producer',
    code: overloadWrapperHeadersOnly,
    output: drainBefore(overloadWrapperHeadersOnly, "  return res.headers.get('etag');", '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `get(path)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'a wrapper re-exported under another name is a producer',
    code: reexportedWrapper,
    output: drainBefore(reexportedWrapper, '  return res.ok;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `fetchRaw(path)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'a default export re-exported by name is a producer',
    code: reexportedDefaultWrapper,
    output: drainBefore(reexportedDefaultWrapper, '  return res.ok;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `getDefault(url)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'a wrapper that retries through mutual recursion is a producer',
    code: recursiveWrapper,
    output: drainBefore(recursiveWrapper, '  return res.status === 200;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `getWithRetry(path)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'an imported helper that only logs borrows the response: the caller still owes the body',
    code: borrowingHelper,
    output: `${borrowingHelper.slice(0, -2)}\n  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});\n}`,
    errors: [
      { messageId: 'unconsumedBody', line: 5, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function ends at line 7' } },
    ],
  },
  {
    name: 'a validator borrows the response: returning after it with the body unread leaks',
    code: validatorThenStatus,
    output: drainBefore(validatorThenStatus, '  return res.status;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 5, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function returns at line 7' } },
    ],
  },
  {
    name: 'a borrowing helper re-exported under another name',
    code: reexportedBorrower,
    output: `${reexportedBorrower.slice(0, -2)}\n  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});\n}`,
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function ends at line 6' } },
    ],
  },
  {
    name: 'an arrow-function helper re-exported by export * borrows the response',
    code: starReexportedArrowBorrower,
    output: drainBefore(starReexportedArrowBorrower, '  return statusOf(res) === 200;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'a helper generic over R extends Response that only reads headers borrows the response',
    code: genericBorrower,
    output: drainBefore(genericBorrower, '  return null;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 5, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function returns at line 7' } },
    ],
  },
  {
    name: 'an overloaded helper that only formats the status borrows the response',
    code: overloadBorrower,
    output: drainBefore(overloadBorrower, '  return describe(res, true);', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 5, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function returns at line 6' } },
    ],
  },
  {
    name: 'a class method that only reads the status borrows the response',
    code: methodBorrower,
    output: drainBefore(methodBorrower, '  return reader.status(res);', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 6, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function returns at line 7' } },
    ],
  },
  {
    name: 'mutually recursive helpers that only look borrow the response: recursion does not hide the leak',
    code: recursiveBorrower,
    output: drainBefore(recursiveBorrower, '  return statusAfter(res, 2);', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 5, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function returns at line 6' } },
    ],
  },
  {
    name: 'console.log, String and JSON.stringify only inspect a wrapper’s response',
    code: inertSinks,
    output: drainBefore(inertSinks, '  return String(res) + JSON.stringify(res);', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function returns at line 6' } },
    ],
  },
  {
    name: 'with types an imported helper is read: passing fetch’s response to a borrower leaks',
    code: importedBorrowerOfFetch,
    output: `${importedBorrowerOfFetch.slice(0, -2)}\n  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});\n}`,
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function ends at line 6' } },
    ],
  },
  {
    name: 'a same-file helper that takes the response and returns early is reported at its parameter',
    code: `
async function readJsonOrNull(r: Response) {
  if (r.status === 404) return null;
  return r.json();
}
export async function load(url: string) {
  const res = await fetch(url);
  return readJsonOrNull(res);
}`,
    output: `
async function readJsonOrNull(r: Response) {
  if (r.status === 404) {
    await r.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return r.json();
}
export async function load(url: string) {
  const res = await fetch(url);
  return readJsonOrNull(res);
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 2, column: 31, data: { response: 'the fetch response `r`', exit: 'the function returns at line 3' } },
    ],
  },
  {
    name: 'a helper that passes the response to a same-file helper that reads it takes it, and returns early',
    code: `
async function readAll(r: Response) {
  return r.text();
}
async function textOrEmpty(r: Response) {
  if (r.status === 404) return '';
  return readAll(r);
}
export async function load(url: string) {
  return textOrEmpty(await fetch(url));
}`,
    output: `
async function readAll(r: Response) {
  return r.text();
}
async function textOrEmpty(r: Response) {
  if (r.status === 404) {
    await r.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return '';
  }
  return readAll(r);
}
export async function load(url: string) {
  return textOrEmpty(await fetch(url));
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 5, column: 28, data: { response: 'the fetch response `r`', exit: 'the function returns at line 6' } },
    ],
  },
  {
    name: 'a helper that reads the body on one path takes it, even if another path gives it away unseen',
    code: `
declare function archive(r: Response): void;
async function settle(r: Response, keep: boolean) {
  if (r.status === 404) return null;
  if (keep) return archive(r);
  return r.json();
}
export async function load(url: string) {
  return settle(await fetch(url), false);
}`,
    output: `
declare function archive(r: Response): void;
async function settle(r: Response, keep: boolean) {
  if (r.status === 404) {
    await r.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  if (keep) return archive(r);
  return r.json();
}
export async function load(url: string) {
  return settle(await fetch(url), false);
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 3, column: 23, data: { response: 'the fetch response `r`', exit: 'the function returns at line 4' } },
    ],
  },
  {
    name: 'a helper that only looks through a local copy borrows the response: the caller still owes the body',
    code: `
function describe(r: Response) {
  const copy = r;
  return \`\${copy.status} \${copy.statusText}\`;
}
export async function ping(url: string) {
  const res = await fetch(url);
  console.log(describe(res));
}`,
    output: `
function describe(r: Response) {
  const copy = r;
  return \`\${copy.status} \${copy.statusText}\`;
}
export async function ping(url: string) {
  const res = await fetch(url);
  console.log(describe(res));
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 7, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function ends at line 9' } },
    ],
  },
  {
    name: 'a same-file wrapper is a producer',
    code: `
async function getRaw(url: string): Promise<Response> {
  return fetch(url);
}
export async function status(url: string) {
  const res = await getRaw(url);
  return res.status;
}`,
    output: `
async function getRaw(url: string): Promise<Response> {
  return fetch(url);
}
export async function status(url: string) {
  const res = await getRaw(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 6, column: 21, data: { response: 'the `getRaw(url)` response (`res`)', exit: 'the function returns at line 7' } },
    ],
  },
  {
    name: 'fetch(url).catch(() => undefined): the defined response still leaks where it is not ok',
    code: `
export async function load(url: string) {
  const res = await fetch(url).catch(() => undefined);
  if (res && res.ok) return res.json();
  return null;
}`,
    // No fix: the absent response reaches the same `return` with nothing owed.
    output: null,
    errors: [
      { messageId: 'unconsumedBody', line: 3, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
];

// ---- no-unconsumed-body, untyped ----------------------------------------------------------------

/** Without types, the wrappers and helpers of other files are invisible: the same code is silent. */
const untypedBodyValid: BodyValid[] = [
  { name: 'without types an imported wrapper is not a producer', code: wrapperStatusOnly },
  { name: 'without types an imported class method is not a producer', code: classMethodStatusOnly },
  { name: 'without types an imported arrow-function wrapper is not a producer', code: arrowWrapperDropped },
  { name: 'without types a default-imported wrapper is not a producer', code: defaultWrapperEarlyReturn },
  { name: 'without types an imported generic wrapper is not a producer', code: genericWrapperStatusOnly },
  { name: 'without types a Response | undefined wrapper is not a producer', code: optionalWrapperNotOk },
  { name: 'without types an overloaded wrapper is not a producer', code: overloadWrapperHeadersOnly },
  { name: 'without types a re-exported wrapper is not a producer', code: reexportedWrapper },
  { name: 'without types a recursive wrapper is not a producer', code: recursiveWrapper },
  { name: 'without types an imported borrowing helper is a hand-off', code: borrowingHelper },
  { name: 'without types an imported validator is a hand-off', code: validatorThenStatus },
  { name: 'without types an imported recursive borrower is a hand-off', code: recursiveBorrower },
  {
    name: 'without types passing fetch’s response to an imported helper is a hand-off',
    code: importedBorrowerOfFetch,
  },
  {
    name: 'without types a helper parameter is not known to be a response, so the helper is not checked',
    code: `
async function readJsonOrNull(r) {
  if (r.status === 404) return null;
  return r.json();
}
export async function load(url) {
  const res = await fetch(url);
  return readJsonOrNull(res);
}`,
  },
  {
    name: 'without types a same-file wrapper whose request options come from its caller is not a producer',
    code: `
async function getRaw(url, init) {
  return fetch(url, init);
}
export async function status(url) {
  const res = await getRaw(url, { method: 'HEAD' });
  return res.status;
}`,
  },
  {
    name: 'without types a helper held in a let may be reassigned: a hand-off',
    code: `
let logStatus = (r) => console.log(r.status);
export async function ping(url) {
  const res = await fetch(url);
  logStatus(res);
}`,
  },
  {
    name: 'without types a same-file helper tagged @drain-handled handles the response',
    code: `
/** @drain-handled */
function logStatus(r) {
  console.log(r.status);
}
export async function ping(url) {
  const res = await fetch(url);
  logStatus(res);
}`,
  },
  {
    name: 'the consumers option turns a same-file borrower into a consumer',
    options: [{ producers: ['getRaw'], consumers: ['logStatus'] }],
    code: `
import { getRaw } from './cross-file/client.js';
function logStatus(r) {
  console.log(r.status);
}
export async function ping(path) {
  const res = await getRaw(path);
  logStatus(res);
}`,
  },
];

/** Same-file helpers are still read by scope without types, so a borrower does not hide a leak. */
const untypedBodyInvalid: BodyInvalid[] = [
  {
    name: 'without types a same-file function helper that only logs borrows the response',
    code: `
function logStatus(r) {
  console.log(r.status);
}
export async function ping(url) {
  const res = await fetch(url);
  logStatus(res);
}`,
    output: `
function logStatus(r) {
  console.log(r.status);
}
export async function ping(url) {
  const res = await fetch(url);
  logStatus(res);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 6, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function ends at line 8' } },
    ],
  },
  {
    name: 'without types a same-file const arrow helper that only logs borrows the response',
    code: `
const logStatus = (r) => console.log(r.status);
export async function ping(url) {
  const res = await fetch(url);
  logStatus(res);
}`,
    output: `
const logStatus = (r) => console.log(r.status);
export async function ping(url) {
  const res = await fetch(url);
  logStatus(res);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function ends at line 6' } },
    ],
  },
  {
    name: 'without types same-file mutually recursive borrowers do not hide the leak',
    code: `
function statusAfter(r, hops) {
  return hops <= 0 ? r.status : statusAgain(r, hops - 1);
}
function statusAgain(r, hops) {
  return statusAfter(r, hops);
}
export async function load(url) {
  const res = await fetch(url);
  return statusAfter(res, 2);
}`,
    output: `
function statusAfter(r, hops) {
  return hops <= 0 ? r.status : statusAgain(r, hops - 1);
}
function statusAgain(r, hops) {
  return statusAfter(r, hops);
}
export async function load(url) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return statusAfter(res, 2);
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 9, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 10' } },
    ],
  },
  {
    name: 'the producers option names an imported wrapper (string form)',
    options: [{ producers: ['getRaw'] }],
    code: wrapperStatusOnly,
    output: drainBefore(wrapperStatusOnly, '  return res.ok;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'the producers option names a method as object.method',
    options: [{ producers: ['api.raw'] }],
    code: classMethodStatusOnly,
    output: drainBefore(classMethodStatusOnly, '  return res.status === 200;', '  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
    errors: [
      { messageId: 'unconsumedBody', line: 5, column: 21, data: { response: 'the `api.raw(path)` response (`res`)', exit: 'the function returns at line 6' } },
    ],
  },
  {
    name: 'the producers option in object form picks the client, and with it the drain',
    options: [{ producers: [{ name: 'call', client: 'undici-request' }] }],
    code: `
import { call } from './legacy.js';
export async function isUp(path) {
  const res = await call(path);
  return res.statusCode === 200;
}`,
    output: `
import { call } from './legacy.js';
export async function isUp(path) {
  const res = await call(path);
  await res.body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.statusCode === 200;
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `call(path)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'the producers option with returns: value for a function that returns the response itself',
    options: [{ producers: [{ name: 'openStream', client: 'node-http', returns: 'value' }] }],
    code: `
const { openStream } = require('./legacy');
function isUp(path) {
  const res = openStream(path);
  return res.statusCode === 200;
}`,
    output: `
const { openStream } = require('./legacy');
function isUp(path) {
  const res = openStream(path);
  res.resume();
  setTimeout(() => res.destroy(), 1000).unref();
  return res.statusCode === 200;
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 4, column: 15, data: { response: 'the `openStream(path)` response (`res`)', exit: 'the function returns at line 5' } },
    ],
  },
  {
    name: 'the producers option alone: a same-file borrower still leaves the body to the caller',
    options: [{ producers: ['getRaw'] }],
    code: `
import { getRaw } from './cross-file/client.js';
function logStatus(r) {
  console.log(r.status);
}
export async function ping(path) {
  const res = await getRaw(path);
  logStatus(res);
}`,
    output: `
import { getRaw } from './cross-file/client.js';
function logStatus(r) {
  console.log(r.status);
}
export async function ping(path) {
  const res = await getRaw(path);
  logStatus(res);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
    errors: [
      { messageId: 'unconsumedBody', line: 7, column: 21, data: { response: 'the `getRaw(path)` response (`res`)', exit: 'the function ends at line 9' } },
    ],
  },
];

// ---- no-undrained-close ----------------------------------------------------------------------------

const typedCloseValid: CloseValid[] = [
  {
    name: 'a helper that drains is not a close at the call site',
    code: `
import { getRaw } from './cross-file/client.js';
import { drain } from './cross-file/body-helpers.js';
export async function isUp(path: string) {
  const res = await getRaw(path);
  const up = res.ok;
  await drain(res);
  return up;
}`,
  },
  {
    name: 'cancelling after a helper took the body over is not a close of an unread body',
    code: `
import { getRaw } from './cross-file/client.js';
import { consume } from './cross-file/body-helpers.js';
export async function load(path: string) {
  const res = await getRaw(path);
  await consume(res);
  await res.body?.cancel();
}`,
  },
  {
    name: 'the consumers option: cancelling after a named consumer is not reported',
    options: [{ consumers: ['logStatus'] }],
    code: borrowThenCancel,
  },
  {
    name: 'a fake response from new Response(...) may be cancelled',
    code: `
import { fakeResponse } from './cross-file/client.js';
export async function status() {
  const res = fakeResponse('ok');
  await res.body?.cancel();
  return res.status;
}`,
  },
];

const typedCloseInvalid: CloseInvalid[] = [
  {
    name: 'cancelling the unread body of a wrapper’s response',
    code: wrapperCancelUnread,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 6,
        column: 9,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: wrapperCancelUnread.replace('res.body?.cancel()', 'res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})'),
          },
        ],
      },
    ],
  },
  {
    name: 'a borrowing helper does not read the body: cancelling after it is a close of an unread body',
    code: borrowThenCancel,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 7,
        column: 9,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: borrowThenCancel.replace('res.body?.cancel()', 'res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})'),
          },
        ],
      },
    ],
  },
  {
    name: 'cancelling the present arm of a Response | undefined wrapper',
    code: optionalWrapperCancel,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 6,
        column: 9,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: optionalWrapperCancel.replace('res.body?.cancel()', 'res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})'),
          },
        ],
      },
    ],
  },
];

const untypedCloseValid: CloseValid[] = [
  { name: 'without types the response of an imported wrapper is not followed', code: wrapperCancelUnread },
  { name: 'without types a Response | undefined wrapper is not followed', code: optionalWrapperCancel },
];

const untypedCloseInvalid: CloseInvalid[] = [
  {
    name: 'the producers option names the wrapper for no-undrained-close too',
    options: [{ producers: ['getRaw'] }],
    code: wrapperCancelUnread,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 6,
        column: 9,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: wrapperCancelUnread.replace('res.body?.cancel()', 'res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})'),
          },
        ],
      },
    ],
  },
  {
    name: 'the producers option in object form for a node-fetch wrapper',
    options: [{ producers: [{ name: 'legacyGet', client: 'node-fetch' }] }],
    code: `
import { legacyGet } from './legacy.js';
export async function load(path) {
  const res = await legacyGet(path);
  if (res.status === 200) {
    res.body.destroy();
    return null;
  }
  return res.text();
}`,
    errors: [
      {
        messageId: 'cancelUnread',
        line: 6,
        column: 5,
        suggestions: [
          {
            messageId: 'drainInstead',
            data: { target: '`res.body`', how: ' (reads for up to 1 s)' },
            output: `
import { legacyGet } from './legacy.js';
export async function load(path) {
  const res = await legacyGet(path);
  if (res.status === 200) {
    res.body.resume();
    setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
    return null;
  }
  return res.text();
}`,
          },
        ],
      },
    ],
  },
];

createTypedRuleTester().run('cross-function: no-unconsumed-body (typed)', bodyRule, {
  valid: typedBodyValid,
  invalid: typedBodyInvalid,
});

createUntypedRuleTester().run('cross-function: no-unconsumed-body (untyped)', bodyRule, {
  valid: untypedBodyValid,
  invalid: untypedBodyInvalid,
});

createTypedRuleTester().run('cross-function: no-undrained-close (typed)', closeRule, {
  valid: typedCloseValid,
  invalid: typedCloseInvalid,
});

createUntypedRuleTester().run('cross-function: no-undrained-close (untyped)', closeRule, {
  valid: untypedCloseValid,
  invalid: untypedCloseInvalid,
});

// ---- option schema -------------------------------------------------------------------------------

/** Lints one line with `options`; ESLint validates them against the rule's schema first and throws. */
function configure(rule: 'no-unconsumed-body' | 'no-undrained-close', options: unknown): () => void {
  return () => {
    new Linter().verify('fetch(url);', {
      plugins: { drain: plugin as never },
      rules: { [`drain/${rule}`]: ['error', options] },
    });
  };
}

describe('cross-function options are validated by the rule schemas', () => {
  for (const rule of ['no-unconsumed-body', 'no-undrained-close'] as const) {
    it(`${rule} accepts both producer forms and consumers`, () => {
      expect(
        configure(rule, {
          producers: ['getRaw', { name: 'api.get', client: 'node-fetch', returns: 'value' }],
          consumers: ['discardBody'],
        }),
      ).not.toThrow();
    });
    it(`${rule} rejects producers that are not an array`, () => {
      expect(configure(rule, { producers: 'getRaw' })).toThrow(
        /"producers":"getRaw"\} should have property producers as an array of distinct function names or \{ name, client, returns \} objects when property producers is present\./,
      );
    });
    it(`${rule} rejects an empty producer name`, () => {
      expect(configure(rule, { producers: [''] })).toThrow(/"producers":\[""\]\} should have property producers as /);
    });
    it(`${rule} rejects a producer object without a name`, () => {
      expect(configure(rule, { producers: [{ client: 'fetch' }] })).toThrow(/should have required property 'name'/);
    });
    it(`${rule} rejects an unknown client`, () => {
      expect(configure(rule, { producers: [{ name: 'get', client: 'curl' }] })).toThrow(
        /Value \{"name":"get","client":"curl"\} should have property client as one of "node-fetch", .*"got" \(in `producers`: whose response it returns\) when property client is present\./,
      );
    });
    it(`${rule} rejects an unknown returns value`, () => {
      expect(configure(rule, { producers: [{ name: 'get', returns: 'stream' }] })).toThrow(
        /Value \{"name":"get","returns":"stream"\} should have property returns as "promise" or "value" /,
      );
    });
    it(`${rule} rejects an unknown key in a producer object`, () => {
      expect(configure(rule, { producers: [{ name: 'get', module: 'undici' }] })).toThrow(
        /Unexpected property "module"\. Expected properties: "name", "client", "returns"/,
      );
    });
    it(`${rule} rejects a consumer that is not a string`, () => {
      expect(configure(rule, { consumers: [1] })).toThrow(/"consumers":\[1\]\} should have property consumers as an array of distinct function names /);
    });
    it(`${rule} rejects duplicate consumers`, () => {
      expect(configure(rule, { consumers: ['drain', 'drain'] })).toThrow(/"consumers":\["drain","drain"\]\} should have property consumers as /);
    });
    it(`${rule} rejects a misspelt option and lists producers among the expected ones`, () => {
      expect(configure(rule, { producer: ['getRaw'] })).toThrow(/Unexpected property "producer"\. Expected properties: "producers"/);
    });
  }
});

// ---- the helper modules linted themselves -----------------------------------------------------------

/*
 * Last, because RuleTester opens each linted file (and each fixed or suggested variant) in the shared
 * project service: a module linted here then keeps that content for the rest of this worker.
 */
const moduleAt = (name: string) => path.join(fixturesDir, 'cross-file', name);
const source = (name: string) => fs.readFileSync(moduleAt(name), 'utf8');
const leaky = source('leaky-helpers.ts');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

createTypedRuleTester().run('cross-function: helper modules (no-unconsumed-body)', bodyRule, {
  valid: [
    { name: 'helpers that take or borrow without losing a body', filename: moduleAt('body-helpers.ts'), code: source('body-helpers.ts') },
    { name: 'wrappers and look-alikes', filename: moduleAt('client.ts'), code: source('client.ts') },
    {
      // A false positive before: the helpers' summaries said `takes`, so forwardResponseCookies was
      // reported at its early return and attach() at its aborted return.
      name: 'helpers that give the response to code the analysis cannot read are not checked themselves (msw)',
      filename: moduleAt('unseen-helpers.ts'),
      code: source('unseen-helpers.ts'),
    },
  ],
  invalid: [
    {
      name: 'a borrowing helper that throws with the body unread, and a taking helper that returns early, are reported at their parameters',
      filename: moduleAt('leaky-helpers.ts'),
      code: leaky,
      output: leaky.replace(
        '  if (res.status === 404) return null;',
        '  if (res.status === 404) {\n    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});\n    return null;\n  }',
      ),
      errors: [
        {
          messageId: 'unconsumedBody',
          line: lineOf(leaky, 'export function assertOk'),
          column: 26,
          data: { response: 'the fetch response `res`', exit: `the function throws at line ${lineOf(leaky, "  if (!res.ok) throw")}` },
          suggestions: [
            {
              messageId: 'insertDrain',
              data: { target: '`res`', lines: `line ${lineOf(leaky, '  if (!res.ok) throw')}`, how: ' (reads for up to 1 s)' },
              output: leaky.replace(
                '  if (!res.ok) throw new Error(`HTTP ${res.status}`);',
                '  if (!res.ok) {\n    void res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});\n    throw new Error(`HTTP ${res.status}`);\n  }',
              ),
            },
          ],
        },
        {
          messageId: 'unconsumedBody',
          line: lineOf(leaky, 'export async function readJsonOrNull'),
          column: 38,
          data: { response: 'the fetch response `res`', exit: `the function returns at line ${lineOf(leaky, '  if (res.status === 404)')}` },
        },
      ],
    },
  ],
});

const skipAfterSuccess = `
import { skipBody } from './cross-file/leaky-helpers.js';
export async function isUp(url: string) {
  const res = await fetch(url);
  if (res.ok) {
    await skipBody(res);
    return true;
  }
  return false;
}`;

createTypedRuleTester().run('cross-function: helper modules (no-undrained-close)', closeRule, {
  valid: [
    { name: 'helpers that drain rather than cancel', filename: moduleAt('body-helpers.ts'), code: source('body-helpers.ts') },
    { name: 'wrappers that cancel only on error statuses', filename: moduleAt('client.ts'), code: source('client.ts') },
    {
      name: 'a helper whose only act is cancelling its parameter is judged where it is called, not in itself',
      filename: moduleAt('leaky-helpers.ts'),
      code: leaky,
    },
    {
      name: 'the release helper called on an error path, where recommended accepts a cancel',
      code: `
import { skipBody } from './cross-file/leaky-helpers.js';
export async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await skipBody(res);
    throw new Error(\`HTTP \${res.status}\`);
  }
  return res.json();
}`,
    },
  ],
  invalid: [
    {
      name: 'the release helper called after only a status check cancels an unread body at the call',
      code: skipAfterSuccess,
      errors: [
        {
          messageId: 'cancelUnread',
          line: lineOf(skipAfterSuccess, '    await skipBody(res);'),
          column: 11,
          suggestions: [
            {
              messageId: 'drainInstead',
              data: { target: '`res`', how: ' (reads for up to 1 s)' },
              output: skipAfterSuccess.replace('    await skipBody(res);', '    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});'),
            },
          ],
        },
      ],
    },
  ],
});
