import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * A response kept in a field, a variable or a container that no code reads the body from: the store
 * keeps the response (and its connection) alive and reads nothing, so it is only a look, and the
 * function still owes the body. Measured in tests/runtime/scenarios/fetch/stored-unread.ts. A
 * store that some code may read (another method, an export, a `get`) is that code's, and silent.
 */
const pipeToSink = 'await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});';
const leak = (line: number, exit: string) => ({
  messageId: 'unconsumedBody' as const,
  line,
  column: 21,
  data: { response: 'the `fetch(url)` response (`res`)', exit },
});

const valid: Valid[] = [
  {
    name: 'a private field another method reads the body of',
    code: `
export class Client {
  #last?: Response;
  async check(url: string) {
    const res = await fetch(url);
    this.#last = res;
    return res.ok;
  }
  async lastBody() {
    return this.#last?.text();
  }
}`,
  },
  {
    name: 'a public field: code outside the class may read it',
    code: `
export class Client {
  last?: Response;
  async check(url: string) {
    const res = await fetch(url);
    this.last = res;
    return res.ok;
  }
}`,
  },
  {
    name: 'a cache whose hits are taken out with get()',
    code: `
const cache = new Map<string, Response>();
export async function load(url: string) {
  const hit = cache.get(url);
  if (hit) return hit.clone().json();
  const res = await fetch(url);
  cache.set(url, res);
  return res.status;
}`,
  },
  {
    name: 'an exported variable: other modules may read it',
    code: `
export let latest: Response | undefined;
export async function poll(url: string) {
  const res = await fetch(url);
  latest = res;
  return res.ok;
}`,
  },
  {
    name: 'a module variable handed out by a function',
    code: `
let latest: Response | undefined;
export const current = () => latest;
export async function poll(url: string) {
  const res = await fetch(url);
  latest = res;
  return res.ok;
}`,
  },
  {
    name: 'an array that is iterated later',
    code: `
const pending: Response[] = [];
export async function queue(url: string) {
  const res = await fetch(url);
  pending.push(res);
  return pending.length;
}
export async function flush() {
  for (const res of pending.splice(0)) await res.text();
}`,
  },
  {
    name: 'the response stored unread, but the function reads it',
    code: `
export class Client {
  #last?: Response;
  async load(url: string) {
    const res = await fetch(url);
    this.#last = res;
    return res.json();
  }
  get status() {
    return this.#last?.status;
  }
}`,
  },
  {
    name: 'a Map keyed by the response: keys() could hand it out',
    code: `
const started = new Map<Response, number>();
export async function time(url: string) {
  const res = await fetch(url);
  started.set(res, Date.now());
  return res.ok;
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'a private field that only its status is read from',
    code: `
export class Probe {
  #last?: Response;
  async check(url: string) {
    const res = await fetch(url);
    this.#last = res;
    return res.ok;
  }
  get lastStatus() {
    return this.#last?.status;
  }
}`,
    output: `
export class Probe {
  #last?: Response;
  async check(url: string) {
    const res = await fetch(url);
    this.#last = res;
    ${pipeToSink}
    return res.ok;
  }
  get lastStatus() {
    return this.#last?.status;
  }
}`,
    errors: [{ ...leak(5, 'the function returns at line 7'), column: 23 }],
  },
  {
    name: 'a TypeScript private field assigned the request itself',
    code: `
export class Probe {
  private last?: Response;
  async check(url: string) {
    this.last = await fetch(url);
    return this.last.ok;
  }
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 5,
        column: 23,
        data: { response: 'the `fetch(url)` response', exit: 'it is stored where nothing reads it at line 5' },
      },
    ],
  },
  {
    name: 'a module Map nobody takes values out of',
    code: `
const sent = new Map<string, Response>();
export async function ping(url: string) {
  const res = await fetch(url);
  sent.set(url, res);
  if (sent.size > 100) sent.clear();
  return res.status;
}`,
    output: `
const sent = new Map<string, Response>();
export async function ping(url: string) {
  const res = await fetch(url);
  sent.set(url, res);
  if (sent.size > 100) sent.clear();
  ${pipeToSink}
  return res.status;
}`,
    errors: [leak(4, 'the function returns at line 7')],
  },
  {
    name: 'a module variable only tested and looked at',
    code: `
let latest: Response | undefined;
export const healthy = () => latest !== undefined && latest.ok;
export async function poll(url: string) {
  const res = await fetch(url);
  latest = res;
  return res.ok;
}`,
    output: `
let latest: Response | undefined;
export const healthy = () => latest !== undefined && latest.ok;
export async function poll(url: string) {
  const res = await fetch(url);
  latest = res;
  ${pipeToSink}
  return res.ok;
}`,
    errors: [leak(5, 'the function returns at line 7')],
  },
  {
    name: 'a private array of responses that is only counted',
    code: `
export class Audit {
  #seen: Response[] = [];
  async record(url: string) {
    const res = await fetch(url);
    this.#seen.push(res);
    return this.#seen.length;
  }
}`,
    output: `
export class Audit {
  #seen: Response[] = [];
  async record(url: string) {
    const res = await fetch(url);
    this.#seen.push(res);
    ${pipeToSink}
    return this.#seen.length;
  }
}`,
    errors: [{ ...leak(5, 'the function returns at line 7'), column: 23 }],
  },
];

runCases('stores', { both: { valid, invalid } });
