import * as path from 'node:path';
import { fixturesDir } from '../../rule-tester.js';
import { runClientCases } from './client-cases.js';

/**
 * The response on an error: ky 1 rejects an error status with `HTTPError`, whose `response` ky
 * leaves unread, and axios rejects a `responseType: 'stream'` request with the unread stream on
 * `error.response.data`. The `catch` that receives the error (around `await`, or `.catch(fn)` on the
 * promise chain) owes that body; an axios interceptor sees every response and rejection of its
 * instance. No fix is offered: what was caught may be another error, and the drain would have to
 * test for it. ky 2 reads the error's body itself, so a project on ky 2 owes nothing
 * (`tests/fixtures/ky2/package.json` depends on it).
 */
const ky2File = path.join(fixturesDir, 'ky2', 'file.ts');

const kyIgnoresNotFound = `
import ky, { HTTPError } from 'ky';
async function findUser(url: string) {
  try {
    return await ky(url).json();
  } catch (error) {
    if (error instanceof HTTPError && error.response.status === 404) return null;
    throw error;
  }
}`;

runClientCases('rejections', {
  'no-unconsumed-body': {
    both: {
      valid: [
        {
          name: 'ky: the catch reads the error body',
          code: `
import ky, { HTTPError } from 'ky';
async function load(url: string) {
  try {
    return await ky(url).json();
  } catch (error) {
    if (error instanceof HTTPError) throw new Error(await error.response.text());
    throw error;
  }
}`,
        },
        {
          name: 'ky: the catch cancels the error body',
          code: `
import ky, { isHTTPError } from 'ky';
async function load(url: string) {
  try {
    return await ky.get(url).json();
  } catch (error) {
    if (isHTTPError(error)) await error.response.body?.cancel();
    return null;
  }
}`,
        },
        {
          name: 'ky: rethrowing hands the error to the caller',
          code: `
import ky from 'ky';
async function load(url: string) {
  try {
    return await ky(url).json();
  } catch (error) {
    console.error('load failed');
    throw error;
  }
}`,
        },
        {
          name: 'ky: passing the error to a function the analysis cannot see hands it off',
          code: `
import ky from 'ky';
declare function report(error: unknown): void;
async function load(url: string) {
  try {
    return await ky(url).json();
  } catch (error) {
    report(error);
    return null;
  }
}`,
        },
        {
          name: 'ky: throwHttpErrors off, so no error carries a response',
          code: `
import ky from 'ky';
async function load(url: string) {
  try {
    return await ky(url, { throwHttpErrors: false }).json();
  } catch {
    return null;
  }
}`,
        },
        {
          name: 'ky: an instance with hooks may read the body in beforeError',
          code: `
import ky from 'ky';
const api = ky.create({
  hooks: { beforeError: [async (error) => { error.message = await error.response.text(); return error; }] },
});
async function load(path: string) {
  try {
    return await api.get(path).json();
  } catch {
    return null;
  }
}`,
        },
        {
          name: 'ky: options the analysis cannot see may carry hooks',
          code: `
import ky, { type Options } from 'ky';
async function load(url: string, options: Options) {
  try {
    return await ky(url, options).json();
  } catch {
    return null;
  }
}`,
        },
        {
          name: 'ky: a promise returned without await is not rejected inside this try',
          code: `
import ky from 'ky';
async function load(url: string) {
  try {
    return ky(url).json();
  } catch {
    return null;
  }
}`,
        },
        {
          name: 'ky: a HEAD request has no body, not even on its error',
          code: `
import ky from 'ky';
async function exists(url: string) {
  try {
    await ky.head(url);
    return true;
  } catch {
    return false;
  }
}`,
        },
        {
          name: 'ky: a timeout is another error, with no response',
          code: `
import ky, { TimeoutError } from 'ky';
async function load(url: string) {
  try {
    return await ky(url).json();
  } catch (error) {
    if (error instanceof TimeoutError) return null;
    throw error;
  }
}`,
        },
        {
          name: 'ky 2 reads the error body itself: decided by the project the file belongs to',
          filename: ky2File,
          code: kyIgnoresNotFound,
        },
        {
          name: 'axios: the catch resumes the error stream',
          code: `
import axios from 'axios';
async function save(url: string, out: NodeJS.WritableStream) {
  try {
    const res = await axios.get(url, { responseType: 'stream' });
    res.data.pipe(out);
  } catch (err) {
    if (axios.isAxiosError(err)) err.response?.data.resume();
    throw err;
  }
}`,
        },
        {
          name: 'axios: without responseType stream axios read the error body itself',
          code: `
import axios from 'axios';
async function load(url: string) {
  try {
    const res = await axios.get(url);
    return res.data;
  } catch {
    return null;
  }
}`,
        },
        {
          name: 'axios: a custom validateStatus picks which statuses reject, which is not followed',
          code: `
import axios from 'axios';
async function save(url: string, out: NodeJS.WritableStream) {
  try {
    const res = await axios.get(url, { responseType: 'stream', validateStatus: (status) => status < 500 });
    res.data.pipe(out);
  } catch {
    return;
  }
}`,
        },
        {
          name: 'axios: an interceptor that passes rejections on',
          code: `
import axios from 'axios';
const api = axios.create({ responseType: 'stream' });
api.interceptors.response.use(
  (res) => res,
  (error) => Promise.reject(error),
);`,
        },
        {
          name: 'axios: an interceptor on an instance whose responses axios reads',
          code: `
import axios from 'axios';
const api = axios.create({ baseURL: 'http://localhost:3000' });
api.interceptors.response.use((res) => {
  console.log(res.status);
  return null;
});`,
        },
        {
          name: 'axios: a call on an instance with an interceptor leaves the rejection to the interceptor',
          code: `
import axios from 'axios';
const api = axios.create({ responseType: 'stream' });
api.interceptors.response.use(undefined, (error) => {
  error.response?.data.resume();
  return Promise.reject(error);
});
async function save(path: string, out: NodeJS.WritableStream) {
  try {
    const res = await api.get(path);
    res.data.pipe(out);
  } catch {
    return;
  }
}`,
        },
      ],
      invalid: [
        {
          name: 'ky 1: the catch returns on a 404 with the error body unread',
          code: kyIgnoresNotFound,
          // `error.response` is always there on an `HTTPError`; `?.` costs nothing and is written the same for every rejection.
          output: `
import ky, { HTTPError } from 'ky';
async function findUser(url: string) {
  try {
    return await ky(url).json();
  } catch (error) {
    if (error instanceof HTTPError && error.response.status === 404) {
      await error.response?.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      return null;
    }
    throw error;
  }
}`,
          errors: [{ messageId: 'unconsumedBody', line: 6, column: 12, data: { response: 'the `ky(url)` response (`error.response`)', exit: 'the function returns at line 7' } }],
        },
        {
          name: 'ky 1: a catch without a parameter ignores the error and its response',
          code: `
import ky from 'ky';
async function load(url: string) {
  try {
    return await ky.get(url).json();
  } catch {
    return null;
  }
}`,
          errors: [{ messageId: 'unconsumedBody', line: 6, column: 5, data: { response: 'the `ky.get(url)` response', exit: 'the catch at line 6 ignores it' } }],
        },
        {
          name: 'ky 1: .catch() on the promise chain ignores the error',
          code: `
import ky from 'ky';
function load(url: string) {
  return ky(url).json().catch(() => null);
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 4,
              column: 31,
              data: { response: 'the `ky(url)` response', exit: 'the callback at line 4 ignores it' },
              // The handler gets the error: a timeout or a refused connection carries no response.
              suggestions: [
                {
                  messageId: 'insertDrain',
                  output: `
import ky from 'ky';
function load(url: string) {
  return ky(url).json().catch(async (error) => { await error.response?.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {}); return null; });
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'ky 1: .then(ok, onError) that only logs the status',
          code: `
import ky from 'ky';
function load(url: string) {
  return ky(url).then(
    (res) => res.json(),
    (error) => {
      console.warn(error.response?.status);
      return null;
    },
  );
}`,
          errors: [
            {
              messageId: 'unconsumedBody',
              line: 6,
              column: 6,
              data: { response: 'the `ky(url)` response (`error.response`)', exit: 'the callback returns at line 8' },
              // A suggestion: the handler cannot wait for the drain, so the result no longer waits either.
              suggestions: [
                {
                  messageId: 'insertDrain',
                  output: `
import ky from 'ky';
function load(url: string) {
  return ky(url).then(
    (res) => res.json(),
    (error) => {
      console.warn(error.response?.status);
      void error.response?.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      return null;
    },
  );
}`,
                },
              ],
            },
          ],
        },
        {
          name: 'ky 1: a retry loop that continues past the failed attempt',
          code: `
import ky from 'ky';
async function load(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await ky(url).json();
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
  return null;
}`,
          errors: [{ messageId: 'unconsumedBody', line: 7, column: 14, data: { response: 'the `ky(url)` response (`error.response`)', exit: 'the block ends at line 9' } }],
        },
        {
          name: 'axios: the catch returns on a 404 with the error stream unread',
          code: `
import axios from 'axios';
async function download(url: string, out: NodeJS.WritableStream) {
  try {
    const res = await axios.get(url, { responseType: 'stream' });
    res.data.pipe(out);
    return true;
  } catch (err) {
    if (axios.isAxiosError(err) && err.response?.status === 404) return false;
    throw err;
  }
}`,
          output: `
import axios from 'axios';
async function download(url: string, out: NodeJS.WritableStream) {
  try {
    const res = await axios.get(url, { responseType: 'stream' });
    res.data.pipe(out);
    return true;
  } catch (err) {
    if (axios.isAxiosError(err) && err.response?.status === 404) {
      err.response?.data.resume();
      setTimeout(() => err.response?.data.destroy(), 1000).unref();
      return false;
    }
    throw err;
  }
}`,
          errors: [{ messageId: 'unconsumedBody', line: 8, column: 12, data: { response: 'the `axios.get(…)` response (`err.response`)', exit: 'the function returns at line 9' } }],
        },
        {
          name: 'axios: a catch that only logs',
          code: `
import axios from 'axios';
async function download(url: string, out: NodeJS.WritableStream) {
  try {
    const { data } = await axios({ url, responseType: 'stream' });
    data.pipe(out);
  } catch (err) {
    console.error('download failed', err);
  }
}`,
          errors: [{ messageId: 'unconsumedBody', line: 7, column: 12, data: { response: 'the `axios(…)` response (`err.response`)', exit: 'the block ends at line 9' } }],
        },
        {
          name: 'axios: an interceptor that retries a 401 leaves the first stream unread',
          code: `
import axios from 'axios';
const api = axios.create({ responseType: 'stream' });
api.interceptors.response.use(undefined, (error) => {
  if (error.response?.status === 401) return api.request(error.config);
  return Promise.reject(error);
});`,
          output: `
import axios from 'axios';
const api = axios.create({ responseType: 'stream' });
api.interceptors.response.use(undefined, (error) => {
  if (error.response?.status === 401) {
    error.response?.data.resume();
    setTimeout(() => error.response?.data.destroy(), 1000).unref();
    return api.request(error.config);
  }
  return Promise.reject(error);
});`,
          errors: [{ messageId: 'unconsumedBody', line: 4, column: 43, data: { response: 'the axios response `error.response`', exit: 'the callback returns at line 5' } }],
        },
        {
          name: 'axios: an interceptor that replaces the stream responses this file asks for',
          code: `
import axios from 'axios';
axios.interceptors.response.use((res) => {
  console.log(res.status);
  return null;
});
async function save(url: string, out: NodeJS.WritableStream) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.pipe(out);
}`,
          output: `
import axios from 'axios';
axios.interceptors.response.use((res) => {
  console.log(res.status);
  res.data.resume();
  setTimeout(() => res.data.destroy(), 1000).unref();
  return null;
});
async function save(url: string, out: NodeJS.WritableStream) {
  const res = await axios.get(url, { responseType: 'stream' });
  res.data.pipe(out);
}`,
          errors: [{ messageId: 'unconsumedBody', line: 3, column: 34, data: { response: 'the axios response `res`', exit: 'the callback returns at line 5' } }],
        },
      ],
    },
    typedOnly: {
      valid: [
        {
          name: 'ky: a wrapper typed to return KyResponse may configure what it rejects with',
          code: `
import ky, { type KyResponse } from 'ky';
const api = ky.create({ hooks: { beforeError: [async (error) => { await error.response.body?.cancel(); return error; }] } });
function get(path: string): Promise<KyResponse> {
  return api.get(path);
}
async function load(path: string) {
  try {
    return await (await get(path)).json();
  } catch {
    return null;
  }
}`,
        },
      ],
      invalid: [],
    },
  },
  'no-undrained-close': {
    both: {
      valid: [
        {
          name: 'ky 1: cancelling the error body is the error-path release',
          code: `
import ky, { HTTPError } from 'ky';
async function load(url: string) {
  try {
    return await ky(url).json();
  } catch (error) {
    if (error instanceof HTTPError) await error.response.body?.cancel();
    return null;
  }
}`,
        },
      ],
      invalid: [
        {
          name: 'axios: destroying the error stream throws the connection away at any size',
          code: `
import axios from 'axios';
async function download(url: string, out: NodeJS.WritableStream) {
  try {
    const res = await axios.get(url, { responseType: 'stream' });
    res.data.pipe(out);
  } catch (err) {
    if (axios.isAxiosError(err)) err.response?.data.destroy();
    throw err;
  }
}`,
          errors: [
            {
              messageId: 'destroyUnread',
              line: 8,
              column: 34,
              suggestions: [
                {
                  messageId: 'drainInstead',
                  output: `
import axios from 'axios';
async function download(url: string, out: NodeJS.WritableStream) {
  try {
    const res = await axios.get(url, { responseType: 'stream' });
    res.data.pipe(out);
  } catch (err) {
    if (axios.isAxiosError(err)) {
      err.response?.data.resume();
      setTimeout(() => err.response?.data.destroy(), 1000).unref();
    }
    throw err;
  }
}`,
                },
              ],
            },
          ],
        },
      ],
    },
  },
});
