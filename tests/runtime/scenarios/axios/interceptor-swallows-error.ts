/**
 * An interceptor on a stream instance turns a 404 rejection into a `null` result: axios hands it
 * the rejection with the unread stream on `error.response.data`, and nothing reads it after that.
 * The server answers 404 to every call.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 18:45
 * @rule-fix 19 = if (axios.isAxiosError(error) && error.response?.status === 404) {
 * @rule-fix 20 +   error.response?.data.resume();
 * @rule-fix 20 +   setTimeout(() => error.response?.data.destroy(), 1000).unref();
 * @rule-fix 20 +   return { data: null };
 * @rule-fix 20 + }
 */
import axios from 'axios';
import type { Agent } from 'node:http';
import type { Readable } from 'node:stream';

export default async function download(base: string, agent: Agent): Promise<Readable | null> {
  const api = axios.create({ baseURL: base, responseType: 'stream', httpAgent: agent, proxy: false });
  api.interceptors.response.use(undefined, (error) => {
    if (axios.isAxiosError(error) && error.response?.status === 404) return { data: null };
    return Promise.reject(error);
  });
  const res = await api.get('/status/404/files/7');
  const stream = res.data as Readable | null;
  stream?.resume();
  return stream;
}
