import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeTsconfig } from './corpus.js';
import type { PassKind } from './soak-linter.js';
import type { ExpectedLeaks } from './verdicts.js';

/**
 * Valid but unusual syntax, each construct wrapped around `fetch`, undici or `node:http` calls, some
 * of which leave the body unread so the rules report and fix inside the construct. Real packages
 * rarely combine these; a crash here would still stop someone's CI.
 */
export function oddSyntaxFiles(options: OddSyntaxOptions = {}): Record<string, string> {
  return {
    'decorators.ts': DECORATORS,
    'using-declarations.ts': USING,
    'labeled-loops.ts': LABELED_LOOPS,
    'labeled-loops-plain.js': stripTypes(LABELED_LOOPS),
    'generators.ts': GENERATORS,
    'generators-plain.mjs': stripTypes(GENERATORS),
    'switch-fallthrough.ts': SWITCH,
    'switch-fallthrough-plain.cjs': toCommonJs(stripTypes(SWITCH)),
    'optional-chains.ts': OPTIONAL_CHAINS,
    'optional-chains-plain.js': OPTIONAL_CHAINS_JS,
    'nested-callbacks.ts': nestedCallbacks(120),
    'nested-callbacks-plain.cjs': toCommonJs(stripTypes(nestedCallbacks(60))),
    'jsx-components.tsx': JSX_TSX,
    'jsx-list.jsx': JSX_JSX,
    'class-features.ts': CLASS_FEATURES,
    'module-level.mts': MODULE_LEVEL,
    'expressions.ts': EXPRESSIONS,
    'undici-request.ts': UNDICI_REQUEST,
    'long-file.ts': longFile(options.longFileLines ?? 20_000),
  };
}

/** Options of {@link oddSyntaxFiles}. */
export interface OddSyntaxOptions {
  /** Length of `long-file.ts`; 20,000 lines unless a quicker run asks for fewer. */
  readonly longFileLines?: number;
}

/** The odd-syntax set's label in the soak's tables and its package name in `verdicts.tsv`. */
export const ODD_SYNTAX_LABEL = 'odd-syntax (generated)';

/**
 * Ends each line where the set leaks (or closes unread) on purpose, the line a report lands on:
 * the soak's verdicts cover a generated file with one grouped row when its reports are exactly
 * these lines.
 */
export const DELIBERATE_LEAK = '// deliberate leak';

/** The marked lines of each odd-syntax file written into `dir`, per pass. */
export function oddSyntaxLeaks(dir: string, pass: PassKind): ExpectedLeaks[] {
  const names = new Set(Object.keys(oddSyntaxFiles({ longFileLines: 0 })));
  return fs.readdirSync(dir).filter((name) => names.has(name)).map((name) => {
    const lines = new Set<number>();
    fs.readFileSync(path.join(dir, name), 'utf8').split('\n').forEach((text, index) => {
      const marker = text.trimEnd();
      // `(typed)`: only type information shows the leak (a private method that returns `fetch`'s value).
      if (marker.endsWith(DELIBERATE_LEAK) || (pass === 'typed' && marker.endsWith(`${DELIBERATE_LEAK} (typed)`))) lines.add(index + 1);
    });
    return { package: ODD_SYNTAX_LABEL, file: name, lines };
  });
}

/** Writes the odd-syntax files and a tsconfig for them into `dir`; returns their paths. */
export function writeOddSyntax(dir: string, options: OddSyntaxOptions = {}): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files = Object.entries(oddSyntaxFiles(options)).map(([name, text]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  });
  files.sort();
  writeTsconfig(dir, files);
  return files;
}

// Type annotations in these templates are all `: string`, `: number`, `: Response` or `: unknown`,
// so the JavaScript twins can drop them with a pattern instead of a compiler.
function stripTypes(text: string): string {
  return text
    .replace(/^import type .*\n/gm, '')
    .replace(/\): (?:void|Promise<[\w<>| ]+>) \{/g, ') {')
    .replace(/: (?:string|number|Response|unknown|boolean|http\.IncomingMessage)(\[\])?(?=[,)=;\n])/g, '')
    .replace(/ as (?:string|number|Response|unknown)\b/g, '');
}

function toCommonJs(text: string): string {
  return text
    .replace(/^import \* as (\w+) from '([\w:]+)';$/gm, "const $1 = require('$2');")
    .replace(/^import \{ ([\w, ]+) \} from '([\w:]+)';$/gm, "const { $1 } = require('$2');")
    .replace(/^export (async function|function|const) /gm, '$1 ');
}

const DECORATORS = `
import { request } from 'undici';

function logged<This, Args extends unknown[], Result>(
  target: (this: This, ...args: Args) => Result,
  context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => Result>,
) {
  return function (this: This, ...args: Args): Result {
    console.log(\`call \${String(context.name)}\`);
    return target.call(this, ...args);
  };
}

function bound(_value: unknown, context: ClassFieldDecoratorContext) {
  return (initial: unknown) => initial;
}

function tracked<This, Value>(target: ClassAccessorDecoratorTarget<This, Value>, _context: ClassAccessorDecoratorContext<This, Value>) {
  return target;
}

@((cls: new (...args: any[]) => object) => cls)
export class Api {
  @bound base = 'http://127.0.0.1:3000';
  @tracked accessor calls = 0;

  @logged
  async status(path: string): Promise<number> {
    this.calls++;
    const res = await fetch(this.base + path); // deliberate leak
    if (!res.ok) throw new Error(String(res.status));
    return res.status;
  }

  @logged
  async json(path: string): Promise<unknown> {
    const res = await fetch(this.base + path); // deliberate leak
    if (res.status === 404) return null;
    return res.json();
  }

  @logged
  static async ping(url: string): Promise<boolean> {
    const { statusCode, body } = await request(url); // deliberate leak
    if (statusCode !== 200) return false;
    await body.text();
    return true;
  }
}
`;

const USING = `
class Lease implements Disposable {
  constructor(readonly name: string) {}
  [Symbol.dispose]() {}
}

class AsyncLease implements AsyncDisposable {
  async [Symbol.asyncDispose]() {}
}

export async function withUsing(url: string): Promise<string> {
  using lease = new Lease(url);
  const res = await fetch(url); // deliberate leak
  if (!res.ok) {
    return lease.name;
  }
  return res.text();
}

export async function withAwaitUsing(url: string): Promise<number> {
  await using lease = new AsyncLease();
  void lease;
  const res = await fetch(url); // deliberate leak
  if (res.status >= 500) throw new Error('server');
  const data = await res.arrayBuffer();
  return data.byteLength;
}

export async function disposableResponse(url: string): Promise<unknown> {
  const res = await fetch(url);
  await using _guard = {
    async [Symbol.asyncDispose]() {
      if (!res.bodyUsed) await res.body?.cancel();
    },
  };
  return res.json();
}

export async function usingInLoop(urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    using lease = new Lease(url);
    const res = await fetch(url); // deliberate leak
    if (!res.ok) continue;
    total += (await res.text()).length + lease.name.length;
  }
  return total;
}
`;

const LABELED_LOOPS = `
export async function firstHealthy(hosts: string[], paths: string[]): Promise<string | undefined> {
  outer: for (const host of hosts) {
    inner: for (const path of paths) {
      const res = await fetch(host + path); // deliberate leak
      if (res.status === 503) continue outer;
      if (res.status === 404) continue inner;
      if (!res.ok) break outer;
      await res.text();
      return host;
    }
  }
  return undefined;
}

export async function retry(url: string): Promise<unknown> {
  let attempt = 0;
  attempts: while (true) {
    attempt++;
    const res = await fetch(url); // deliberate leak
    switch (res.status) {
      case 429:
        if (attempt < 3) continue attempts;
        break attempts;
      case 200:
        return res.json();
      default:
        await res.body?.cancel();
        break attempts;
    }
  }
  return null;
}

export async function labeledBlock(url: string): Promise<number> {
  const res = await fetch(url);
  check: {
    if (res.status === 204) break check;
    await res.text();
  }
  return res.status;
}

export async function doWhile(url: string): Promise<void> {
  let count = 0;
  loop: do {
    const res = await fetch(url + count); // deliberate leak
    count++;
    if (res.status === 500) continue loop;
    await res.arrayBuffer();
  } while (count < 3);
}
`;

const GENERATORS = `
export function* urls(base: string) {
  for (let i = 0; i < 3; i++) yield base + i;
}

export async function* pages(base: string) {
  for (const url of urls(base)) {
    const res = await fetch(url); // deliberate leak
    if (!res.ok) return;
    yield await res.json();
  }
}

export async function* rawResponses(base: string) {
  for (const url of urls(base)) {
    yield await fetch(url);
  }
}

export async function* delegate(base: string) {
  yield* pages(base);
  const res = await fetch(base); // deliberate leak
  if (res.status !== 200) throw new Error('bad');
  yield res.text();
}

export async function* statuses(list: string[]) {
  for (const url of list) {
    const res = await fetch(url); // deliberate leak
    yield res.status;
  }
}

export function* syncWithPromise(url: string) {
  const pending = fetch(url).then((res) => res.text());
  yield pending;
}

export async function consume(base: string): Promise<number> {
  let n = 0;
  for await (const page of pages(base)) {
    if (page) n++;
  }
  for await (const res of rawResponses(base)) {
    await res.text();
  }
  return n;
}
`;

const SWITCH = `
import * as http from 'node:http';

export async function handle(url: string): Promise<string> {
  const res = await fetch(url); // deliberate leak
  switch (res.status) {
    case 200:
    case 201:
      return res.text();
    case 204:
      return '';
    case 301:
    case 302:
      // falls through
    case 307: {
      const location = res.headers.get('location');
      return location ?? '';
    }
    case 500:
      console.error('server error');
    // falls through
    default:
      throw new Error(String(res.status));
  }
}

export function viaHttp(url: string): void {
  http.get(url, (res) => {
    switch (res.statusCode) {
      case 200:
        res.setEncoding('utf8');
        res.on('data', () => {});
        break;
      case 404:
      case 410:
        res.resume();
        break;
      default:
        res.resume();
    }
  });
}

export async function nestedSwitch(url: string, mode: number): Promise<unknown> {
  const res = await fetch(url); // deliberate leak
  switch (mode) {
    case 1:
      switch (res.headers.get('content-type')) {
        case 'application/json':
          return res.json();
        default:
          break;
      }
    case 2:
      return res.text();
    default:
      return res.status;
  }
}
`;

const OPTIONAL_CHAINS = `
interface Client {
  fetch?: typeof fetch;
}

export async function maybeClient(client: Client | undefined, url: string): Promise<unknown> {
  const res = await client?.fetch?.(url);
  if (!res?.ok) return undefined;
  return res?.json?.();
}

export async function cancelOptional(url: string): Promise<number> {
  const res = await fetch(url);
  if (res.status !== 200) {
    await res.body?.cancel?.();
    return res.status;
  }
  return (await res?.text())?.length ?? 0;
}

export async function chained(url: string): Promise<unknown> {
  return (await fetch(url))?.json?.();
}

export async function headersOnly(url: string): Promise<string | null | undefined> {
  const res = await globalThis.fetch?.(url); // deliberate leak
  return res?.headers?.get?.('etag');
}

export async function nonNull(url: string): Promise<string> {
  const res = await fetch(url);
  const text = await res!.text();
  return text!;
}
`;

const OPTIONAL_CHAINS_JS = `
export async function maybeClient(client, url) {
  const res = await client?.fetch?.(url);
  if (!res?.ok) return undefined;
  return res?.json?.();
}

export async function cancelOptional(url) {
  const res = await fetch(url);
  if (res.status !== 200) {
    await res.body?.cancel?.();
    return res.status;
  }
  return (await res?.text())?.length ?? 0;
}

export async function chained(url) {
  return (await fetch(url))?.json?.();
}

export async function headersOnly(url) {
  const res = await globalThis.fetch?.(url); // deliberate leak
  return res?.headers?.get?.('etag');
}
`;

function nestedCallbacks(depth: number): string {
  let open = '';
  let close = '';
  for (let level = 0; level < depth; level++) {
    const pad = ' '.repeat(2 + level * 2);
    if (level % 3 === 0) {
      open += `${pad}http.get(url + '/${level}', (res${level}: http.IncomingMessage) => {\n${pad}  res${level}.resume();\n`;
      close = `${pad}});\n${close}`;
    } else if (level % 3 === 1) {
      open += `${pad}setTimeout(() => {\n`;
      close = `${pad}}, 0);\n${close}`;
    } else {
      open += `${pad}void fetch(url + '/${level}').then(async (r${level}: Response) => { ${DELIBERATE_LEAK}\n${pad}  if (!r${level}.ok) return;\n${pad}  await r${level}.text();\n`;
      close = `${pad}});\n${close}`;
    }
  }
  const innermost = `${' '.repeat(2 + depth * 2)}fetch(url).then((last: Response) => last.status); ${DELIBERATE_LEAK}\n`;
  return `import * as http from 'node:http';\n\nexport function deep(url: string): void {\n${open}${innermost}${close}}\n`;
}

const JSX_TSX = `
declare global {
  namespace JSX {
    interface IntrinsicElements {
      [name: string]: unknown;
    }
  }
}

function useEffect(effect: () => void, _deps: unknown[]): void {
  effect();
}

export function Avatar({ url }: { url: string }) {
  useEffect(() => {
    void (async () => {
      const res = await fetch(url); // deliberate leak
      if (!res.ok) return;
      await res.blob();
    })();
  }, [url]);
  return <img src={url} alt="" />;
}

export function Button({ endpoint }: { endpoint: string }) {
  const onClick = async () => {
    const res = await fetch(endpoint, { method: 'POST' }); // deliberate leak
    if (res.status === 409) throw new Error('conflict');
    await res.json();
  };
  return (
    <button type="button" onClick={() => void onClick()}>
      {endpoint.length > 3 ? <span>{endpoint}</span> : <>{'short'}</>}
    </button>
  );
}
`;

const JSX_JSX = `
export function List({ url }) {
  const load = async () => {
    const res = await fetch(url); // deliberate leak
    if (!res.ok) return [];
    return res.json();
  };
  return (
    <ul onClick={() => load()}>
      {[1, 2, 3].map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
`;

const CLASS_FEATURES = `
import { fetch as undiciFetch } from 'undici';

abstract class Base {
  protected abstract load(url: string): Promise<unknown>;
}

export class Repo extends Base {
  static #instances = 0;
  static {
    Repo.#instances = 0;
  }
  #base: string;

  constructor(base: string) {
    super();
    this.#base = base;
    Repo.#instances++;
  }

  get url(): string {
    return this.#base;
  }

  override async load(path: string): Promise<unknown> {
    const res = await this.#get(path); // deliberate leak (typed)
    if (!res.ok) throw new Error(res.statusText);
    return res.json();
  }

  async #get(path: string) {
    return undiciFetch(this.#base + path);
  }

  async exists(path: string): Promise<boolean> {
    const res = await undiciFetch(this.#base + path, { method: 'GET' }); // deliberate leak
    return res.ok;
  }

  overload(a: string): Promise<number>;
  overload(a: number): Promise<number>;
  async overload(a: string | number): Promise<number> {
    const res = await fetch(String(a)); // deliberate leak
    if (res.status > 399) return -1;
    return (await res.text()).length;
  }
}

export namespace Helpers {
  export async function head(url: string): Promise<number> {
    const res = await fetch(url, { method: 'HEAD' });
    return res.status;
  }
}

export enum Kind {
  Json = 'json',
  Text = 'text',
}

export async function byKind(url: string, kind: Kind): Promise<unknown> {
  const res = await fetch(url);
  return kind === Kind.Json ? res.json() : res.text();
}
`;

const MODULE_LEVEL = `
import * as http from 'node:http';

const config = await fetch('http://127.0.0.1:9/config.json'); // deliberate leak
if (!config.ok) {
  throw new Error('no config');
}
export const settings = (await config.json()) as Record<string, unknown>;

const probe = await fetch('http://127.0.0.1:9/probe'); // deliberate leak
export const alive = probe.status === 200;

http.get('http://127.0.0.1:9/', (res) => { // deliberate leak
  if (res.statusCode !== 200) return;
  res.pipe(process.stdout);
});

export default async function (url: string): Promise<string> {
  const res = await fetch(url); // deliberate leak
  return res.ok ? res.text() : '';
}
`;

const EXPRESSIONS = `
export async function commas(url: string): Promise<number> {
  let res: Response;
  return (res = await fetch(url), res.status); // deliberate leak
}

export async function computed(url: string, method: 'json' | 'text'): Promise<unknown> {
  const res = await fetch(url);
  return res[method]();
}

export async function destructured(url: string): Promise<number> {
  const { status, ok } = await fetch(url); // deliberate leak
  return ok ? status : -status;
}

export async function all(urls: string[]): Promise<unknown[]> {
  const responses = await Promise.all(urls.map((u) => fetch(u)));
  return Promise.all(responses.map((r) => r.json()));
}

export async function race(a: string, b: string): Promise<string> {
  const winner = await Promise.race([fetch(a), fetch(b)]);
  return winner.text();
}

export function thenChain(url: string): Promise<number> {
  return fetch(url) // deliberate leak
    .then((res) => {
      if (!res.ok) throw new Error('x');
      return res;
    })
    .then((res) => res.arrayBuffer())
    .then((buf) => buf.byteLength)
    .catch(() => 0)
    .finally(() => undefined);
}

export async function ternaries(url: string, flag: boolean): Promise<unknown> {
  const res = flag ? await fetch(url) : await fetch(url + '?alt');
  return flag ? res.json() : res.status > 200 ? res.text() : null;
}

export async function tagged(url: string): Promise<string> {
  const tag = (s: TemplateStringsArray, ...v: unknown[]) => s.raw.join(String(v[0]));
  const res = await fetch(tag\`\${url}/path\`);
  return tag\`\${await res.text()}\`;
}

export async function satisfiesAndAs(url: string): Promise<unknown> {
  const res = (await fetch(url)) satisfies Response as Response;
  const init = { method: 'GET' } as const satisfies RequestInit;
  void init;
  return res.json();
}

export const arrow = async (url: string): Promise<unknown> => (await fetch(url)).json();

export async function iife(url: string): Promise<number> {
  return (async () => {
    const res = await fetch(url); // deliberate leak
    if (res.redirected) return 0;
    return (await res.text()).length;
  })();
}

export async function newTarget(url: string): Promise<void> {
  function Ctor(this: unknown) {
    if (!new.target) return;
  }
  void Ctor;
  const res = await fetch(url);
  void res.body?.cancel(); // deliberate leak
}

export async function importMeta(): Promise<unknown> {
  const res = await fetch(new URL('./data.json', import.meta.url));
  return res.json();
}
`;

const UNDICI_REQUEST = `
import { request, stream, Agent } from 'undici';
import { Writable } from 'node:stream';

const agent = new Agent({ connections: 2 });

export async function statusOnly(url: string): Promise<number> {
  const { statusCode, body } = await request(url, { dispatcher: agent });
  if (statusCode >= 400) {
    await body.dump();
    return statusCode;
  }
  return (await body.json()) as number;
}

export async function leaky(url: string): Promise<number> {
  const { statusCode, body } = await request(url); // deliberate leak
  if (statusCode === 404) return 404;
  await body.text();
  return statusCode;
}

export async function whole(url: string): Promise<unknown> {
  const response = await request(url);
  switch (response.statusCode) {
    case 200:
      return response.body.json();
    default:
      response.body.destroy(); // deliberate leak
      return null;
  }
}

export async function streamed(url: string): Promise<void> {
  await stream(url, { opaque: null }, () => new Writable({ write: (_c, _e, cb) => cb() }));
}
`;

function longFile(lines: number): string {
  const header = `import * as http from 'node:http';\n\n`;
  const blocks: string[] = [];
  let count = header.split('\n').length - 1;
  for (let index = 0; count < lines; index++) {
    const block = longBlock(index);
    blocks.push(block);
    count += block.split('\n').length - 1;
  }
  return header + blocks.join('');
}

function longBlock(index: number): string {
  switch (index % 4) {
    case 0:
      return `export async function load${index}(url: string): Promise<unknown> {
  const res = await fetch(url + '/${index}'); ${DELIBERATE_LEAK}
  if (!res.ok) {
    throw new Error('status ' + res.status);
  }
  return res.json();
}

`;
    case 1:
      return `export async function read${index}(url: string): Promise<string> {
  const res = await fetch(url, { headers: { 'x-index': '${index}' } });
  const text = await res.text();
  return text.trim();
}

`;
    case 2:
      return `export function get${index}(url: string, done: (code: number) => void): void {
  http.get(url, (res) => {
    res.resume();
    res.on('end', () => done(res.statusCode ?? 0));
  });
}

`;
    default:
      return `export async function poll${index}(url: string): Promise<number> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url); ${DELIBERATE_LEAK}
    if (res.status === 503) {
      continue;
    }
    return (await res.arrayBuffer()).byteLength;
  }
  return -1;
}

`;
  }
}
