// undici.request: answering a 404 without reading the body keeps the connection checked out of the
// pool until the body ends, which for an unread body is never: a pool of N stalls after N misses.
// expect: drain/no-unconsumed-body at 16:38

import { Pool } from 'undici';

const pool = new Pool('http://127.0.0.1:9200', { connections: 4 });

export interface Doc {
  _id: string;
  _source: Record<string, unknown>;
}

export async function getDocument(index: string, id: string): Promise<Doc | undefined> {
  const path = `/${encodeURIComponent(index)}/_doc/${encodeURIComponent(id)}`;
  const { statusCode, body } = await pool.request({ method: 'GET', path });
  if (statusCode === 404) {
    await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
    return undefined;
  }
  if (statusCode !== 200) throw new Error(`search answered ${statusCode}: ${await body.text()}`);
  return (await body.json()) as Doc;
}
