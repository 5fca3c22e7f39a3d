/**
 * axios with `responseType: 'stream'` rejects a 404 (default `validateStatus`) with the unread
 * `IncomingMessage` on `err.response.data`; the `catch` returns "not found" without reading it, so
 * the socket stays checked out at any size. The server answers 404 to every call.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 21:12
 * @rule-fix 22 = if (axios.isAxiosError(err) && err.response?.status === 404) {
 * @rule-fix 23 +   err.response?.data.resume();
 * @rule-fix 23 +   setTimeout(() => err.response?.data.destroy(), 1000).unref();
 * @rule-fix 23 +   return null;
 * @rule-fix 23 + }
 */
import axios from 'axios';
import type { Agent } from 'node:http';

export default async function downloadSize(base: string, agent: Agent): Promise<number | null> {
  try {
    const res = await axios.get(`${base}/status/404/files/7`, { responseType: 'stream', httpAgent: agent, proxy: false });
    let size = 0;
    for await (const chunk of res.data) size += (chunk as Buffer).length;
    return size;
  } catch (err) {
    if (axios.isAxiosError(err) && err.response?.status === 404) return null;
    throw err;
  }
}
