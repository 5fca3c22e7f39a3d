import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * Metadata (status, headers, URL) arrives before the body: reading it leaves the body on the
 * connection. Responses that have no body (HEAD, 204, 205, 304, a null `body`) owe nothing.
 */
const valid: Valid[] = [
  {
    name: 'a HEAD request whose init is a local constant',
    code: `
async function exists(url: string) {
  const init = { method: 'HEAD' };
  const res = await fetch(url, init);
  return res.ok;
}`,
  },
  {
    name: 'a HEAD request has no body to read',
    code: `
async function exists(url: string) {
  const res = await fetch(url, { method: 'HEAD' });
  return res.ok;
}`,
  },
  {
    name: 'a HEAD request spelled in lower case has no body either',
    code: `
async function exists(url: string) {
  const res = await fetch(url, { method: 'head' });
  return res.status === 200;
}`,
  },
  {
    name: 'fire-and-forget HEAD request',
    code: `
async function ping(url: string) {
  await fetch(url, { method: 'HEAD' });
}`,
  },
  {
    name: 'HEAD request whose status is read in a then callback',
    code: `
function exists(url: string) {
  return fetch(url, { method: 'HEAD' }).then((res) => res.ok);
}`,
  },
  {
    name: 'a 204 No Content branch has no body',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.status === 204) return null;
  return res.json();
}`,
  },
  {
    name: 'a 205 Reset Content branch has no body',
    code: `
async function submit(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (res.status === 205) return 'reset';
  return res.text();
}`,
  },
  {
    name: 'a 304 Not Modified branch has no body',
    code: `
async function revalidate(url: string, etag: string, cached: unknown) {
  const res = await fetch(url, { headers: { 'if-none-match': etag } });
  if (res.status === 304) return cached;
  return res.json();
}`,
  },
  {
    name: 'a 204 or 304 guard written with ||',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.status === 204 || res.status === 304) return undefined;
  return res.json();
}`,
  },
  {
    name: 'a 204 guard with the literal on the left',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (204 === res.status) return null;
  return res.json();
}`,
  },
  {
    name: 'res.body === null means there is nothing to read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.body === null) return '';
  return res.text();
}`,
  },
  {
    name: '!res.body means there is nothing to read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.body) return undefined;
  return res.text();
}`,
  },
  {
    name: 'res.body == null also covers undefined',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.body == null) return '';
  return res.text();
}`,
  },
  {
    name: 'res.body !== null guards the read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.body !== null) return res.text();
  return '';
}`,
  },
  {
    name: 'the status is read after the body',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, text };
}`,
  },
  {
    name: 'headers are read before the body, which is read on every path',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const type = res.headers.get('content-type') ?? '';
  return type.includes('json') ? res.json() : res.text();
}`,
  },
  {
    name: 'switch with a 304 case and a cancel in default',
    code: `
async function load(url: string, cached: unknown) {
  const res = await fetch(url);
  switch (res.status) {
    case 304:
      return cached;
    case 200:
      return res.json();
    default:
      await res.body?.cancel();
      throw new Error(String(res.status));
  }
}`,
  },
  {
    name: 'a null body throws, every other body is read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.body === null) throw new Error('empty');
  return res.text();
}`,
  },
  {
    // A `content-length: 0` response has no body bytes: undici finishes it with the headers and
    // reuses the connection (anthropic's middleware parse, found by the bench).
    name: 'a content-length 0 guard',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.headers.get('content-length') === '0') return null;
  return res.json();
}`,
  },
  {
    name: 'a content-length test written the other way round',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if ('0' !== res.headers.get('Content-Length')) return res.json();
  return null;
}`,
  },
  {
    // A reader or a pipe holds a locked body, and reads or cancels it; it cannot even be cancelled
    // here (anthropic's middleware, found by the bench).
    name: 'a locked body belongs to whoever holds its reader',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.body?.locked) throw new Error('a middleware is reading the body');
  return res.json();
}`,
  },
  {
    name: 'bodyUsed or body.locked: on either arm someone else has the body',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.bodyUsed || res.body?.locked) {
    throw new Error('the body was consumed');
  }
  return res.text();
}`,
  },
  {
    name: '304 and 204 handled one after the other',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.status === 304) return null;
  if (res.status === 204) return undefined;
  return res.json();
}`,
  },
  {
    name: 'a 204 guard inside a then callback',
    code: `
function load(url: string) {
  return fetch(url).then((res) => {
    if (res.status === 204) return undefined;
    return res.json();
  });
}`,
  },
  {
    name: 'switch (true) with a 304 or 204 case and a cancel in default',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  switch (true) {
    case res.status === 304:
    case res.status === 204:
      return null;
    case res.ok:
      return res.json();
    default:
      await res.body?.cancel();
      return undefined;
  }
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'a content-length other than 0 leaves a body to read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.headers.get('content-length') !== '0') return null;
  return res.status;
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.headers.get('content-length') !== '0') {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  return res.status;
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
    name: 'an unlocked body is still this function\'s to read',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.body?.locked) throw new Error('nobody reads it');
  return res.status;
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  if (!res.body?.locked) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error('nobody reads it');
  }
  return res.status;
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
    name: 'status only',
    code: `
async function status(url: string) {
  const res = await fetch(url);
  return res.status;
}`,
    output: `
async function status(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
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
    name: 'ok only',
    code: `
async function isUp(url: string) {
  const res = await fetch(url);
  return res.ok;
}`,
    output: `
async function isUp(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
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
    name: 'statusText only',
    code: `
async function reason(url: string) {
  const res = await fetch(url);
  return res.statusText;
}`,
    output: `
async function reason(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.statusText;
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
    name: 'headers only',
    code: `
async function headers(url: string) {
  const res = await fetch(url);
  return res.headers;
}`,
    output: `
async function headers(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.headers;
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
    name: 'headers.get() only',
    code: `
async function etag(url: string) {
  const res = await fetch(url);
  return res.headers.get('etag');
}`,
    output: `
async function etag(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.headers.get('etag');
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
    name: 'url only (after redirects)',
    code: `
async function finalUrl(url: string) {
  const res = await fetch(url);
  return res.url;
}`,
    output: `
async function finalUrl(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.url;
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
    name: 'redirected only',
    code: `
async function wasRedirected(url: string) {
  const res = await fetch(url);
  return res.redirected;
}`,
    output: `
async function wasRedirected(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.redirected;
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
    name: 'type only',
    code: `
async function kind(url: string) {
  const res = await fetch(url);
  return res.type;
}`,
    output: `
async function kind(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.type;
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
    name: 'console.log(res) only prints the response',
    code: `
async function debug(url: string) {
  const res = await fetch(url);
  console.log(res);
}`,
    output: `
async function debug(url: string) {
  const res = await fetch(url);
  console.log(res);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function ends at line 5' },
      },
    ],
  },
  {
    name: 'JSON.stringify(res) only looks at it',
    code: `
async function describe(url: string) {
  const res = await fetch(url);
  return JSON.stringify(res);
}`,
    output: `
async function describe(url: string) {
  const res = await fetch(url);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return JSON.stringify(res);
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
    name: 'several metadata reads still leave the body',
    code: `
async function summary(url: string) {
  const res = await fetch(url);
  const length = Number(res.headers.get('content-length'));
  return \`\${res.status} \${res.statusText} (\${length} bytes)\`;
}`,
    output: `
async function summary(url: string) {
  const res = await fetch(url);
  const length = Number(res.headers.get('content-length'));
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return \`\${res.status} \${res.statusText} (\${length} bytes)\`;
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
    name: 'an explicit GET has a body',
    code: `
async function isUp(url: string) {
  const res = await fetch(url, { method: 'GET' });
  return res.ok;
}`,
    output: `
async function isUp(url: string) {
  const res = await fetch(url, { method: 'GET' });
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.ok;
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url, { method: \'GET\' })` response (`res`)', exit: 'the function returns at line 4' },
      },
    ],
  },
  {
    name: 'a 202 Accepted branch may carry a body',
    code: `
async function submit(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (res.status === 202) return 'queued';
  return res.json();
}`,
    output: `
async function submit(url: string) {
  const res = await fetch(url, { method: 'POST' });
  if (res.status === 202) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return 'queued';
  }
  return res.json();
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url, { method: \'POST\' })` response (`res`)', exit: 'the function returns at line 4' },
      },
    ],
  },
  {
    name: 'a 204 guard does not cover the other statuses',
    code: `
async function save(url: string) {
  const res = await fetch(url, { method: 'PUT' });
  if (res.status !== 204) throw new Error(\`unexpected \${res.status}\`);
}`,
    output: `
async function save(url: string) {
  const res = await fetch(url, { method: 'PUT' });
  if (res.status !== 204) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error(\`unexpected \${res.status}\`);
  }
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url, { method: \'PUT\' })` response (`res`)', exit: 'the function throws at line 4' },
      },
    ],
  },
  {
    name: 'res.body !== null means there is a body to read',
    code: `
async function hasBody(url: string) {
  const res = await fetch(url);
  if (res.body !== null) return true;
  return false;
}`,
    output: `
async function hasBody(url: string) {
  const res = await fetch(url);
  if (res.body !== null) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return true;
  }
  return false;
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
    name: 'a DELETE that only handles 204 leaves any other body',
    code: `
async function remove(url: string) {
  const res = await fetch(url, { method: 'DELETE' });
  if (res.status === 204) return;
}`,
    output: `
async function remove(url: string) {
  const res = await fetch(url, { method: 'DELETE' });
  if (res.status === 204) return;
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url, { method: \'DELETE\' })` response (`res`)', exit: 'the function ends at line 5' },
      },
    ],
  },
  {
    name: 'a 304-or-error guard: error responses carry a body',
    code: `
export default async function handler(url: string) {
  const res = await fetch(url);
  if (res.status === 304 || !res.ok) return null;
  return res.json();
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
    name: 'a content-type check throws before reading',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.headers.get('content-type') !== 'application/json') {
    throw new Error('not json');
  }
  return res.json();
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  if (res.headers.get('content-type') !== 'application/json') {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error('not json');
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
    name: 'a status destructured from the response is still only metadata',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const { status } = res;
  if (status !== 200) throw new Error('bad');
  return res.json();
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  const { status } = res;
  if (status !== 200) {
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
    name: 'switch (true) whose cases miss the statuses that are neither 5xx, 304 nor ok',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  switch (true) {
    case res.status >= 500:
      await res.body?.cancel();
      throw new Error('server error');
    case res.status === 304:
      return null;
    case res.ok:
      return res.json();
  }
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  switch (true) {
    case res.status >= 500:
      await res.body?.cancel();
      throw new Error('server error');
    case res.status === 304:
      return null;
    case res.ok:
      return res.json();
  }
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
}`,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 21,
        data: { response: 'the `fetch(url)` response (`res`)', exit: 'the function ends at line 13' },
      },
    ],
  },
];

/**
 * Cases whose expected verdict the engine does not reach yet. They are not run; each comment says
 * what the engine does instead.
 */
export const pendingCases: { valid: Valid[]; invalid: Invalid[] } = { valid: [], invalid: [] };

runCases('inspections and empty bodies', { both: { valid, invalid } });
