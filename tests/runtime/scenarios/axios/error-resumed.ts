/**
 * The same 404 as `error-ignored`, but the `catch` resumes the error stream before it answers "not
 * found": the message is read to its end and the socket goes back to the agent.
 * @rule-expect none
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
    if (axios.isAxiosError(err) && err.response?.status === 404) {
      err.response.data.resume();
      return null;
    }
    throw err;
  }
}
