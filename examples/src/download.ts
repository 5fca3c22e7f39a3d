// Streaming download done right: the error branch reads the (small) error body into the message,
// and the success path streams the body to disk, so every path consumes it.
// expect: no reports

import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function download(url: string, destination: string): Promise<void> {
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`download of ${url} failed: ${res.status} ${await res.text()}`);
  }
  if (res.body === null) {
    throw new Error(`download of ${url} returned no body`);
  }
  await pipeline(Readable.fromWeb(res.body), createWriteStream(destination));
}
