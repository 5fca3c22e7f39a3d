import { runCases, type Invalid, type Valid } from './run-cases.js';

/**
 * A wrapper that returns its response inside an object (issue 16): `const { res, done } = await
 * open(url)` is followed through the destructuring when every `return` of `open` is an object
 * literal whose `res` is a response made there that `open` only looks at. A property that may
 * settle the response (a `release` that cancels it, an abort of the controller the request got)
 * makes the wrapper one the analysis does not follow.
 */
const OPEN = `
async function open(url: string) {
  const started = Date.now();
  const res = await fetch(url);
  const done = () => console.log(Date.now() - started);
  return { res, done };
}`;

const valid: Valid[] = [
  {
    name: 'the caller reads the response on every path',
    code: `${OPEN}
async function load(url: string) {
  const { res } = await open(url);
  if (!res.ok) throw new Error(await res.text());
  return res.json();
}`,
  },
  {
    name: 'the caller hands the response on',
    code: `${OPEN}
async function pass(url: string) {
  const { res, done } = await open(url);
  done();
  return res;
}`,
  },
  {
    name: 'a release that aborts the request the response came from may settle it',
    code: `
async function open(url: string) {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  return { response, release: () => controller.abort() };
}
async function load(url: string) {
  const { response, release } = await open(url);
  if (!response.ok) {
    release();
    return null;
  }
  return response.json();
}`,
  },
  {
    name: 'a release that cancels the body settles it',
    code: `
async function open(url: string) {
  const response = await fetch(url);
  return { response, release: () => response.body?.cancel() };
}
async function load(url: string) {
  const { response, release } = await open(url);
  if (!response.ok) {
    await release();
    return null;
  }
  return response.json();
}`,
  },
  {
    name: 'a wrapper that reads the response before returning it in an object is not followed',
    code: `
async function open(url: string) {
  const res = await fetch(url);
  const text = await res.text();
  return { res, text };
}
async function load(url: string) {
  const { res, text } = await open(url);
  return res.ok ? text : null;
}`,
  },
  {
    name: 'the object kept whole is not followed',
    code: `${OPEN}
async function load(url: string) {
  const opened = await open(url);
  return opened.res.status;
}`,
  },
];

const invalid: Invalid[] = [
  {
    name: 'the caller returns on an error status with the body of the destructured response unread',
    code: `${OPEN}
async function load(url: string) {
  const { res, done } = await open(url);
  if (!res.ok) {
    done();
    return null;
  }
  const data: unknown = await res.json();
  done();
  return data;
}`,
    output: `${OPEN}
async function load(url: string) {
  const { res, done } = await open(url);
  if (!res.ok) {
    done();
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    return null;
  }
  const data: unknown = await res.json();
  done();
  return data;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 9, column: 31, data: { response: 'the `open(url)` response (`res`)', exit: 'the function returns at line 12' } }],
  },
  {
    name: 'a renamed property of an arrow wrapper whose status alone is used',
    code: `
const timed = async (url: string) => {
  const response = await fetch(url);
  return { response, at: Date.now() };
};
async function ping(url: string) {
  const { response: res, at } = await timed(url);
  console.log(at);
  return res.status;
}`,
    output: `
const timed = async (url: string) => {
  const response = await fetch(url);
  return { response, at: Date.now() };
};
async function ping(url: string) {
  const { response: res, at } = await timed(url);
  console.log(at);
  await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return res.status;
}`,
    errors: [{ messageId: 'unconsumedBody', line: 7, column: 39, data: { response: 'the `timed(url)` response (`res`)', exit: 'the function returns at line 9' } }],
  },
];

runCases('responses inside returned objects', { both: { valid, invalid } });
