import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * Hand-offs: once a response leaves the function's hands (returned, yielded, passed to code the
 * analysis cannot see, stored where others can reach it), the receiver owns the body and the rule
 * stays silent. A hand-off on one path does not excuse the others.
 */
const valid: Valid[] = [
  {
    name: 'the response is returned to the caller',
    code: `
async function get(url: string) {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  return res;
}`,
  },
  {
    name: 'the fetch promise is returned directly',
    code: `
function get(url: string) {
  return fetch(url);
}`,
  },
  {
    name: 'the awaited fetch is returned directly',
    code: `
async function get(url: string) {
  return await fetch(url);
}`,
  },
  {
    name: 'an arrow function returns the fetch promise',
    code: `
export const get = (url: string) => fetch(url);`,
  },
  {
    name: 'the response is yielded by a generator',
    code: `
async function* responses(urls: string[]) {
  for (const url of urls) {
    const res = await fetch(url);
    yield res;
  }
}`,
  },
  {
    name: 'the response is passed to a function the analysis cannot see into',
    code: `
declare function handle(res: Response): Promise<void>;
async function run(url: string) {
  const res = await fetch(url);
  await handle(res);
}`,
  },
  {
    name: 'the response is passed to a callback parameter',
    code: `
async function run(url: string, onResponse: (res: Response) => void) {
  const res = await fetch(url);
  onResponse(res);
}`,
  },
  {
    name: 'the response is stored in a returned object',
    code: `
async function timed(url: string) {
  const started = Date.now();
  const res = await fetch(url);
  return { res, elapsed: Date.now() - started };
}`,
  },
  {
    name: 'the response is stored in an array that is returned',
    code: `
async function both(a: string, b: string) {
  const first = await fetch(a);
  const second = await fetch(b);
  return [first, second];
}`,
  },
  {
    name: 'the response is pushed onto an outer array',
    code: `
const pending: Response[] = [];
export const takeAll = () => pending.splice(0);
async function enqueue(url: string) {
  const res = await fetch(url);
  pending.push(res);
}`,
  },
  {
    name: 'the response is stored in a class field',
    code: `
class Poller {
  last: Response | undefined;
  async poll(url: string) {
    const res = await fetch(url);
    this.last = res;
  }
}`,
  },
  {
    name: 'the awaited fetch is assigned straight to a class field',
    code: `
class Poller {
  last: Response | undefined;
  async poll(url: string) {
    this.last = await fetch(url);
  }
}`,
  },
  {
    name: 'the response is stored in a Map',
    code: `
const cache = new Map<string, Response>();
export const cached = (url: string) => cache.get(url);
async function prefetch(url: string) {
  const res = await fetch(url);
  cache.set(url, res);
}`,
  },
  {
    name: 'the response is stored in a Set',
    code: `
const inFlight = new Set<Response>();
export const tracked = () => [...inFlight];
async function track(url: string) {
  const res = await fetch(url);
  inFlight.add(res);
}`,
  },
  {
    name: 'the response is assigned to an outer-scope variable',
    code: `
let latest: Response | undefined;
export const current = () => latest;
async function refresh(url: string) {
  const res = await fetch(url);
  latest = res;
}`,
  },
  {
    name: 'the awaited fetch is assigned straight to an outer-scope variable',
    code: `
let latest: Response | undefined;
export const current = () => latest;
export async function refresh(url: string) {
  latest = await fetch(url);
}`,
  },
  {
    name: 'a closure that captures the response is returned',
    code: `
async function lazy(url: string) {
  const res = await fetch(url);
  return () => res.json();
}`,
  },
  {
    name: 'a closure that captures the response is scheduled',
    code: `
async function later(url: string) {
  const res = await fetch(url);
  setTimeout(() => res.body?.cancel(), 1000);
  return res.status;
}`,
  },
  {
    name: 'resolve(res) hands the response to the promise',
    code: `
function get(url: string) {
  return new Promise<Response>((resolve, reject) => {
    fetch(url).then((res) => resolve(res), reject);
  });
}`,
  },
  {
    name: 'resolve passed as the fulfilment handler hands the response on',
    code: `
function get(url: string) {
  return new Promise<Response>((resolve, reject) => {
    fetch(url).then(resolve, reject);
  });
}`,
  },
  {
    name: 'Promise.all of fetches is returned',
    code: `
function getAll(a: string, b: string) {
  return Promise.all([fetch(a), fetch(b)]);
}`,
  },
  {
    name: 'Promise.all over a map of fetches is returned',
    code: `
function getAll(urls: string[]) {
  return Promise.all(urls.map((url) => fetch(url)));
}`,
  },
  {
    name: 'the result of Promise.all is returned whole',
    code: `
async function getAll(a: string, b: string) {
  const responses = await Promise.all([fetch(a), fetch(b)]);
  return responses;
}`,
  },
  {
    name: 'responses destructured from Promise.all are returned',
    code: `
async function getBoth(a: string, b: string) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  return { first, second };
}`,
  },
  {
    name: 'the response is handed off on every path, including the error path',
    code: `
declare function reportFailure(res: Response): never;
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) reportFailure(res);
  return res.json();
}`,
  },
  {
    name: 'a then callback rejects with the response on error',
    code: `
function load(url: string) {
  return fetch(url).then((res) => (res.ok ? res.json() : Promise.reject(res)));
}`,
  },
  {
    name: 'a then callback throws the response itself',
    code: `
function load(url: string) {
  return fetch(url).then((res) => {
    if (!res.ok) throw res;
    return res.json();
  });
}`,
  },
  {
    name: 'an abort listener captures the response and cancels it',
    code: `
async function load(url: string, signal: AbortSignal) {
  const res = await fetch(url, { signal });
  signal.addEventListener('abort', () => res.body?.cancel());
  return res.json();
}`,
  },
  {
    name: 'a local helper that reads the body takes the response over',
    code: `
async function readJson(r: Response) {
  return r.json();
}
async function load(url: string) {
  const res = await fetch(url);
  return readJson(res);
}`,
  },
  {
    name: 'a helper that reads the error body and otherwise leaves the body to the caller',
    code: `
async function ensureOk(r: Response) {
  if (!r.ok) throw new Error(await r.text());
}
async function load(url: string) {
  const res = await fetch(url);
  await ensureOk(res);
  return res.json();
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'the response is returned on the success path only',
    code: `
async function get(url: string) {
  const res = await fetch(url);
  if (res.ok) return res;
  return null;
}`,
    output: `
async function get(url: string) {
  const res = await fetch(url);
  if (res.ok) return res;
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return null;
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
    name: 'the response is handed to a callback only when it is ok',
    code: `
async function run(url: string, onResponse: (res: Response) => void) {
  const res = await fetch(url);
  if (!res.ok) return;
  onResponse(res);
}`,
    output: `
async function run(url: string, onResponse: (res: Response) => void) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return;
  }
  onResponse(res);
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
    name: 'the response is cached after an early return on a status',
    code: `
const cache = new Map<string, Response>();
export const cached = (url: string) => cache.get(url);
async function prefetch(url: string) {
  const res = await fetch(url);
  if (res.status >= 500) return false;
  cache.set(url, res);
  return true;
}`,
    output: `
const cache = new Map<string, Response>();
export const cached = (url: string) => cache.get(url);
async function prefetch(url: string) {
  const res = await fetch(url);
  if (res.status >= 500) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return false;
  }
  cache.set(url, res);
  return true;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 5,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 6' },
      },
    ],
  },
  {
    name: 'a class method that reads only the status',
    code: `
class Api {
  constructor(private readonly base: string) {}
  async ping() {
    const res = await fetch(this.base + '/ping');
    return res.ok;
  }
}`,
    output: `
class Api {
  constructor(private readonly base: string) {}
  async ping() {
    const res = await fetch(this.base + '/ping');
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return res.ok;
  }
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 5,
        column: 23,
        data: { response: 'the `fetch(this.base + \'/ping\')` response (`res`)', exit: 'the function returns at line 6' },
      },
    ],
  },
  {
    name: 'a generator that returns before yielding the response',
    code: `
async function* pages(url: string) {
  const res = await fetch(url);
  if (!res.ok) return;
  yield res;
}`,
    output: `
async function* pages(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return;
  }
  yield res;
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
    name: 'a local helper that only logs the status borrows the response',
    code: `
function logStatus(r: Response) {
  console.log(r.status);
}
async function ping(url: string) {
  const res = await fetch(url);
  logStatus(res);
}`,
    output: `
function logStatus(r: Response) {
  console.log(r.status);
}
async function ping(url: string) {
  const res = await fetch(url);
  logStatus(res);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 6,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function ends at line 8' },
      },
    ],
  },
];

/**
 * With types, a function that receives a response as a typed parameter and only looks at it
 * borrows it: throwing with the body unread loses it for the caller, and the report lands on the
 * parameter. Without types the helper's parameter is not known to be a response.
 */
const typedOnly = {
  valid: [] as Valid[],
  invalid: [
    {
      name: 'a borrowing helper that throws on an error status loses the body',
      code: `
function ensureOk(r: Response) {
  if (!r.ok) throw new Error(r.statusText);
}
async function load(url: string) {
  const res = await fetch(url);
  ensureOk(res);
  return res.json();
}`,
      output: null,
      errors: [
        {
          messageId: 'unconsumedBody',
          line: 2,
          column: 19,
          data: { response: 'the fetch response `r`', exit: 'the function throws at line 3' },
          suggestions: [
            {
              messageId: 'insertDrain',
              data: { target: '`r`', lines: 'line 3', how: ' (reads for up to 1 s)' },
              output: `
function ensureOk(r: Response) {
  if (!r.ok) {
    void r.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error(r.statusText);
  }
}
async function load(url: string) {
  const res = await fetch(url);
  ensureOk(res);
  return res.json();
}`,
            },
          ],
        },
      ],
    },
  ] as Invalid[],
};

const untypedOnly = {
  valid: [
    {
      name: 'without types a helper parameter is not known to be a response',
      code: `
function ensureOk(r: Response) {
  if (!r.ok) throw new Error(r.statusText);
}
async function load(url: string) {
  const res = await fetch(url);
  ensureOk(res);
  return res.json();
}`,
    },
  ] as Valid[],
  invalid: [] as Invalid[],
};

runCases('hand-offs', { both: { valid, invalid }, typedOnly, untypedOnly });
