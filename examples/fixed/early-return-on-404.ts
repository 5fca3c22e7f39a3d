// node-fetch: returning early on 404 leaves the error page unread. node-fetch has no finaliser, so
// the socket stays held until the process ends.
// expect: drain/no-unconsumed-body at 14:21

import fetch from 'node-fetch';

export interface Package {
  name: string;
  'dist-tags': Record<string, string>;
}

export async function findPackage(name: string): Promise<Package | undefined> {
  const url = `https://registry.npmjs.org/${encodeURIComponent(name)}`;
  const res = await fetch(url);
  if (res.status === 404) {
    res.body?.resume();
    setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
    return undefined;
  }
  if (!res.ok) throw new Error(`registry answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Package;
}
