import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * Patterns that drew false reports on real code (issue 14; docs/reliability.md has the sites), each
 * next to the neighbour that must still report. What they teach: only a network producer makes a
 * response worth reporting (a middleware's `next()`, a renderer or a built `new Response` holds no
 * socket); a helper that returns its argument gives the caller's response back; a closure takes the
 * body along where it is used; a caller that goes on reading lends the response to its helper; and
 * named constants, a destructured `body`, predicate helpers, `type`, a HEAD method held in a field
 * `never` branches and assertions all say a path has no body to read.
 */
const valid: Valid[] = [
  {
    name: 'a middleware\'s `next()` gives a response no socket stands behind: returning early without reading it costs nothing',
    code: `
export async function handle(next: () => Promise<Response>) {
  const res = await next();
  if (res.status === 404) return new Response('moved', { status: 302, headers: { location: '/' } });
  return res;
}
`,
  },
  {
    // astro's memory-provider.ts: the rewrite target may be left out, as `fetch`'s URL cannot be.
    name: 'a middleware\'s `next(rewrite?)` whose optional first parameter takes a URL is not fetch',
    code: `
type MiddlewareNext = (rewritePayload?: string | URL | Request) => Promise<Response>;
export async function onRequest(next: MiddlewareNext) {
  const fresh = await next();
  if (fresh.headers.get('cdn-cache-control')) return fresh;
  return new Response('stale');
}
`,
  },
  {
    // openstatus's health-check.test.ts: the test's own mock answers every fetch of the file.
    name: 'a test file that replaces globalThis.fetch gets back what its mock builds',
    code: `
declare function test(name: string, fn: () => Promise<void>): void;
test('follows a redirect', async () => {
  globalThis.fetch = (async () => new Response('done', { status: 200 })) as typeof fetch;
  const res = await fetch('https://example.com/mcp', { method: 'GET' });
  console.log(res.status);
});
`,
  },
  {
    // logto's connector tests: nock answers the token endpoint in memory.
    name: 'a test file that intercepts HTTP with nock',
    code: `
import nock from 'nock';
export async function token(url: string) {
  nock('https://example.com').post('/token').reply(200, { access_token: 'x' });
  const res = await fetch(url, { method: 'POST' });
  return res.ok;
}
`,
  },
  {
    name: 'a test file that answers through undici\'s MockAgent',
    code: `
import { MockAgent, setGlobalDispatcher } from 'undici';
const agent = new MockAgent();
setGlobalDispatcher(agent);
export async function check(url: string) {
  const res = await fetch(url);
  return res.ok;
}
`,
  },
  {
    // logto's hook tests: the client's method is a mock that returns a plain object.
    name: 'a test file that spies on a client module\'s export',
    code: `
import ky from 'ky';
declare const jest: { spyOn(target: object, key: string): { mockResolvedValue(value: unknown): void } };
jest.spyOn(ky, 'post').mockResolvedValue({ status: 200 });
export async function send(url: string) {
  await ky.post(url, { json: {} });
}
`,
  },
  {
    name: 'a test file that mocks a client module whole',
    code: `
import axios from 'axios';
declare const vi: { mock(module: string): void };
vi.mock('axios');
export async function load(url: string) {
  const res = await axios.get(url, { responseType: 'stream' });
  return res.status;
}
`,
  },
  {
    name: 'a test file that spies on the global fetch',
    code: `
declare const vi: { spyOn(target: object, key: string): { mockResolvedValue(value: unknown): void } };
vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));
export async function check(url: string) {
  const res = await fetch(url);
  return res.ok;
}
`,
  },
  {
    name: 'a test file that stubs the global fetch',
    code: `
declare const vi: { stubGlobal(name: string, value: unknown): void };
vi.stubGlobal('fetch', async () => new Response('{}'));
export async function check(url: string) {
  const res = await fetch(url);
  return res.ok;
}
`,
  },
  {
    // trigger.dev's seed-webhook-deliveries.ts: the process ends before the function does.
    name: '`process.exit()` ends the path: the function end after it is never reached',
    code: `
export async function main(endpoint: string, rows: string) {
  const res = await fetch(endpoint, { method: 'POST', body: rows });
  if (!res.ok) {
    console.error(await res.text());
    process.exit(1);
  }
  console.log('inserted');
  process.exit(0);
}
`,
  },
  {
    // novu's http-client.ts: the helper's answer, held in a constant, says the body is empty.
    name: 'a predicate written as `if (…) return true; return false;`, its answer held in a constant',
    code: `
function isEmpty(response: Response) {
  if (response.status === 204) {
    return true;
  }
  return false;
}
export async function post(url: string) {
  const response = await fetch(url, { method: 'POST' });
  const empty = isEmpty(response);
  if (empty) return undefined;
  return response.json();
}
`,
  },
  {
    // novu's init command: the catch the throw lands in ends the process.
    name: 'a throw caught by a `catch` that ends the process loses nothing',
    code: `
export async function init(apiUrl: string) {
  let id: string | undefined;
  try {
    const response = await fetch(apiUrl);
    if (!response.ok) throw new Error('cannot verify the key');
    id = (await response.json()).id;
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
  return id;
}
`,
  },
  {
    name: 'a renderer typed to return a response takes no URL: its response is not followed',
    code: `
interface Renderer {
  render(view: { readonly name: string }): Promise<Response>;
}
export async function page(renderer: Renderer) {
  const res = await renderer.render({ name: 'home' });
  if (res.status !== 200) return undefined;
  return res;
}
`,
  },
  {
    name: 'helpers in another file that build responses in memory, a handler type and a cache field make no network response',
    code: `
import { notFound, PageCache, sitemap } from './cross-file/server-helpers.js';
const cache = new PageCache();
export async function route(request: Request, xml: string) {
  sitemap(xml, 200);
  const missing = await notFound(request);
  if (missing.status === 404) cache.latest();
  return missing.status;
}
`,
  },
  {
    name: 'an identity helper called as a statement hands back its argument, not a second response',
    code: `
function decorate(res: Response & { startedAt?: number }): Response {
  res.startedAt = Date.now();
  return res;
}
export async function load(url: string) {
  const res = await fetch(url);
  decorate(res);
  return res.json();
}
`,
  },
  {
    name: 'a validator that returns its argument passes the fetched response on to the caller\'s name',
    code: `
async function ensureOk(res: Response): Promise<Response> {
  if (!res.ok) throw new Error(await res.text());
  return res;
}
export async function load(url: string) {
  const res = await ensureOk(await fetch(url));
  return res.json();
}
`,
  },
  {
    name: 'a hoisted async generator that reads the body takes it along where it is returned',
    code: `
export async function stream(url: string) {
  const res = await fetch(url);
  if (!res.body) return undefined;
  return lines();
  async function* lines() {
    for await (const chunk of res.body!) yield chunk;
  }
}
`,
  },
  {
    name: 'a closure made before the response exists takes it along where it is returned',
    code: `
export async function reader(url: string) {
  let res: Response | undefined;
  const read = () => res!.text();
  res = await fetch(url);
  return read;
}
`,
  },
  {
    name: 'a bodyless status through a named constant',
    code: `
const NO_CONTENT = 204;
export async function load(url: string) {
  const res = await fetch(url);
  if (res.status === NO_CONTENT) return null;
  return res.json();
}
`,
  },
  {
    name: 'bodyless statuses through enum members in switch cases',
    code: `
enum HttpStatus {
  Ok = 200,
  NoContent = 204,
  NotModified = 304,
}
export async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case HttpStatus.NoContent:
    case HttpStatus.NotModified:
      return null;
    default:
      return res.json();
  }
}
`,
  },
  {
    name: 'a destructured `body` tested for null',
    code: `
export async function load(url: string) {
  const res = await fetch(url);
  const { body } = res;
  if (!body) return null;
  return new Response(body).json();
}
`,
  },
  {
    name: 'a predicate helper that returns a null-body or 204 test',
    code: `
function hasNoBody(response: Response): boolean {
  return response.body === null || response.status === 204;
}
export async function load(url: string) {
  const res = await fetch(url);
  if (hasNoBody(res)) return null;
  return res.json();
}
`,
  },
  {
    name: 'an opaque redirect has a null body by the Fetch standard',
    code: `
export async function location(url: string) {
  const res = await fetch(url, { redirect: 'manual' });
  if (res.type === 'opaqueredirect') return null;
  return res.text();
}
`,
  },
  {
    name: 'a HEAD request through a field, on the branch that tests the field',
    code: `
export class Probe {
  constructor(private readonly method: 'GET' | 'HEAD') {}
  async check(url: string) {
    const res = await fetch(url, { method: this.method });
    if (this.method === 'HEAD') return res.headers.get('etag');
    return res.text();
  }
}
`,
  },
  {
    name: 'a HEAD request through a parameter tested in upper case',
    code: `
export async function check(url: string, method: string) {
  const res = await fetch(url, { method });
  if (method.toUpperCase() === 'HEAD') return res.ok;
  return res.json();
}
`,
  },
  {
    name: 'a request sent only where its method variable is HEAD',
    code: `
export async function check(url: string, method: string) {
  if (method === 'HEAD') {
    const res = await fetch(url, { method });
    return res.ok;
  }
  const res = await fetch(url, { method });
  return res.json();
}
`,
  },
  {
    name: 'an equality assertion on a bodyless status, as tests write them',
    code: `
import assert from 'node:assert';
export async function copy(url: string) {
  const res = await fetch(url, { method: 'COPY' });
  assert.strictEqual(res.status, 204);
}
`,
  },
  {
    name: 'an `expect(…).toBe(304)` assertion',
    code: `
declare const expect: (value: unknown) => { toBe(expected: unknown): void };
export async function copy(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(304);
}
`,
  },
  {
    name: 'a zero `content-length` read into a constant',
    code: `
export async function size(url: string) {
  const res = await fetch(url);
  const length = res.headers.get('content-length');
  if (length === '0' || res.status === 204) return {};
  return res.json();
}
`,
  },
  {
    name: 'a bodyless status read into a constant',
    code: `
export async function load(url: string) {
  const res = await fetch(url);
  const status = res.status;
  if (status === 204) return null;
  return res.json();
}
`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'a test file that mocks a module of its own, not a client, still owes its bodies',
    code: `
declare const vi: { mock(module: string): void };
vi.mock('./db.js');
export async function check(url: string) {
  const res = await fetch(url);
  return res.ok;
}
`,
    output: `
declare const vi: { mock(module: string): void };
vi.mock('./db.js');
export async function check(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 5, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 6' } }],
  },
  {
    name: 'a predicate held in a constant that answers for a status with a body still leaves it owed',
    code: `
function isAccepted(response: Response) {
  if (response.status === 202) {
    return true;
  }
  return false;
}
export async function post(url: string) {
  const response = await fetch(url, { method: 'POST' });
  const accepted = isAccepted(response);
  if (accepted) return undefined;
  return response.json();
}
`,
    output: `
function isAccepted(response: Response) {
  if (response.status === 202) {
    return true;
  }
  return false;
}
export async function post(url: string) {
  const response = await fetch(url, { method: 'POST' });
  const accepted = isAccepted(response);
  if (accepted) {
    await response.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return undefined;
  }
  return response.json();
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 9, column: 26, data: { response: "the \`fetch(url, { method: 'POST' })\` response (\`response\`)", exit: 'the function returns at line 11' } }],
  },
  {
    name: 'a `catch` that ends the process only on some paths still lets the function go on',
    code: `
export async function init(apiUrl: string, strict: boolean) {
  try {
    const response = await fetch(apiUrl);
    if (!response.ok) throw new Error('cannot verify the key');
    return (await response.json()).id;
  } catch (error) {
    if (strict) process.exit(1);
  }
  return undefined;
}
`,
    output: `
export async function init(apiUrl: string, strict: boolean) {
  try {
    const response = await fetch(apiUrl);
    if (!response.ok) {
      await response.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      throw new Error('cannot verify the key');
    }
    return (await response.json()).id;
  } catch (error) {
    if (strict) process.exit(1);
  }
  return undefined;
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 28, data: { response: 'the `fetch(apiUrl)` response (`response`)', exit: 'the function goes on after the catch at line 7, which caught the error thrown at line 5' } }],
  },
  {
    name: 'a return before `process.exit()` still leaves the function with the body unread',
    code: `
export async function main(endpoint: string, dryRun: boolean) {
  const res = await fetch(endpoint, { method: 'POST' });
  if (dryRun) return;
  await res.text();
  process.exit(0);
}
`,
    output: `
export async function main(endpoint: string, dryRun: boolean) {
  const res = await fetch(endpoint, { method: 'POST' });
  if (dryRun) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return;
  }
  await res.text();
  process.exit(0);
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response: 'the `fetch(…)` response (`res`)', exit: 'the function returns at line 4' } }],
  },
  {
    name: 'a test file that spies on something other than fetch still owes its bodies',
    code: `
declare const vi: { spyOn(target: object, key: string): void };
vi.spyOn(console, 'log');
globalThis.fetchTimeoutMs = 5000;
export async function check(url: string) {
  const res = await fetch(url);
  return res.ok;
}
`,
    output: `
declare const vi: { spyOn(target: object, key: string): void };
vi.spyOn(console, 'log');
globalThis.fetchTimeoutMs = 5000;
export async function check(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 6, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 7' } }],
  },
  {
    name: 'the response passed through an identity helper is still owed by its caller',
    code: `
function decorate(res: Response & { startedAt?: number }): Response {
  res.startedAt = Date.now();
  return res;
}
export async function load(url: string) {
  const res = await fetch(url);
  decorate(res);
  return res.status;
}
`,
    output: `
function decorate(res: Response & { startedAt?: number }): Response {
  res.startedAt = Date.now();
  return res;
}
export async function load(url: string) {
  const res = await fetch(url);
  decorate(res);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 7, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 9' } }],
  },
  {
    name: 'the response behind a validator\'s return value is reported at the call that made it',
    code: `
async function ensureOk(res: Response): Promise<Response> {
  if (!res.ok) throw new Error(await res.text());
  return res;
}
export async function probe(url: string) {
  const res = await ensureOk(await fetch(url));
  return res.headers.get('etag');
}
`,
    output: `
async function ensureOk(res: Response): Promise<Response> {
  if (!res.ok) throw new Error(await res.text());
  return res;
}
export async function probe(url: string) {
  const res = await ensureOk(await fetch(url));
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.headers.get('etag');
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 7, column: 36, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 8' } }],
  },
  {
    name: 'a hoisted function that only logs the status takes nothing along',
    code: `
export async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    log();
    return null;
  }
  return res.json();
  function log() {
    console.warn(res.status);
  }
}
`,
    output: `
export async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    log();
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
  function log() {
    console.warn(res.status);
  }
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 6' } }],
  },
  {
    name: 'a named constant that is not a bodyless status',
    code: `
const ACCEPTED = 202;
export async function load(url: string) {
  const res = await fetch(url);
  if (res.status === ACCEPTED) return null;
  return res.json();
}
`,
    output: `
const ACCEPTED = 202;
export async function load(url: string) {
  const res = await fetch(url);
  if (res.status === ACCEPTED) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' } }],
  },
  {
    name: 'an enum member that is not a bodyless status',
    code: `
enum HttpStatus {
  Ok = 200,
  Accepted = 202,
}
export async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case HttpStatus.Accepted:
      return null;
    default:
      return res.json();
  }
}
`,
    output: `
enum HttpStatus {
  Ok = 200,
  Accepted = 202,
}
export async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case HttpStatus.Accepted:
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      return null;
    default:
      return res.json();
  }
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 7, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 10' } }],
  },
  {
    name: 'a destructured `body` that exists, left unread',
    code: `
export async function load(url: string) {
  const res = await fetch(url);
  const { body } = res;
  if (body) return null;
  return res.status;
}
`,
    output: `
export async function load(url: string) {
  const res = await fetch(url);
  const { body } = res;
  if (body) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.status;
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' } }],
  },
  {
    name: 'a predicate helper whose test is not about the body',
    code: `
function isAccepted(response: Response): boolean {
  return response.status === 202;
}
export async function load(url: string) {
  const res = await fetch(url);
  if (isAccepted(res)) return null;
  return res.json();
}
`,
    output: `
function isAccepted(response: Response): boolean {
  return response.status === 202;
}
export async function load(url: string) {
  const res = await fetch(url);
  if (isAccepted(res)) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 6, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 7' } }],
  },
  {
    name: 'a CORS response has its body',
    code: `
export async function location(url: string) {
  const res = await fetch(url, { redirect: 'manual' });
  if (res.type === 'cors') return null;
  return res.text();
}
`,
    output: `
export async function location(url: string) {
  const res = await fetch(url, { redirect: 'manual' });
  if (res.type === 'cors') {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.text();
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response: 'the `fetch(…)` response (`res`)', exit: 'the function returns at line 4' } }],
  },
  {
    name: 'the same field tested for another method',
    code: `
export class Probe {
  constructor(private readonly method: 'GET' | 'HEAD') {}
  async check(url: string) {
    const res = await fetch(url, { method: this.method });
    if (this.method === 'GET') return res.headers.get('etag');
    return res.text();
  }
}
`,
    output: `
export class Probe {
  constructor(private readonly method: 'GET' | 'HEAD') {}
  async check(url: string) {
    const res = await fetch(url, { method: this.method });
    if (this.method === 'GET') {
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      return res.headers.get('etag');
    }
    return res.text();
  }
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 5, column: 23, data: { response: 'the `fetch(…)` response (`res`)', exit: 'the function returns at line 6' } }],
  },
  {
    name: 'a parameter tested for another method',
    code: `
export async function check(url: string, method: string) {
  const res = await fetch(url, { method });
  if (method.toUpperCase() === 'OPTIONS') return res.ok;
  return res.json();
}
`,
    output: `
export async function check(url: string, method: string) {
  const res = await fetch(url, { method });
  if (method.toUpperCase() === 'OPTIONS') {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return res.ok;
  }
  return res.json();
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response: 'the `fetch(url, { method })` response (`res`)', exit: 'the function returns at line 4' } }],
  },
  {
    name: 'a `default:` that a union member still reaches',
    code: `
export async function read(url: string, as: 'json' | 'text' | 'blob') {
  const res = await fetch(url);
  switch (as) {
    case 'json':
      return res.json();
    case 'text':
      return res.text();
    default:
      throw new Error(\`unknown format \${as}\`);
  }
}
`,
    output: `
export async function read(url: string, as: 'json' | 'text' | 'blob') {
  const res = await fetch(url);
  switch (as) {
    case 'json':
      return res.json();
    case 'text':
      return res.text();
    default:
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      throw new Error(\`unknown format \${as}\`);
  }
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function throws at line 10' } }],
  },
  {
    name: 'an `else` that a union member still reaches',
    code: `
type Format = { kind: 'json' } | { kind: 'text' } | { kind: 'none' };
export async function read(url: string, format: Format) {
  const res = await fetch(url);
  if (format.kind === 'json') return res.json();
  else if (format.kind === 'text') return res.text();
  else return format.kind;
}
`,
    output: `
type Format = { kind: 'json' } | { kind: 'text' } | { kind: 'none' };
export async function read(url: string, format: Format) {
  const res = await fetch(url);
  if (format.kind === 'json') return res.json();
  else if (format.kind === 'text') return res.text();
  else { await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}); return format.kind; }
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 7' } }],
  },
  {
    name: 'a request sent where its method variable is GET',
    code: `
export async function check(url: string, method: string) {
  if (method === 'GET') {
    const res = await fetch(url, { method });
    return res.ok;
  }
  return null;
}
`,
    output: `
export async function check(url: string, method: string) {
  if (method === 'GET') {
    const res = await fetch(url, { method });
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return res.ok;
  }
  return null;
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 23, data: { response: 'the `fetch(url, { method })` response (`res`)', exit: 'the function returns at line 5' } }],
  },
  {
    name: 'an assertion on a status that has a body',
    code: `
import assert from 'node:assert';
export async function copy(url: string) {
  const res = await fetch(url, { method: 'COPY' });
  assert.strictEqual(res.status, 200);
}
`,
    output: `
import assert from 'node:assert';
export async function copy(url: string) {
  const res = await fetch(url, { method: 'COPY' });
  assert.strictEqual(res.status, 200);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `fetch(url, { method: \'COPY\' })` response (`res`)', exit: 'the function ends at line 6' } }],
  },
  {
    name: 'a `content-length` constant tested for another value',
    code: `
export async function size(url: string) {
  const res = await fetch(url);
  const length = res.headers.get('content-length');
  if (length === '1') return {};
  return res.json();
}
`,
    output: `
export async function size(url: string) {
  const res = await fetch(url);
  const length = res.headers.get('content-length');
  if (length === '1') {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return {};
  }
  return res.json();
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' } }],
  },
];

/** Only the checker can tell a fetch-shaped function value, a wrapper in another file or a `never` branch. */
const typedValid: Valid[] = [
  {
    // trigger.dev's uatEnvironmentClaim.test.ts: route handlers called in-process through a typed field.
    name: 'a function value whose second parameter is a required string is not fetch-shaped',
    code: `
type RouteCase = { call: (token: string, env: string) => Promise<Response> };
export async function check(cases: RouteCase[]) {
  const response = await cases[0]!.call('token', 'prod');
  return response.status === 200;
}
`,
  },
  {
    // trigger.dev's mintlifyClient.ts: the loop returns once it has read an event; the throw after it is unreachable.
    name: 'a helper that reads in a `while (true)` loop it returns from takes the response, despite a throw after the loop',
    code: `
export async function search(url: string) {
  const response = await fetch(url, { method: 'POST', body: '{}' });
  return parseSse(response);
}
async function parseSse(response: Response): Promise<unknown> {
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no reader');
  let buffer = '';
  while (true) {
    const { value, done } = await reader.read();
    if (done) throw new Error('closed before data arrived');
    buffer += new TextDecoder().decode(value);
    if (buffer.includes('\\n\\n')) return JSON.parse(buffer.slice(5));
  }
  throw new Error('no data');
}
`,
  },
  {
    name: 'a helper whose caller reads the response after it returns `undefined` only borrows it',
    code: `
function fromCache(res: Response): Promise<unknown> | undefined {
  if (res.headers.get('x-cache') !== 'hit') return undefined;
  return res.json();
}
export async function load(url: string) {
  const res = await fetch(url);
  const cached = fromCache(res);
  if (cached) return cached;
  return res.text();
}
`,
  },
  {
    name: 'a `default:` after cases that cover the whole union never runs',
    code: `
export async function read(url: string, as: 'json' | 'text') {
  const res = await fetch(url);
  switch (as) {
    case 'json':
      return res.json();
    case 'text':
      return res.text();
    default:
      throw new Error(\`unknown format \${as}\`);
  }
}
`,
  },
  {
    name: 'an `else` in which the tested value is `never`',
    code: `
type Format = { kind: 'json' } | { kind: 'text' };
function assertNever(value: never): never {
  throw new Error(\`unexpected \${JSON.stringify(value)}\`);
}
export async function read(url: string, format: Format) {
  const res = await fetch(url);
  if (format.kind === 'json') return res.json();
  else if (format.kind === 'text') return res.text();
  else return assertNever(format);
}
`,
  },
  {
    name: 'a method that gets only in-memory responses from its callers owes nothing on its early return',
    code: `
export class MockSocket {
  destroyed = false;
  async respondWith(response: Response): Promise<void> {
    if (this.destroyed) return;
    this.push(await response.text());
  }
  push(chunk: string): void {
    console.log(chunk);
  }
}
export function mock(socket: MockSocket) {
  return socket.respondWith(new Response('hello'));
}
`,
  },
  {
    name: 'a HEAD response through the class field the request took its method from, read in another method',
    code: `
export class Builder {
  constructor(private readonly url: string, private readonly method: 'GET' | 'HEAD') {}
  async run() {
    const res = await fetch(this.url, { method: this.method });
    return this.process(res);
  }
  private async process(res: Response) {
    if (res.ok) {
      if (this.method !== 'HEAD') return res.json();
      return null;
    }
    return res.text();
  }
}
`,
  },
  {
    name: 'a helper whose `let` holds an error handler\'s result or a built page is no wrapper',
    code: `
interface ErrorHandler {
  (error: unknown): void | Response | Promise<void | Response>;
}
async function errorPage(onError: ErrorHandler, error: unknown): Promise<Response> {
  let response = await onError(error);
  if (response != null) return response;
  return new Response('Bad Request', { status: 400 });
}
export async function sendError(onError: ErrorHandler, error: unknown, closed: () => boolean, send: (r: Response) => Promise<void>) {
  let response = await errorPage(onError, error);
  if (closed()) return;
  await send(response);
}
`,
  },
  {
    name: 'a helper that returns its argument or a rebuilt copy makes no second network response',
    code: `
function reconcile(response: Response, status?: number): Response {
  return status === undefined || status === response.status ? response : new Response(response.body, { status });
}
export async function run(url: string, status: number | undefined, adopt: (r: Response) => void) {
  const response = await fetch(url);
  const reconciled = reconcile(response, status);
  if (reconciled !== response) adopt(reconciled);
  return response;
}
`,
  },
  {
    name: 'a `finally` that rebuilds an in-memory response makes none, on exits where it is unassigned too',
    code: `
function finalize(response: Response, copy: boolean): Response {
  return copy ? new Response(response.body, response) : response;
}
export async function handle(request: Request, copy: boolean, render: () => Promise<{ response: Response }>) {
  let response: Response | undefined;
  try {
    if (request.method === 'TRACE') return finalize(Response.redirect('http://127.0.0.1/', 308), copy);
    response = (await render()).response;
  } finally {
    if (response) response = finalize(response, copy);
  }
  return response;
}
`,
  },
  {
    name: 'a property destructured from an unknown call\'s result is no network response',
    code: `
declare function lookup(request: Request): Promise<{ response?: Response } | undefined>;
async function handleRequest(request: Request): Promise<Response | undefined> {
  const result = await lookup(request);
  if (!result) return undefined;
  const { response } = result;
  return response ?? undefined;
}
export async function check() {
  await handleRequest(new Request('http://localhost/user'));
}
`,
  },
];

const typedInvalid: Invalid[] = [
  {
    // fastify's hooks.test.js, a CommonJS script (\`const { fetch } = require('undici')\`): a script's
    // top-level binding sits in the global scope, but it is the file's own.
    name: 'a script that binds its own fetch at the top level has not replaced the global',
    code: `
const { fetch } = globalThis;
async function check(url: string) {
  const res = await fetch(url);
  return res.ok;
}
`,
    languageOptions: { sourceType: 'script' },
    output: `
const { fetch } = globalThis;
async function check(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' } }],
  },
  {
    name: 'a function type whose first parameter is a required URL is fetch-shaped, whatever else it takes',
    code: `
type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;
export async function probe(fetchLike: FetchLike, url: string) {
  const res = await fetchLike(url);
  return res.ok;
}
`,
    output: `
type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;
export async function probe(fetchLike: FetchLike, url: string) {
  const res = await fetchLike(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `fetchLike(url)` response (`res`)', exit: 'the function returns at line 5' } }],
  },
  {
    name: 'a fetch-shaped function value (`fetchFn: typeof fetch`) still makes network responses',
    code: `
export async function probe(fetchFn: typeof fetch, url: string) {
  const res = await fetchFn(url);
  if (!res.ok) return null;
  return res.json();
}
`,
    output: `
export async function probe(fetchFn: typeof fetch, url: string) {
  const res = await fetchFn(url);
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response: 'the `fetchFn(url)` response (`res`)', exit: 'the function returns at line 4' } }],
  },
  {
    name: 'an injected `FetchLike` that takes a URL first is followed like `fetch`',
    code: `
type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;
export async function probe(fetchLike: FetchLike, url: string) {
  const res = await fetchLike(url);
  if (!res.ok) return null;
  return res.json();
}
`,
    output: `
type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;
export async function probe(fetchLike: FetchLike, url: string) {
  const res = await fetchLike(url);
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `fetchLike(url)` response (`res`)', exit: 'the function returns at line 5' } }],
  },
  {
    name: 'a wrapper in another file whose `let` holds `fetch` results is a producer',
    code: `
import { proxy } from './cross-file/server-helpers.js';
export async function forward(upstream: string) {
  const res = await proxy(upstream);
  return res.status;
}
`,
    output: `
import { proxy } from './cross-file/server-helpers.js';
export async function forward(upstream: string) {
  const res = await proxy(upstream);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21, data: { response: 'the `proxy(upstream)` response (`res`)', exit: 'the function returns at line 5' } }],
  },
  {
    name: 'the same helper, when no caller reads the response after the call, owns it on its `undefined` path',
    code: `
function fromCache(res: Response): Promise<unknown> | undefined {
  if (res.headers.get('x-cache') !== 'hit') return undefined;
  return res.json();
}
export async function load(url: string) {
  const res = await fetch(url);
  return fromCache(res) ?? null;
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 2, column: 20, data: { response: 'the fetch response `res`', exit: 'the function returns at line 3' }, suggestions: [{ messageId: 'insertDrain', data: { target: '`res`', lines: 'line 3', how: ' (reads for up to 1 s)' }, output: `
function fromCache(res: Response): Promise<unknown> | undefined {
  if (res.headers.get('x-cache') !== 'hit') {
    void res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return undefined;
  }
  return res.json();
}
export async function load(url: string) {
  const res = await fetch(url);
  return fromCache(res) ?? null;
}
` }] }],
  },
  {
    name: 'the same method fed by `fetch(url).then(…)` owns a network response',
    code: `
export class EventSource {
  destroyed = false;
  connect(url: string): Promise<void> {
    return fetch(url).then((response) => this.process(response));
  }
  private async process(response: Response): Promise<void> {
    if (this.destroyed) return;
    console.log(await response.text());
  }
}
`,
    output: `
export class EventSource {
  destroyed = false;
  connect(url: string): Promise<void> {
    return fetch(url).then((response) => this.process(response));
  }
  private async process(response: Response): Promise<void> {
    if (this.destroyed) {
      await response.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      return;
    }
    console.log(await response.text());
  }
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 7, column: 25, data: { response: 'the fetch response `response`', exit: 'the function returns at line 8' } }],
  },
];

const untypedInvalid: Invalid[] = [
  {
    name: 'without types, a `default:` that the types make unreachable is still a way out',
    code: `
export async function read(url: string, as: 'json' | 'text') {
  const res = await fetch(url);
  switch (as) {
    case 'json':
      return res.json();
    case 'text':
      return res.text();
    default:
      throw new Error(\`unknown format \${as}\`);
  }
}
`,
    output: `
export async function read(url: string, as: 'json' | 'text') {
  const res = await fetch(url);
  switch (as) {
    case 'json':
      return res.json();
    case 'text':
      return res.text();
    default:
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      throw new Error(\`unknown format \${as}\`);
  }
}
`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function throws at line 10' } }],
  },
];

runCases('patterns from real code', {
  both: { valid, invalid },
  typedOnly: { valid: typedValid, invalid: typedInvalid },
  untypedOnly: { valid: [], invalid: untypedInvalid },
});
