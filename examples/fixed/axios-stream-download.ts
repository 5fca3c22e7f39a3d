// axios with `responseType: 'stream'` hands over a Node stream that holds its socket at any size
// until it is read: the size check returns with the stream unread.
// expect: drain/no-unconsumed-body at 12:21

import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import axios from 'axios';

const MAX_BYTES = 50 * 1024 * 1024;

export async function downloadArtifact(url: string, file: string): Promise<boolean> {
  const res = await axios.get(url, { responseType: 'stream' });
  if (Number(res.headers['content-length']) > MAX_BYTES) {
    res.data.resume();
    setTimeout(() => res.data.destroy(), 1000).unref();
    return false;
  }
  await pipeline(res.data, createWriteStream(file));
  return true;
}
