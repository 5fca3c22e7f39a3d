import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * Wrappers that give back a response or nothing (issue 16): `Promise<Response | null>` with types,
 * and without types a function of the same file whose every `return` is a client call, `null` or
 * `undefined`. The caller owes the body when it gets one; the drain the fix inserts uses `?.`,
 * since the value may be `null` where the fix runs.
 */
const TRY_FETCH = `
async function tryFetch(url: string): Promise<Response | null> {
  try {
    return await fetch(url);
  } catch {
    return null;
  }
}`;
const PIPE = '.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})';

const valid: Valid[] = [
  {
    name: 'the caller reads the response when there is one',
    code: `${TRY_FETCH}
async function load(url: string) {
  const res = await tryFetch(url);
  return res ? res.json() : null;
}`,
  },
  {
    name: 'the caller hands the result on',
    code: `${TRY_FETCH}
function open(url: string) {
  return tryFetch(url);
}`,
  },
  {
    name: 'the caller passes the result to a function it cannot read',
    code: `${TRY_FETCH}
async function load(url: string, sink: (res: Response | null) => void) {
  sink(await tryFetch(url));
}`,
  },
  {
    name: 'the caller returns on null: there is no body then',
    code: `${TRY_FETCH}
async function load(url: string) {
  const res = await tryFetch(url);
  if (res === null) return undefined;
  return res.text();
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'the caller drops the result of a wrapper that may give null',
    code: `${TRY_FETCH}
async function warm(url: string) {
  await tryFetch(url);
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 10,
        column: 9,
        data: { response: 'the `tryFetch(url)` response', exit: 'it is dropped at line 10' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: 'the `tryFetch(url)` response', lines: 'line 10', how: ' (reads for up to 1 s)' },
            output: `${TRY_FETCH}
async function warm(url: string) {
  await (await tryFetch(url))?${PIPE};
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'the caller returns the status of the response it got',
    code: `${TRY_FETCH}
async function isUp(url: string) {
  const res = await tryFetch(url);
  if (!res) return false;
  return res.ok;
}`,
    output: `${TRY_FETCH}
async function isUp(url: string) {
  const res = await tryFetch(url);
  if (!res) return false;
  await res?${PIPE};
  return res.ok;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 10, column: 21, data: { response: 'the `tryFetch(url)` response (`res`)', exit: 'the function returns at line 12' } }],
  },
  {
    name: 'a const arrow wrapper with catch to null, whose status a then callback takes',
    code: `
const quiet = (url: string) => fetch(url).catch(() => null);
function status(url: string) {
  return quiet(url).then((res) => res?.status);
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 10,
        data: { response: 'the `quiet(url)` response (`res`)', exit: 'the callback returns at line 4' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`res`', lines: 'line 4', how: ' (reads for up to 1 s)' },
            output: `
const quiet = (url: string) => fetch(url).catch(() => null);
function status(url: string) {
  return quiet(url).then(async (res) => { const value = res?.status; await res?${PIPE}; return value; });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a wrapper that keeps the response in a const it only looks at',
    code: `
async function maybe(url: string) {
  const res = await fetch(url);
  console.log(res.status);
  return res;
}
async function ping(url: string) {
  const res = await maybe(url);
  return res.status;
}`,
    output: `
async function maybe(url: string) {
  const res = await fetch(url);
  console.log(res.status);
  return res;
}
async function ping(url: string) {
  const res = await maybe(url);
  await res${PIPE};
  return res.status;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 8, column: 21, data: { response: 'the `maybe(url)` response (`res`)', exit: 'the function returns at line 9' } }],
  },
  {
    name: 'a wrapper whose body may end without a return gives undefined there: the drain uses ?.',
    code: `
async function probe(url: string) {
  if (url) return fetch(url);
}
async function ping(url: string) {
  const res = await probe(url);
  return res?.status;
}`,
    output: `
async function probe(url: string) {
  if (url) return fetch(url);
}
async function ping(url: string) {
  const res = await probe(url);
  await res?${PIPE};
  return res?.status;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 6, column: 21, data: { response: 'the `probe(url)` response (`res`)', exit: 'the function returns at line 7' } }],
  },
];

runCases('wrappers that may give no response', { both: { valid, invalid } });
