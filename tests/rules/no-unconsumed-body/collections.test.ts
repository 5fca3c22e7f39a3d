import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * Arrays of responses (issue 16): `await Promise.all(urls.map((u) => fetch(u)))` and
 * `Promise.allSettled(…)` are followed as one obligation held by the array, settled when every
 * element is read. A look at each element (`rs.map((r) => r.status)`) leaves them all owed; keeping
 * some (`filter`, `find`) leaves the others owed. Anything the analysis does not follow (the array
 * returned, passed on, indexed) is a hand-off.
 */
const DRAIN_ALL = 'await Promise.all(responses.map((response) => response.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})))';

const valid: Valid[] = [
  {
    name: 'every element is read inside the map callback',
    code: `
async function loadAll(urls: string[]) {
  return Promise.all(urls.map(async (url) => (await fetch(url)).json()));
}`,
  },
  {
    name: 'every element is read by a for…of loop',
    code: `
async function loadAll(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  const texts: string[] = [];
  for (const res of responses) texts.push(await res.text());
  return texts;
}`,
  },
  {
    name: 'every element is read by a second map',
    code: `
async function loadAll(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  if (responses.some((res) => !res.ok)) console.warn('some failed');
  return Promise.all(responses.map((res) => res.json()));
}`,
  },
  {
    name: 'the array is returned: the caller owns the responses',
    code: `
async function openAll(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  return responses;
}`,
  },
  {
    name: 'the array is passed to a function the analysis cannot read',
    code: `
async function openAll(urls: string[], sink: (responses: Response[]) => void) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  sink(responses);
}`,
  },
  {
    name: 'an element taken by index is not followed',
    code: `
async function first(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  return responses[0]!.status;
}`,
  },
  {
    name: 'two filters may keep every element between them',
    code: `
async function split(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  for (const res of responses.filter((r) => !r.ok)) await res.body?.cancel();
  return Promise.all(responses.filter((r) => r.ok).map((r) => r.json()));
}`,
  },
  {
    name: 'HEAD requests have no bodies',
    code: `
async function exist(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url, { method: 'HEAD' })));
  return responses.map((res) => res.ok);
}`,
  },
  {
    name: 'settled results whose fulfilled values are read',
    code: `
async function loadSome(urls: string[]) {
  const results = await Promise.allSettled(urls.map((url) => fetch(url)));
  return Promise.all(results.map((result) => (result.status === 'fulfilled' ? result.value.text() : null)));
}`,
  },
  {
    name: 'a destructured Promise.all of mapped calls is not followed',
    code: `
async function pair(urls: string[]) {
  const [a, b] = await Promise.all(urls.map((url) => fetch(url)));
  return [a?.status, b?.status];
}`,
  },
  {
    name: 'the combinator promise is returned unawaited',
    code: `
function openAll(urls: string[]) {
  return Promise.all(urls.map((url) => fetch(url)));
}`,
  },
  {
    name: 'a race whose requests share an abort signal: the losers may be aborted',
    code: `
async function fastest(mirrors: string[]) {
  const controller = new AbortController();
  const res = await Promise.any(mirrors.map((url) => fetch(url, { signal: controller.signal })));
  controller.abort();
  return res.json();
}`,
  },
  {
    name: 'a race of HEAD requests has no bodies',
    code: `
async function reachable(mirrors: string[]) {
  const res = await Promise.any(mirrors.map((url) => fetch(url, { method: 'HEAD' })));
  return res.ok;
}`,
  },
  {
    name: 'a race over promises made elsewhere is not followed',
    code: `
async function fastest(mirrors: string[]) {
  const requests = mirrors.map((url) => fetch(url));
  const res = await Promise.race(requests);
  await Promise.all(requests.map(async (request) => (await request).body?.cancel()));
  return res.status;
}`,
  },
  {
    name: 'an array literal of requests, every body read by a map',
    code: `
async function loadPair(a: string, b: string) {
  const responses = await Promise.all([fetch(a), fetch(b)]);
  return Promise.all(responses.map((res) => res.json()));
}`,
  },
  {
    name: 'an array literal that mixes a request with other work is not followed',
    code: `
async function withUser(url: string, loadUser: () => Promise<string>) {
  const results = await Promise.all([fetch(url), loadUser()]);
  return results.length;
}`,
  },
  {
    name: 'an array literal with a HEAD request among them is not followed',
    code: `
async function probe(a: string, b: string) {
  const responses = await Promise.all([fetch(a), fetch(b, { method: 'HEAD' })]);
  return responses.map((res) => res.ok);
}`,
  },
  {
    name: 'an array literal of requests held whole and returned',
    code: `
async function openPair(a: string, b: string) {
  const responses = await Promise.all([fetch(a), fetch(b)]);
  return responses;
}`,
  },
  {
    name: 'a race over an array literal of requests is not followed',
    code: `
async function fastest(a: string, b: string) {
  const res = await Promise.race([fetch(a), fetch(b)]);
  return res.json();
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'Promise.any over mapped requests leaves the losers unread (no fix)',
    code: `
async function fastest(mirrors: string[]) {
  const res = await Promise.any(mirrors.map((url) => fetch(url)));
  return res.json();
}`,
    output: null,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 54, data: { response: 'the `fetch(url)` response', exit: 'it is dropped at line 3' } }],
  },
  {
    name: 'Promise.race returned to the caller still drops the losers',
    code: `
function first(mirrors: string[]) {
  return Promise.race(mirrors.map((url) => fetch(url)));
}`,
    output: null,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 44, data: { response: 'the `fetch(url)` response', exit: 'it is dropped at line 3' } }],
  },
  {
    name: 'only the statuses of the responses are used',
    code: `
async function statuses(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  return responses.map((res) => res.status);
}`,
    output: `
async function statuses(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  ${DRAIN_ALL};
  return responses.map((res) => res.status);
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 57, data: { response: 'the `fetch(url)` response (`responses`)', exit: 'the function returns at line 4' } }],
  },
  {
    name: 'a for…of loop that only logs each status',
    code: `
async function report(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  for (const res of responses) console.log(res.status);
}`,
    output: `
async function report(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  for (const res of responses) console.log(res.status);
  ${DRAIN_ALL};
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 57, data: { response: 'the `fetch(url)` response (`responses`)', exit: 'the function ends at line 5' } }],
  },
  {
    name: 'an early throw before the elements are read',
    code: `
async function loadAll(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  if (responses.some((res) => !res.ok)) throw new Error('one failed');
  return Promise.all(responses.map((res) => res.json()));
}`,
    output: `
async function loadAll(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  if (responses.some((res) => !res.ok)) {
    ${DRAIN_ALL};
    throw new Error('one failed');
  }
  return Promise.all(responses.map((res) => res.json()));
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 57, data: { response: 'the `fetch(url)` response (`responses`)', exit: 'the function throws at line 4' } }],
  },
  {
    name: 'the responses of a fire-and-forget batch are dropped',
    code: `
async function notifyAll(hooks: string[]) {
  await Promise.all(hooks.map((hook) => fetch(hook, { method: 'POST' })));
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 41,
        data: { response: 'the `fetch(hook, { method: \'POST\' })` response', exit: 'it is dropped at line 3' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`response`', lines: 'line 3', how: ' (reads for up to 1 s)' },
            output: `
async function notifyAll(hooks: string[]) {
  const responses = await Promise.all(hooks.map((hook) => fetch(hook, { method: 'POST' })));
  ${DRAIN_ALL};
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'only the fulfilled count of settled results is used',
    code: `
async function count(urls: string[]) {
  const results = await Promise.allSettled(urls.map(async (url) => await fetch(url)));
  return results.map((result) => result.status);
}`,
    output: `
async function count(urls: string[]) {
  const results = await Promise.allSettled(urls.map(async (url) => await fetch(url)));
  await Promise.all(results.map((result) => result.status === 'fulfilled' && result.value.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})));
  return results.map((result) => result.status);
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 74, data: { response: 'the `fetch(url)` response (`results`)', exit: 'the function returns at line 4' } }],
  },
  {
    name: 'only the OK responses are read: the others are left unread (no fix: a drain of all would take the read ones too)',
    code: `
async function loadOk(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  return Promise.all(responses.filter((res) => res.ok).map((res) => res.json()));
}`,
    output: null,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 57, data: { response: 'the `fetch(url)` response (`responses`)', exit: 'the function returns at line 4' } }],
  },
  {
    name: 'the first OK response wins and the rest are left unread',
    code: `
async function firstOk(urls: string[]) {
  const responses = await Promise.all(urls.map((url) => fetch(url)));
  const found = responses.find((res) => res.ok);
  if (!found) throw new Error('none answered');
  return found.json();
}`,
    output: null,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 57, data: { response: 'the `fetch(url)` response (`responses`)', exit: 'the function throws at line 5 or returns at line 6' } }],
  },
  {
    name: 'an array literal of requests held whole, of which only the statuses are used',
    code: `
async function healthy(a: string, b: string) {
  const responses = await Promise.all([fetch(a), fetch(b)]);
  return responses.every((res) => res.ok);
}`,
    output: `
async function healthy(a: string, b: string) {
  const responses = await Promise.all([fetch(a), fetch(b)]);
  ${DRAIN_ALL};
  return responses.every((res) => res.ok);
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 40, data: { response: 'each response of `Promise.all(…)` (`responses`)', exit: 'the function returns at line 4' } }],
  },
  {
    name: 'an array literal of settled requests, of which only the outcomes are used',
    code: `
async function count(a: string, b: string) {
  const results = await Promise.allSettled([fetch(a), fetch(b)]);
  return results.map((result) => result.status).filter((status) => status === 'fulfilled').length;
}`,
    output: `
async function count(a: string, b: string) {
  const results = await Promise.allSettled([fetch(a), fetch(b)]);
  await Promise.all(results.map((result) => result.status === 'fulfilled' && result.value.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {})));
  return results.map((result) => result.status).filter((status) => status === 'fulfilled').length;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 45, data: { response: 'each response of `Promise.allSettled(…)` (`results`)', exit: 'the function returns at line 4' } }],
  },
  {
    name: 'an array literal of requests dropped once they answer',
    code: `
async function notify(a: string, b: string) {
  await Promise.all([fetch(a, { method: 'POST' }), fetch(b, { method: 'POST' })]);
}`,
    output: null,
    errors: [
      {
        messageId: 'unconsumedBody',
        line: 3,
        column: 22,
        data: { response: 'each response of `Promise.all(…)`', exit: 'it is dropped at line 3' },
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`response`', lines: 'line 3', how: ' (reads for up to 1 s)' },
            output: `
async function notify(a: string, b: string) {
  const responses = await Promise.all([fetch(a, { method: 'POST' }), fetch(b, { method: 'POST' })]);
  ${DRAIN_ALL};
}`,
          },
        ],
      },
    ],
  },
];

runCases('collections of responses', { both: { valid, invalid } });
