import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * The verdict is per path: a read on one branch does not cover another. Each case names the exit
 * (return, throw, continue, break, end of an iteration) through which the body leaves unread.
 */
const valid: Valid[] = [
  {
    name: 'retry loop cancels the body before retrying',
    code: `
async function fetchWithRetry(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status === 503) {
      await res.body?.cancel();
      continue;
    }
    return res.json();
  }
  throw new Error('unavailable');
}`,
  },
  {
    name: 'while loop reads every response it polls',
    code: `
declare function sleep(ms: number): Promise<void>;
async function waitUntilDone(url: string) {
  while (true) {
    const res = await fetch(url);
    const job = await res.json();
    if (job.done) return job;
    await sleep(1000);
  }
}`,
  },
  {
    name: 'for…of reads every response',
    code: `
async function loadAll(urls: string[]) {
  const results: unknown[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    results.push(await res.json());
  }
  return results;
}`,
  },
  {
    name: 'switch on status reads or releases in every case',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      return res.json();
    case 204:
      return null;
    default:
      throw new Error(await res.text());
  }
}`,
  },
  {
    name: 'switch whose cases fall through to a read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
    case 201:
      return res.json();
    default:
      await res.body?.cancel();
      return null;
  }
}`,
  },
  {
    name: 'try/finally reads in the try block',
    code: `
declare function stop(): void;
async function load(url: string) {
  const res = await fetch(url);
  try {
    return await res.json();
  } finally {
    stop();
  }
}`,
  },
  {
    name: 'cancel in finally releases the body on every path',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  try {
    if (!res.ok) throw new Error(res.statusText);
    if (res.status === 202) return null;
    return await res.json();
  } finally {
    await res.body?.cancel();
  }
}`,
  },
  {
    name: 'try/catch around fetch and read',
    code: `
async function load(url: string) {
  try {
    const res = await fetch(url);
    return await res.json();
  } catch {
    return null;
  }
}`,
  },
  {
    name: 'a catch entered only through a callee exception is out of scope',
    code: `
declare function validate(headers: Headers): void;
async function load(url: string) {
  const res = await fetch(url);
  try {
    validate(res.headers);
  } catch {
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'an explicit throw in try whose catch reads the body',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  try {
    if (!res.ok) throw new Error('bad status');
    return await res.json();
  } catch (error) {
    return { error, detail: await res.text() };
  }
}`,
  },
  {
    name: 'labeled loop cancels before continuing the outer loop',
    code: `
async function firstOk(groups: string[][]) {
  outer: for (const group of groups) {
    for (const url of group) {
      const res = await fetch(url);
      if (res.status === 429) {
        await res.body?.cancel();
        continue outer;
      }
      return res.json();
    }
  }
  return undefined;
}`,
  },
  {
    name: 'nested function reads its own response',
    code: `
export function makeClient(base: string) {
  async function get(path: string) {
    const res = await fetch(base + path);
    if (!res.ok) throw new Error(await res.text());
    return res.json();
  }
  return { get };
}`,
  },
  {
    name: 'a local closure that reads the body is called',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const read = () => res.json();
  return read();
}`,
  },
  {
    name: 'async callbacks of Promise.all read their own responses',
    code: `
function loadAll(urls: string[]) {
  return Promise.all(
    urls.map(async (url) => {
      const res = await fetch(url);
      return res.json();
    }),
  );
}`,
  },
  {
    name: 'the read happens after a guard that does not leave',
    code: `
declare function warn(message: string): void;
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) warn(\`status \${res.status}\`);
  return res.text();
}`,
  },
  {
    name: 'a loop iteration cancels in finally after a continue',
    code: `
async function loadAll(urls: string[]) {
  const out: unknown[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    try {
      if (!res.ok) continue;
      out.push(await res.json());
    } finally {
      await res.body?.cancel();
    }
  }
  return out;
}`,
  },
  {
    name: 'the error branch cancels and returns, the rest reads',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.cancel();
    return;
  }
  const data = await res.json();
  return data;
}`,
  },
  {
    name: 'the ok branch reads, the fall-through cancels',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.ok) {
    const data = await res.json();
    return data;
  }
  await res.body?.cancel();
  return null;
}`,
  },
  {
    name: 'the error branch logs the body text',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    console.error(res.status, await res.text());
    return;
  }
  return res.json();
}`,
  },
  {
    name: 'aborting the request releases the response',
    code: `
async function load(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  if (!res.ok) {
    controller.abort();
    return null;
  }
  return res.json();
}`,
  },
  {
    name: 'the same ok test twice: cancel, then throw',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) await res.body?.cancel();
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}`,
  },
  {
    name: 'the same ok test twice: read when ok, cancel when not',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const data = res.ok ? await res.json() : undefined;
  if (!res.ok) await res.body?.cancel();
  return data;
}`,
  },
  {
    name: 'cancel in finally unless the body was used',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  try {
    if (res.status === 404) return null;
    return await res.json();
  } finally {
    if (!res.bodyUsed) await res.body?.cancel();
  }
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'the error branch throws before reading the body',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error(String(res.status));
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function throws at line 4' },
      },
    ],
  },
  {
    name: 'the error branch throws from a block',
    code: `
class HttpError extends Error {
  constructor(readonly status: number) {
    super(\`HTTP \${status}\`);
  }
}
async function load(url: string) {
  const res = await fetch(url);
  if (res.status >= 400) {
    throw new HttpError(res.status);
  }
  return res.json();
}`,
    output: `
class HttpError extends Error {
  constructor(readonly status: number) {
    super(\`HTTP \${status}\`);
  }
}
async function load(url: string) {
  const res = await fetch(url);
  if (res.status >= 400) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new HttpError(res.status);
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 8,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function throws at line 10' },
      },
    ],
  },
  {
    name: 'early return on a 404',
    code: `
async function find(url: string) {
  const res = await fetch(url);
  if (res.status === 404) return null;
  return res.json();
}`,
    output: `
async function find(url: string) {
  const res = await fetch(url);
  if (res.status === 404) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.json();
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
    name: 'retry loop continues without reading the failed response',
    code: `
async function fetchWithRetry(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status === 503) continue;
    return res.json();
  }
  throw new Error('unavailable');
}`,
    output: `
async function fetchWithRetry(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await fetch(url);
    if (res.status === 503) {
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      continue;
    }
    return res.json();
  }
  throw new Error('unavailable');
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 23,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the loop continues at line 5' },
      },
    ],
  },
  {
    name: 'retry loop with a let outside the loop overwrites the failed response',
    code: `
async function fetchWithRetry(url: string) {
  let res = await fetch(url);
  for (let attempt = 1; attempt < 3 && res.status === 503; attempt++) {
    res = await fetch(url);
  }
  return res.json();
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 19,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the variable holding it is overwritten at line 5' },
      },
      {
        messageId: 'unconsumedBody',
        line: 5,
        column: 17,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the variable holding it is overwritten at line 5' },
      },
    ],
  },
  {
    name: 'for…of collects statuses and leaves every body unread',
    code: `
async function statuses(urls: string[]) {
  const result: number[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    result.push(res.status);
  }
  return result;
}`,
    output: `
async function statuses(urls: string[]) {
  const result: number[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    result.push(res.status);
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  }
  return result;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 5,
        column: 23,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the loop iteration ends at line 7' },
      },
    ],
  },
  {
    name: 'break out of a polling loop leaves the last body unread',
    code: `
async function waitForReady(url: string) {
  while (true) {
    const res = await fetch(url);
    if (res.ok) break;
    await res.body?.cancel();
  }
}`,
    output: `
async function waitForReady(url: string) {
  while (true) {
    const res = await fetch(url);
    if (res.ok) {
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      break;
    }
    await res.body?.cancel();
  }
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 23,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the loop is left at line 5' },
      },
    ],
  },
  {
    name: 'Promise.all of fetches whose statuses only are read',
    code: `
async function allUp(a: string, b: string) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  return first.ok && second.ok;
}`,
    // Both drains go right before the same return, and ESLint applies only one fix per range in a
    // pass: `--fix` settles `second` on its second pass.
    output: [
      `
async function allUp(a: string, b: string) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  await first.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return first.ok && second.ok;
}`,
      `
async function allUp(a: string, b: string) {
  const [first, second] = await Promise.all([fetch(a), fetch(b)]);
  await first.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  await second.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return first.ok && second.ok;
}`,
    ],
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 46,
        data: { response: 'the `fetch(a)` response (`first`)', exit: 'the function returns at line 4' },
      },
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 56,
        data: { response: 'the `fetch(b)` response (`second`)', exit: 'the function returns at line 4' },
      },
    ],
  },
  {
    name: 'Promise.all of fetches where one is dropped by an array hole',
    code: `
async function second(a: string, b: string) {
  const [, res] = await Promise.all([fetch(a), fetch(b)]);
  return res.json();
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 38,
        data: { response: 'the `fetch(a)` response', exit: 'it is dropped at line 3' },
      },
    ],
  },
  {
    name: 'Promise.all over a map whose callbacks return statuses',
    code: `
function statuses(urls: string[]) {
  return Promise.all(urls.map(async (url) => (await fetch(url)).status));
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 53,
        data: { response: 'the `fetch(url)` response', exit: 'it is dropped at line 3' },
      },
    ],
  },
  {
    name: 'switch on status whose default throws unread',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      return res.json();
    case 204:
      return null;
    default:
      throw new Error(\`unexpected \${res.status}\`);
  }
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      return res.json();
    case 204:
      return null;
    default:
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      throw new Error(\`unexpected \${res.status}\`);
  }
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function throws at line 10' },
      },
    ],
  },
  {
    name: 'switch on status without a default falls out unread',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      return res.json();
    case 404:
      return undefined;
  }
  return null;
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  switch (res.status) {
    case 200:
      return res.json();
    case 404:
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      return undefined;
  }
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return null;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        // One report for the response, naming both exits; its fix drains before each.
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at lines 8 and 10' },
      },
    ],
  },
  {
    // The return at line 8 is also reached with the body read, so it gets no drain: a --fix of
    // the other exit alone would leave the report behind, so both exits' drains are a suggestion.
    name: 'one report for two exits, one of which cannot be fixed: the drains become a suggestion',
    code: `
async function load(url: string, skip: boolean) {
  const res = await fetch(url);
  if (skip) return null;
  let text = '';
  if (res.ok) text = await res.text();
  return text;
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at lines 4 and 7' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`res`', lines: 'line 4', how: ' (reads for up to 1 s)' },
            output: `
async function load(url: string, skip: boolean) {
  const res = await fetch(url);
  if (skip) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  let text = '';
  if (res.ok) text = await res.text();
  return text;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an explicit throw inside try leaves a response declared in the try block',
    code: `
async function load(url: string) {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error('bad status');
    return await res.json();
  } catch {
    return null;
  }
}`,
    output: `
async function load(url: string) {
  try {
    const res = await fetch(url);
    if (!res.ok) {
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      throw new Error('bad status');
    }
    return await res.json();
  } catch {
    return null;
  }
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 23,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 8 after catching the error thrown at line 5' },
      },
    ],
  },
  {
    name: 'a throw caught and rethrown by the same function is named by the catch\'s throw',
    code: `
export async function load(url: string) {
  try {
    const res = await fetch(url);
    if (res.status === 429) throw new Error('rate limited');
    return await res.json();
  } catch (error) {
    console.error(error);
    throw new Error('load failed', { cause: error });
  }
}
`,
    output: `
export async function load(url: string) {
  try {
    const res = await fetch(url);
    if (res.status === 429) {
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      throw new Error('rate limited');
    }
    return await res.json();
  } catch (error) {
    console.error(error);
    throw new Error('load failed', { cause: error });
  }
}
`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 23,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function throws at line 9 after catching the error thrown at line 5' },
      },
    ],
  },
  {
    name: 'an explicit throw caught and turned into a return leaves the body unread',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  try {
    if (!res.ok) throw new Error('bad status');
    return await res.json();
  } catch {
    return null;
  }
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 8' },
      },
    ],
  },
  {
    name: 'finally runs on the early return but does not read',
    code: `
declare function stop(): void;
async function load(url: string) {
  const res = await fetch(url);
  try {
    if (res.status === 404) return null;
    return await res.json();
  } finally {
    stop();
  }
}`,
    output: `
declare function stop(): void;
async function load(url: string) {
  const res = await fetch(url);
  try {
    if (res.status === 404) {
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      return null;
    }
    return await res.json();
  } finally {
    stop();
  }
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 6' },
      },
    ],
  },
  {
    name: 'labeled continue skips the read',
    code: `
async function firstOk(groups: string[][]) {
  outer: for (const group of groups) {
    for (const url of group) {
      const res = await fetch(url);
      if (res.status === 429) continue outer;
      return res.json();
    }
  }
  return undefined;
}`,
    output: `
async function firstOk(groups: string[][]) {
  outer: for (const group of groups) {
    for (const url of group) {
      const res = await fetch(url);
      if (res.status === 429) {
        await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
        continue outer;
      }
      return res.json();
    }
  }
  return undefined;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 5,
        column: 25,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the loop continues at line 6' },
      },
    ],
  },
  {
    name: 'labeled break out of both loops skips the read',
    code: `
async function scan(groups: string[][]) {
  let found = false;
  search: for (const group of groups) {
    for (const url of group) {
      const res = await fetch(url);
      if (res.ok) {
        found = true;
        break search;
      }
      await res.body?.cancel();
    }
  }
  return found;
}`,
    output: `
async function scan(groups: string[][]) {
  let found = false;
  search: for (const group of groups) {
    for (const url of group) {
      const res = await fetch(url);
      if (res.ok) {
        found = true;
        await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
        break search;
      }
      await res.body?.cancel();
    }
  }
  return found;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 6,
        column: 25,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the loop is left at line 9' },
      },
    ],
  },
  {
    name: 'nested function leaks on its own error path',
    code: `
export function makeClient(base: string) {
  async function get(path: string) {
    const res = await fetch(base + path);
    if (!res.ok) return undefined;
    return res.json();
  }
  return { get };
}`,
    output: `
export function makeClient(base: string) {
  async function get(path: string) {
    const res = await fetch(base + path);
    if (!res.ok) {
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      return undefined;
    }
    return res.json();
  }
  return { get };
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 23,
        data: { response: 'the `fetch(base + path)` response (`res`)', exit: 'the function returns at line 5' },
      },
    ],
  },
  {
    name: 'async callback of Promise.all leaks on its error path',
    code: `
function loadAll(urls: string[]) {
  return Promise.all(
    urls.map(async (url) => {
      const res = await fetch(url);
      if (!res.ok) return null;
      return res.json();
    }),
  );
}`,
    output: `
function loadAll(urls: string[]) {
  return Promise.all(
    urls.map(async (url) => {
      const res = await fetch(url);
      if (!res.ok) {
        await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
        return null;
      }
      return res.json();
    }),
  );
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 5,
        column: 25,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the callback returns at line 6' },
      },
    ],
  },
  {
    name: 'an event handler closure leaks its own response',
    code: `
declare const button: { addEventListener(type: string, listener: () => void): void };
button.addEventListener('click', async () => {
  const res = await fetch('/api/ping', { method: 'POST' });
  console.log(res.status);
});`,
    output: `
declare const button: { addEventListener(type: string, listener: () => void): void };
button.addEventListener('click', async () => {
  const res = await fetch('/api/ping', { method: 'POST' });
  console.log(res.status);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
});`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 21,
        data: { response: 'the `fetch(…)` response (`res`)', exit: 'the callback ends at line 6' },
      },
    ],
  },
  {
    name: 'the read in a ternary arm leaves the other arm unread',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  return res.ok ? res.json() : null;
}`,
    output: null,
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
    name: 'each response is tracked on its own: the second leaks when the first fails',
    code: `
async function both(x: string, y: string) {
  const a = await fetch(x);
  const b = await fetch(y);
  if (!a.ok) {
    await a.body?.cancel();
    throw new Error('a failed');
  }
  return [await a.json(), await b.json()];
}`,
    output: `
async function both(x: string, y: string) {
  const a = await fetch(x);
  const b = await fetch(y);
  if (!a.ok) {
    await a.body?.cancel();
    await b.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error('a failed');
  }
  return [await a.json(), await b.json()];
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 19,
        data: { response: 'the `fetch(y)` response (`b`)', exit: 'the function throws at line 7' },
      },
    ],
  },
  {
    name: 'a local helper that only checks ok does not release the body',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const check = (r: Response) => r.ok;
  if (!check(res)) throw new Error('bad');
  return res.json();
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  const check = (r: Response) => r.ok;
  if (!check(res)) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error('bad');
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function throws at line 5' },
      },
    ],
  },
  {
    name: 'a bounded retry that gives up throws with the last body unread',
    code: `
async function load(url: string) {
  for (let i = 0; ; i++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
    if (i >= 3) throw new Error('gave up');
    await res.body?.cancel();
  }
}`,
    output: `
async function load(url: string) {
  for (let i = 0; ; i++) {
    const res = await fetch(url);
    if (res.ok) return res.json();
    if (i >= 3) {
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      throw new Error('gave up');
    }
    await res.body?.cancel();
  }
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 23,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function throws at line 6' },
      },
    ],
  },
  {
    name: 'an else-if chain whose 404 branch returns unread',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.status === 404) {
    return null;
  } else if (res.status === 200) {
    return res.json();
  }
  throw new Error(await res.text());
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.status === 404) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  } else if (res.status === 200) {
    return res.json();
  }
  throw new Error(await res.text());
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
    name: 'a break out of while(true) skips the read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  while (true) {
    if (!res.ok) break;
    return res.json();
  }
  return null;
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  while (true) {
    if (!res.ok) break;
    return res.json();
  }
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return null;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 8' },
      },
    ],
  },
  {
    name: 'returning a rejected promise leaves the body unread',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) return Promise.reject(new Error(res.statusText));
  return res.json();
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return Promise.reject(new Error(res.statusText));
  }
  return res.json();
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
    name: 'an async IIFE at module level',
    code: `
(async () => {
  const res = await fetch('https://example.com/ping');
  console.log(res.status);
})();`,
    output: `
(async () => {
  const res = await fetch('https://example.com/ping');
  console.log(res.status);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
})();`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(…)` response (`res`)', exit: 'the function ends at line 5' },
      },
    ],
  },
  {
    name: 'fetch inside try whose catch swallows network errors',
    code: `
async function isUp(url: string) {
  try {
    const res = await fetch(url);
    return res.ok;
  } catch {
    return false;
  }
}`,
    output: `
async function isUp(url: string) {
  try {
    const res = await fetch(url);
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return res.ok;
  } catch {
    return false;
  }
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 4,
        column: 23,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function returns at line 5' },
      },
    ],
  },
];

/**
 * Cases whose expected verdict the engine does not reach yet. They are not run; each comment says
 * what the engine does instead.
 */
export const pendingCases: { valid: Valid[]; invalid: Invalid[] } = {
  valid: [
    {
      // Known limitation (derived flags): the engine reports the throw at line 8. Guards are
      // recognised on the response itself, and `ok` is a copy of `res.ok`, so the second `!ok`
      // cannot prune the path that cancelled under the first one.
      name: 'a copied ok flag tested twice',
      code: `
async function load(url: string) {
  const res = await fetch(url);
  const ok = res.ok;
  if (!ok) {
    await res.body?.cancel();
  }
  if (!ok) throw new Error('failed');
  return res.json();
}`,
    },
    {
      // Known limitation (derived flags): the engine reports the return at line 6. `data` is
      // falsy exactly on the path where `res.ok` was false, but a variable derived from a guard
      // is not correlated with it, so a path that skips both the read and the cancel is kept.
      name: 'logical && reads the body only when it was ok, and the other branch cancels',
      code: `
async function load(url: string) {
  const res = await fetch(url);
  const data = res.ok && (await res.json());
  if (!data) await res.body?.cancel();
  return data;
}`,
    },
  ],
  invalid: [
    {
      // Known limitation (collections of responses): the engine is silent. `Promise.all([...])`
      // is followed only into an array destructuring; awaited as a statement, both responses are
      // dropped unread.
      name: 'Promise.all of fetches awaited as a statement',
      code: `
async function warm(a: string, b: string) {
  await Promise.all([fetch(a), fetch(b)]);
}`,
      errors: [
        {
          messageId: 'unconsumedBody',
          line: 3,
          column: 22,
          data: { response: 'the `fetch(a)` response', exit: 'it is dropped at line 3' },
        },
        {
          messageId: 'unconsumedBody',
          line: 3,
          column: 32,
          data: { response: 'the `fetch(b)` response', exit: 'it is dropped at line 3' },
        },
      ],
    },
    {
      // Known limitation (collections of responses): the engine is silent. An array of responses
      // is not followed element by element, so mapping it to statuses is not seen as dropping
      // every body. Which exit to name (the map callback's or the function's return) is open.
      name: 'Promise.all over a map whose responses are reduced to statuses',
      code: `
async function statuses(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  return responses.map((res) => res.status);
}`,
      errors: [
        {
          messageId: 'unconsumedBody',
          line: 3,
          column: 57,
        },
      ],
    },
  ],
};

runCases('paths', { both: { valid, invalid } });
