// Conditional GET with undici's fetch: a 304 has no body, so returning the cached copy there
// leaks nothing; every other status reads the body.
// expect: no reports

import { fetch } from 'undici';

interface Cached {
  etag: string;
  value: unknown;
}

const cache = new Map<string, Cached>();

export async function getJson(url: string): Promise<unknown> {
  const cached = cache.get(url);
  const res = await fetch(url, { headers: cached ? { 'if-none-match': cached.etag } : {} });
  if (cached && res.status === 304) return cached.value;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  const value: unknown = await res.json();
  const etag = res.headers.get('etag');
  if (etag) cache.set(url, { etag, value });
  return value;
}
