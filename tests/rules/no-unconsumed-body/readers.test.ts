import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * A reader taken with `res.body.getReader()` locks the body: what the reader reads decides. A loop
 * of `read()` calls reads to the end (where it stops early is a may, and silent); one `read()`
 * takes a chunk and leaves the rest owed, measured in tests/runtime/scenarios/fetch/reader-one-chunk.ts.
 * The drain must release the lock first, or `pipeTo` rejects on the locked stream and drains nothing.
 */
const pipeToSink = 'await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});';
const partlyRead = (exit: string) => ({
  messageId: 'partlyReadBody' as const,
  line: 3,
  column: 21,
  data: { response: 'the `fetch(url)` response (`res`)', exit },
});

const valid: Valid[] = [
  {
    name: 'a for (;;) loop reads until done',
    code: `
async function size(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.length;
  }
}`,
  },
  {
    name: 'a do … while loop reads until done',
    code: `
async function size(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  let chunk;
  do chunk = await reader.read();
  while (!chunk.done);
}`,
  },
  {
    name: 'a loop that may stop early is a may',
    code: `
async function firstLine(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  let text = '';
  while (!text.includes('\\n')) {
    const { done, value } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  return text;
}`,
  },
  {
    name: 'a recursive pump in a closure takes the reader along',
    code: `
async function count(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  async function pump(total: number): Promise<number> {
    const { done, value } = await reader.read();
    return done ? total : pump(total + value.length);
  }
  return pump(0);
}`,
  },
  {
    name: 'the reader handed to a function is theirs',
    code: `
declare function readAll(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array>;
async function load(url: string) {
  const res = await fetch(url);
  return readAll(res.body!.getReader());
}`,
  },
  {
    name: 'one read, then a drain of the rest after releasing the lock',
    code: `
async function magic(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  reader.releaseLock();
  ${pipeToSink}
  return value?.subarray(0, 4);
}`,
  },
  {
    name: 'no reader when the body is missing: nothing to read there',
    code: `
async function first(url: string) {
  const res = await fetch(url);
  const reader = res.body?.getReader();
  if (!reader) return undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || value.length > 0) return value;
  }
}`,
  },
  {
    // Known limitation: a reader read by a loop is the loop's from `getReader()` on, so the early
    // return before the loop is not seen (the path that skips a `while (!done)` loop exists only
    // for the analysis, and would otherwise report every such loop).
    name: 'a reader read by a loop is the loop\'s from getReader() on',
    code: `
async function load(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  if (!res.ok) return null;
  let done = false;
  while (!done) ({ done } = await reader.read());
  return true;
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'one chunk read, then the lock released: the rest is left',
    code: `
async function magic(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  reader.releaseLock();
  return value?.subarray(0, 4);
}`,
    output: `
async function magic(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  reader.releaseLock();
  ${pipeToSink}
  return value?.subarray(0, 4);
}`,
    errors: [partlyRead('the function returns at line 7')],
  },
  {
    name: 'one chunk read with the lock still held: the drain releases it first',
    code: `
async function magic(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  return value?.subarray(0, 4);
}`,
    output: `
async function magic(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  const { value } = await reader.read();
  reader.releaseLock();
  ${pipeToSink}
  return value?.subarray(0, 4);
}`,
    errors: [partlyRead('the function returns at line 6')],
  },
  {
    name: 'a reader taken with ?. is released with ?.',
    code: `
async function magic(url: string) {
  const res = await fetch(url);
  const reader = res.body?.getReader();
  const chunk = await reader?.read();
  return chunk?.value;
}`,
    output: `
async function magic(url: string) {
  const res = await fetch(url);
  const reader = res.body?.getReader();
  const chunk = await reader?.read();
  reader?.releaseLock();
  ${pipeToSink}
  return chunk?.value;
}`,
    errors: [partlyRead('the function returns at line 6')],
  },
  {
    name: 'a read still pending when the lock would be released: a suggestion',
    code: `
async function magic(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  const next = reader.read();
  const { value } = await next;
  return value;
}`,
    errors: [
      {
        ...partlyRead('the function returns at line 7'),
        suggestions: [
          {
            messageId: 'insertDrain',
            data: { target: '`res`', lines: 'line 7', how: ' (reads for up to 1 s)' },
            output: `
async function magic(url: string) {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  const next = reader.read();
  const { value } = await next;
  reader.releaseLock();
  ${pipeToSink}
  return value;
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'one read through a reader no variable holds: locked for good, no fix',
    code: `
async function magic(url: string) {
  const res = await fetch(url);
  const { value } = await res.body!.getReader().read();
  return value;
}`,
    errors: [partlyRead('the function returns at line 5')],
  },
];

runCases('readers', { both: { valid, invalid } });
