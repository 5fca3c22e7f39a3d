/** Size-sweep probe for axios 1 with `responseType: 'stream'`: the stream left unread, or destroyed. */
import type * as http from 'node:http';
import type { Readable } from 'node:stream';
import axios, { type AxiosResponse } from 'axios';

const held: AxiosResponse[] = [];

export async function unread(base: string, agent: http.Agent): Promise<void> {
  const res = await axios.get<Readable>(`${base}/sweep`, { responseType: 'stream', httpAgent: agent });
  res.data.on('error', () => {});
  held.push(res);
}

export async function closed(base: string, agent: http.Agent): Promise<void> {
  const res = await axios.get<Readable>(`${base}/sweep`, { responseType: 'stream', httpAgent: agent });
  res.data.destroy();
}
