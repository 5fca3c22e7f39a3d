import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * `res.clone()` tees the body: reading either copy to its end pulls the whole body off the
 * connection, so the response and its clone are one obligation that either settles
 * (tests/runtime/clone-buffering.test.ts, scenarios fetch/clone-*.ts). The copy nobody reads still
 * keeps a second copy of the body in memory, and is reported on its own.
 */
const pipeToSink = 'await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});';
const response = 'the `fetch(url)` response (`res`)';

const valid: Valid[] = [
  {
    name: 'try JSON, fall back to the text of the clone',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  try {
    return await res.json();
  } catch {
    return await copy.text();
  }
}`,
  },
  {
    name: 'only the clone is read: the original buffers what it pulls, and is collected with it',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  return copy.json();
}`,
  },
  {
    name: 'a clone read at once',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  return res.clone().json();
}`,
  },
  {
    name: 'a clone handed to a cache is the cache\'s',
    code: `
declare const cache: { put(key: string, value: Response): Promise<void> };
async function load(url: string) {
  const res = await fetch(url);
  await cache.put(url, res.clone());
  return res.json();
}`,
  },
  {
    name: 'a clone kept under a name and handed on',
    code: `
declare function log(response: Response): Promise<void>;
async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  await log(copy);
  return res.json();
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'an early return before either copy is read: the clone is let go, the original drained',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  if (!res.ok) return null;
  try {
    return await res.json();
  } catch {
    return await copy.text();
  }
}`,
    output: `
async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  if (!res.ok) {
    void copy.body?.cancel().catch(() => {});
    ${pipeToSink}
    return null;
  }
  try {
    return await res.json();
  } catch {
    return await copy.text();
  }
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response, exit: 'the function returns at line 5' } }],
  },
  {
    name: 'cancelling only the clone lets go of its half: the original still owes the body',
    code: `
async function probe(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  void copy.body?.cancel();
  return res.status;
}`,
    output: `
async function probe(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  void copy.body?.cancel();
  void copy.body?.cancel().catch(() => {});
  ${pipeToSink}
  return res.status;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 3, column: 21, data: { response, exit: 'the function returns at line 6' } }],
  },
  {
    name: 'a clone that is never read keeps a copy of the body',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  console.log(copy.status);
  return res.json();
}`,
    errors: [{ messageId: 'unreadClone', line: 4, column: 16, data: { clone: 'copy', response } }],
  },
  {
    name: 'node-fetch: a clone that is never read stops the body, so the read of the original waits',
    code: `
import fetch from 'node-fetch';
async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  console.log(copy.status);
  return res.json();
}`,
    errors: [{ messageId: 'stallingClone', line: 5, column: 16, data: { clone: 'copy', response, client: 'node-fetch' } }],
  },
  {
    // node-fetch has no way to let one copy go without waiting on the other: no fix.
    name: 'node-fetch: an early return before either copy is read, without a fix',
    code: `
import fetch from 'node-fetch';
async function load(url: string) {
  const res = await fetch(url);
  const copy = res.clone();
  if (!res.ok) return null;
  try {
    return await res.json();
  } catch {
    return await copy.text();
  }
}`,
    output: null,
    errors: [{ messageId: 'unconsumedBody', line: 4, column: 21, data: { response, exit: 'the function returns at line 6' } }],
  },
];

runCases('clones', { both: { valid, invalid } });
