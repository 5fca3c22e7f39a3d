import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStage, writeTsconfig } from '../../scripts/soak/corpus.js';
import { type FileOutcome, SoakLinter } from '../../scripts/soak/soak-linter.js';
import { newTscErrors } from '../../scripts/soak/tsc-check.js';

/**
 * Every crash, fix failure or false report the soak or bench runs found, reduced to the smallest
 * file that shows it. Each case goes through the soak's own checks, with and without type
 * information: no exception, and a fixed file parses, needs no second fix, gains no report and
 * (typed) no `tsc` error. The checks do not prescribe the fix: reporting without a fix, or a
 * different safe fix, also passes. A case with `reports` also pins down what is reported.
 */
interface Regression {
  readonly name: string;
  /** Where the soak or the bench found it. */
  readonly found: string;
  readonly file: string;
  readonly code: string;
  /** Every report the plugin must make, as `line:column rule`, in both passes (`[]`: none). */
  readonly reports?: readonly string[];
}

const regressions: readonly Regression[] = [
  {
    name: 'a server helper that returns `undefined` or a built `new Response(…)` makes no network response',
    found:
      'soak, @modelcontextprotocol/sdk server/webStandardStreamableHttp.js: `this.validateSession(req)` resolved to a ' +
      'helper returning `undefined` or `this.errorResponse(…)` (a `new Response`), and `return undefined` counted as ' +
      'returning a fetched response.',
    file: 'validator-returns-undefined.ts',
    code: `
export class Transport {
  private errorResponse(status: number): Response {
    return new Response(JSON.stringify({ error: status }), { status });
  }
  private validateSession(request: Request): Response | undefined {
    if (!request.headers.get('mcp-session-id')) return this.errorResponse(400);
    return undefined;
  }
  handle(request: Request): void {
    this.validateSession(request);
  }
}
`,
    reports: [],
  },
  {
    name: 'a getter that caches a built `new Response(…)` in a field makes no network response',
    found:
      'soak, effect src/http/HttpServerResponse.ts:1545: `this.getFormDataResponse().headers` was reported as a dropped ' +
      'response, but `getFormDataResponse()` returns `this.formDataResponse ??= new Response(…)`, built in memory.',
    file: 'cached-built-response.ts',
    code: `
export class FormDataView {
  private formDataResponse?: Response;
  constructor(private readonly form: FormData) {}
  private getFormDataResponse(): Response {
    return (this.formDataResponse ??= new Response(this.form));
  }
  get contentType(): string | null {
    return this.getFormDataResponse().headers.get('content-type');
  }
}
`,
    reports: [],
  },
  {
    name: 'a return that makes the response in a comma expression gets no drain in front of it',
    found:
      'odd-syntax/expressions.ts: the fix inserted `await res.body?.pipeTo(…)` before the return that assigns `res`, ' +
      'so it ran before the response existed (tsc TS2454) and the report came back on every pass (no convergence).',
    file: 'comma-return.ts',
    code: `
export async function commas(url: string): Promise<number> {
  let res: Response;
  return (res = await fetch(url), res.status);
}
`,
  },
  {
    name: 'a body that a reader holds (`body.locked`) is not this function\'s to drain',
    found:
      'bench, anthropic core/middleware.ts:203: `if (response.bodyUsed || response.body?.locked) throw …` was reported, ' +
      'but a middleware that read the body or holds a reader on it owns it; `locked` was no guard.',
    file: 'locked-guard.ts',
    code: `
export async function checked(url: string): Promise<Response> {
  const response = await fetch(url);
  // A middleware may have read the body, or may hold a reader on it.
  if (response.bodyUsed || response.body?.locked) {
    throw new Error('middleware consumed the response body');
  }
  return response;
}
`,
    reports: [],
  },
  {
    name: 'a helper that reads clones and returns early on an empty or locked body',
    found:
      'bench, anthropic core/middleware.ts:266 (parseMiddlewareResponse): reported twice at the parameter, for the throw ' +
      'behind `body?.locked` and for the return behind `content-length: 0`, an empty body.',
    file: 'parse-clone.ts',
    code: `
export async function parseClone(response: Response, binary: boolean): Promise<unknown> {
  if (response.bodyUsed || response.body?.locked) {
    throw new Error('cannot parse a response whose body was already consumed');
  }
  if (response.status === 204) return null;
  if (binary) return response;
  if (response.headers.get('content-length') === '0') return undefined;
  return await response.clone().text();
}
`,
    reports: [],
  },
  {
    name: 'a method that keeps the response in a private field unless the stream already ended',
    found:
      'bench, anthropic lib/MessageStream.ts:276 and lib/BetaMessageStream.ts:314 (`_connected`): the field store made ' +
      'the summary "takes", so the early return was reported; the stream the caller got reads the body.',
    file: 'message-stream.ts',
    code: `
export class MessageStream {
  #response: Response | null | undefined;
  #ended = false;

  protected connected(response: Response | null): void {
    if (this.#ended) return;
    this.#response = response;
  }

  get status(): number | undefined {
    return this.#response?.status;
  }
}
`,
    reports: [],
  },
  {
    name: 'node-fetch\'s finalize(): a local function that aborts the request releases the response',
    found:
      'soak, node-fetch src/index.js:94 (typed): every `reject(…); finalize(); return;` was reported, though ' +
      'finalize() calls request_.abort(); the `return reject(…)` without it is a real leak and stays.',
    file: 'finalize.ts',
    code: `
import * as http from 'node:http';
export function get(url: string, redirect: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = http.request(url);
    const finalize = () => {
      request.abort();
    };
    request.on('response', (response) => {
      if (response.statusCode === 301 || response.statusCode === 302) {
        if (redirect === 'error') {
          reject(new Error('redirect'));
          finalize();
          return;
        }
        if (redirect !== 'follow') return reject(new TypeError(redirect));
      }
      resolve(response);
    });
    request.end();
  });
}
`,
    reports: ['5:21 drain/no-unconsumed-body'],
  },
  {
    name: 'an error status thrown with the body unread is still reported (openai)',
    found:
      'bench, openai auth/subject-token-providers.ts:99: `if (!response.ok) throw …` with the body unread; the ' +
      'timeout\'s abort is cleared in `finally`, so nothing releases it. A true report.',
    file: 'token.ts',
    code: `
export async function getToken(url: string, timeout: number): Promise<string> {
  const controller = new AbortController();
  const timeoutId = setTimeout(() => controller.abort(), timeout);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) {
      throw new Error(\`Failed to fetch token: status \${response.status}\`);
    }
    const data = (await response.json()) as { access_token?: string };
    return data.access_token ?? '';
  } finally {
    clearTimeout(timeoutId);
  }
}
`,
    reports: ['6:28 drain/no-unconsumed-body'],
  },
];

const modulesDir = path.join(__dirname, '..', '..', 'node_modules');
let stage: string;
let dir: string;

beforeAll(() => {
  stage = createStage('regressions', modulesDir);
  dir = path.join(stage, 'snippets');
  fs.mkdirSync(dir);
  // Written before the first lint: the project service reads the folder when it loads the project.
  for (const regression of regressions) fs.writeFileSync(path.join(dir, regression.file), regression.code);
  writeTsconfig(
    dir,
    regressions.map((regression) => path.join(dir, regression.file)),
  );
});

afterAll(() => {
  if (stage) fs.rmSync(stage, { recursive: true, force: true });
});

function problems(outcome: FileOutcome): string[] {
  return [
    ...(outcome.crash ? [`crash in ${outcome.crash.ruleId}: ${outcome.crash.message}\n${outcome.crash.stack}`] : []),
    ...(outcome.parseError ? [`parse error: ${outcome.parseError}`] : []),
    ...outcome.fixFailures.map((failure) => `${failure.check}: ${failure.detail}\n${failure.hunk ?? ''}`),
  ];
}

function reports(outcome: FileOutcome): string[] {
  return (outcome.findings ?? []).map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`);
}

describe('soak regressions', () => {
  it.each(regressions)('$name (untyped)', (regression) => {
    const file = path.join(dir, regression.file);
    const outcome = new SoakLinter('untyped', stage).lintFile(file, regression.code);
    expect(problems(outcome), regression.found).toEqual([]);
    if (regression.reports) expect(reports(outcome), regression.found).toEqual(regression.reports);
  });

  it.each(regressions)('$name (typed)', (regression) => {
    const file = path.join(dir, regression.file);
    const outcome = new SoakLinter('typed', stage).lintFile(file, regression.code);
    expect(problems(outcome), regression.found).toEqual([]);
    if (regression.reports) expect(reports(outcome), regression.found).toEqual(regression.reports);
    if (outcome.output !== undefined) {
      expect(newTscErrors(path.join(dir, 'tsconfig.json'), new Map([[file, outcome.output]])), regression.found).toEqual([]);
    }
  });
});
