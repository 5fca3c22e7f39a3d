import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * How a response travels before it is used: variables, aliases, destructuring, promise chains and
 * the syntax that passes a value through unchanged (`as`, `!`, `satisfies`, parentheses, `?.`,
 * comma expressions).
 */
const valid: Valid[] = [
  {
    name: 'let binding read later',
    code: `
async function load(url: string) {
  let res = await fetch(url);
  return res.json();
}`,
  },
  {
    name: 'a let reassigned after the first body was read',
    code: `
async function both(a: string, b: string) {
  let res = await fetch(a);
  const first = await res.json();
  res = await fetch(b);
  return [first, await res.json()];
}`,
  },
  {
    name: 'a let declared first and assigned later',
    code: `
async function load(url: string) {
  let res: Response;
  res = await fetch(url);
  return res.text();
}`,
  },
  {
    name: 'an alias reads the body',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const response = res;
  return response.json();
}`,
  },
  {
    name: 'an alias assigned later reads the body',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  let current;
  current = res;
  return current.text();
}`,
  },
  {
    name: 'the promise is stored and awaited later',
    code: `
async function load(url: string) {
  const pending = fetch(url);
  const res = await pending;
  return res.json();
}`,
  },
  {
    name: 'the body stream is destructured and cancelled',
    code: `
async function isUp(url: string) {
  const { ok, body } = await fetch(url);
  await body?.cancel();
  return ok;
}`,
  },
  {
    name: 'the body stream is destructured and piped on every path',
    code: `
async function save(url: string, sink: WritableStream) {
  const { status, body } = await fetch(url);
  if (status !== 200) {
    await body?.cancel();
    return false;
  }
  await body?.pipeTo(sink);
  return true;
}`,
  },
  {
    name: '.then(cb) reads the body in the callback',
    code: `
function load(url: string) {
  return fetch(url).then((res) => res.json());
}`,
  },
  {
    name: '.then(cb) with a block body reads on every path',
    code: `
function load(url: string) {
  return fetch(url).then(async (res) => {
    if (!res.ok) throw new Error(await res.text());
    return res.json();
  });
}`,
  },
  {
    name: '.then(function) reads the body',
    code: `
function load(url: string) {
  return fetch(url).then(function (res) {
    return res.text();
  });
}`,
  },
  {
    name: '.then(onFulfilled, onRejected) reads the body in the fulfilment handler',
    code: `
function load(url: string) {
  return fetch(url).then(
    (res) => res.json(),
    () => null,
  );
}`,
  },
  {
    name: '.finally() passes the response on to the next .then',
    code: `
function load(url: string, timer: ReturnType<typeof setTimeout>) {
  return fetch(url)
    .finally(() => clearTimeout(timer))
    .then((res) => res.text());
}`,
  },
  {
    name: '.catch() before .then reads the body in the callback',
    code: `
function load(url: string) {
  return fetch(url)
    .catch((error) => Promise.reject(new Error(String(error))))
    .then((res) => res.json());
}`,
  },
  {
    name: 'a .then callback hands the response to another function',
    code: `
declare function render(res: Response): void;
function show(url: string) {
  fetch(url).then((res) => render(res));
}`,
  },
  {
    name: 'a .then with a named handler hands the response to it',
    code: `
declare function handle(res: Response): Promise<void>;
function run(url: string) {
  return fetch(url).then(handle);
}`,
  },
  {
    name: 'a .then callback parameter destructures and cancels the body',
    code: `
function isUp(url: string) {
  return fetch(url).then(async ({ ok, body }) => {
    await body?.cancel();
    return ok;
  });
}`,
  },
  {
    name: 'optional chaining on a possibly missing response',
    code: `
async function load(url: string) {
  const res = await fetch(url).catch(() => undefined);
  return res?.json();
}`,
  },
  {
    name: 'optional chaining into the body',
    code: `
async function drop(url: string) {
  const res = await fetch(url);
  await res?.body?.cancel();
}`,
  },
  {
    name: 'as on the awaited value',
    code: `
async function load(url: string) {
  const res = (await fetch(url)) as Response;
  return res.json();
}`,
  },
  {
    name: 'as at the read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  return (res as Response).json();
}`,
  },
  {
    name: 'non-null assertion',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  return res!.json();
}`,
  },
  {
    name: 'satisfies on the awaited value',
    code: `
async function load(url: string) {
  const res = (await fetch(url)) satisfies Response;
  return res.text();
}`,
  },
  {
    name: 'parentheses around every step',
    code: `
async function load(url: string) {
  const res = (await (fetch(url)));
  return (res).json();
}`,
  },
  {
    name: 'the body read on the awaited call directly',
    code: `
async function load(url: string) {
  return (await fetch(url)).json();
}`,
  },
  {
    name: 'comma expression keeps the last value',
    code: `
declare function log(message: string): void;
async function load(url: string) {
  const res = (log('fetching'), await fetch(url));
  return res.json();
}`,
  },
  {
    name: 'comma expression at the read',
    code: `
declare function log(message: string): void;
async function load(url: string) {
  const res = await fetch(url);
  return (log('reading'), res).json();
}`,
  },
  {
    name: 'responses from Promise.all are each read',
    code: `
async function both(a: string, b: string) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  return [await first.json(), await second.json()];
}`,
  },
  {
    name: 'a renamed destructured body is cancelled',
    code: `
async function drop(url: string) {
  const { body: stream } = await fetch(url);
  await stream?.cancel();
}`,
  },
  {
    name: 'a let reassigned after its first body was cancelled',
    code: `
async function load(url: string) {
  let res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    res = await fetch(url);
  }
  return res.json();
}`,
  },
  {
    name: 'a read in a then followed by another then',
    code: `
function show(url: string) {
  fetch(url).then((res) => res.json()).then(console.log);
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'reassigning a let drops the first response unread',
    code: `
async function load(primary: string, fallback: string) {
  let res = await fetch(primary);
  if (res.status === 503) res = await fetch(fallback);
  return res.json();
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 19,
        data: { response: 'the `fetch(primary)` response (`res`)', exit: 'the variable holding it is overwritten at line 4' },
      },
    ],
  },
  {
    name: 'destructuring only the status keeps nothing that can release the body',
    code: `
async function status(url: string) {
  const { status } = await fetch(url);
  return status;
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 28,
        data: { response: 'the `fetch(url)` response', exit: 'it is dropped at line 3' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`body`', lines: 'line 3', how: ' (reads for up to 1 s)' },
            output: `
async function status(url: string) {
  const { status, body } = await fetch(url);
  await body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return status;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'destructuring several metadata fields still drops the body',
    code: `
async function meta(url: string) {
  const { ok, status, headers } = await fetch(url);
  return { ok, status, type: headers.get('content-type') };
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 41,
        data: { response: 'the `fetch(url)` response', exit: 'it is dropped at line 3' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`body`', lines: 'line 3', how: ' (reads for up to 1 s)' },
            output: `
async function meta(url: string) {
  const { ok, status, headers, body } = await fetch(url);
  await body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return { ok, status, type: headers.get('content-type') };
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a destructured body stream that is never touched',
    code: `
async function isUp(url: string) {
  const { ok, body } = await fetch(url);
  return ok && body !== null;
}`,
    output: `
async function isUp(url: string) {
  const { ok, body } = await fetch(url);
  await body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return ok && body !== null;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 30,
        data: { response: 'the `fetch(url)` response (`body`)', exit: 'the function returns at line 4' },
      },
    ],
  },
  {
    name: 'an alias that only reads the status',
    code: `
async function status(url: string) {
  const res = await fetch(url);
  const response = res;
  return response.status;
}`,
    output: `
async function status(url: string) {
  const res = await fetch(url);
  const response = res;
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return response.status;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' },
      },
    ],
  },
  {
    name: 'a stored promise awaited for its status only',
    code: `
async function status(url: string) {
  const pending = fetch(url);
  const res = await pending;
  return res.status;
}`,
    output: `
async function status(url: string) {
  const pending = fetch(url);
  const res = await pending;
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 19,
        data: { response: 'the `fetch(url)` response (`pending`)', exit: 'the function returns at line 5' },
      },
    ],
  },
  {
    name: '.then(r => r.ok) reads only the status',
    code: `
function isUp(url: string) {
  return fetch(url).then((r) => r.ok);
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 10,
        data: { response: 'the `fetch(url)` response (`r`)', exit: 'the callback returns at line 3' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`r`', lines: 'line 3', how: ' (reads for up to 1 s)' },
            output: `
function isUp(url: string) {
  return fetch(url).then(async (r) => { const value = r.ok; await r.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}); return value; });
}`,
          },
        ],
      },
    ],
  },
  {
    name: '.then(function) returns the status',
    code: `
function status(url: string) {
  return fetch(url).then(function (res) {
    return res.status;
  });
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 10,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the callback returns at line 4' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`res`', lines: 'line 4', how: ' (reads for up to 1 s)' },
            output: `
function status(url: string) {
  return fetch(url).then(function (res) {
    void res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return res.status;
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: '.then callback throws on an error status before reading',
    code: `
function load(url: string) {
  return fetch(url).then((res) => {
    if (!res.ok) throw new Error(res.statusText);
    return res.json();
  });
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 10,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the callback throws at line 4' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`res`', lines: 'line 4', how: ' (reads for up to 1 s)' },
            output: `
function load(url: string) {
  return fetch(url).then((res) => {
    if (!res.ok) {
      void res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      throw new Error(res.statusText);
    }
    return res.json();
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: '.then(onFulfilled, onRejected) whose fulfilment handler reads only ok',
    code: `
function isUp(url: string) {
  return fetch(url).then(
    (res) => res.ok,
    () => false,
  );
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 10,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the callback returns at line 4' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`res`', lines: 'line 4', how: ' (reads for up to 1 s)' },
            output: `
function isUp(url: string) {
  return fetch(url).then(
    async (res) => { const value = res.ok; await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}); return value; },
    () => false,
  );
}`,
          },
        ],
      },
    ],
  },
  {
    name: '.then callback that ignores its argument',
    code: `
declare function done(): void;
function notify(url: string) {
  return fetch(url, { method: 'POST' }).then(() => done());
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 10,
        data: { response: 'the `fetch(url, { method: \'POST\' })` response', exit: 'the callback at line 4 ignores it' },
        suggestions: [
          {
            messageId: 'insertDrain',
            output: `
declare function done(): void;
function notify(url: string) {
  return fetch(url, { method: 'POST' }).then(async (response) => { await response.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}); return done(); });
}`,
          },
        ],
      },
    ],
  },
  {
    name: '.finally() then awaited and dropped',
    code: `
declare function done(): void;
async function notify(url: string) {
  await fetch(url, { method: 'POST' }).finally(done);
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 9,
        data: { response: 'the `fetch(url, { method: \'POST\' })` response', exit: 'it is dropped at line 4' },
      },
    ],
  },
  {
    name: 'optional chaining to the status only',
    code: `
async function status(url: string) {
  const res = await fetch(url).catch(() => undefined);
  return res?.status;
}`,
    output: `
async function status(url: string) {
  const res = await fetch(url).catch(() => undefined);
  await res?.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res?.status;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 4' },
      },
    ],
  },
  {
    name: 'as does not hide the response',
    code: `
async function status(url: string) {
  const res = (await fetch(url)) as Response;
  return res.status;
}`,
    output: `
async function status(url: string) {
  const res = (await fetch(url)) as Response;
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 22,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 4' },
      },
    ],
  },
  {
    name: 'satisfies and non-null assertion do not hide the response',
    code: `
async function status(url: string) {
  const res = (await fetch(url)) satisfies Response;
  return res!.ok;
}`,
    output: `
async function status(url: string) {
  const res = (await fetch(url)) satisfies Response;
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res!.ok;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 22,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 4' },
      },
    ],
  },
  {
    name: 'parentheses do not hide the response',
    code: `
async function status(url: string) {
  return (await (fetch(url))).status;
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 18,
        data: { response: 'the `fetch(url)` response', exit: 'it is dropped at line 3' },
      },
    ],
  },
  {
    name: 'comma expression does not hide the response',
    code: `
declare function log(message: string): void;
async function status(url: string) {
  const res = (log('fetching'), await fetch(url));
  return res.status;
}`,
    output: `
declare function log(message: string): void;
async function status(url: string) {
  const res = (log('fetching'), await fetch(url));
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 39,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' },
      },
    ],
  },
  {
    name: 'a do…while retry overwrites the failed response',
    code: `
async function load(url: string) {
  let res: Response;
  let attempt = 0;
  do {
    res = await fetch(url);
    attempt++;
  } while (res.status === 503 && attempt < 3);
  return res.json();
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 6,
        column: 17,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the variable holding it is overwritten at line 6' },
      },
    ],
  },
  {
    name: '.then(r => r.status).catch() still reads only the status',
    code: `
function status(url: string) {
  return fetch(url).then((res) => res.status).catch(() => 0);
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 10,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the callback returns at line 3' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`res`', lines: 'line 3', how: ' (reads for up to 1 s)' },
            output: `
function status(url: string) {
  return fetch(url).then(async (res) => { const value = res.status; await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}); return value; }).catch(() => 0);
}`,
          },
        ],
      },
    ],
  },
];

/**
 * Cases whose expected verdict the engine does not reach yet. They are not run; each comment says
 * what the engine does instead.
 */
export const pendingCases: { valid: Valid[]; invalid: Invalid[] } = {
  valid: [],
  invalid: [
    {
      // The engine is silent: a `.then` callback that returns the response hands it off, and
      // the next step of the chain is not followed.
      name: 'a then that passes the response on to a then that reads only ok',
      code: `
function isUp(url: string) {
  return fetch(url).then((res) => res).then((res) => res.ok);
}`,
      errors: [
        {
          messageId: 'unconsumedBody',
          line: 3,
          column: 10,
          data: { response: 'the `fetch(url)` response (`res`)', exit: 'the callback returns at line 3' },
        },
      ],
    },
  ],
};

runCases('value flow', { both: { valid, invalid } });
