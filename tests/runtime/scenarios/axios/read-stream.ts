/**
 * Correct: the stream is read to its end on every path, and the socket goes back to the agent.
 * @rule-expect none
 */
import type * as http from 'node:http';
import axios from 'axios';

export default async function countBytes(base: string, agent: http.Agent): Promise<number> {
  const res = await axios.get(`${base}/reports/1`, { responseType: 'stream', httpAgent: agent });
  let total = 0;
  for await (const chunk of res.data) total += (chunk as Buffer).length;
  return total;
}
