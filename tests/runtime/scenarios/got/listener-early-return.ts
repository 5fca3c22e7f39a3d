/**
 * A got stream whose `'response'` listener decides what to do with the body once the headers
 * arrive: on a status other than 200 it resolves "not found" and returns, and nothing reads the
 * stream. With `throwHttpErrors: false` got emits `'response'` for the 404 the server answers to
 * every call, and the socket stays checked out at any size.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 16:20
 * @rule-fix 21 + stream.resume();
 * @rule-fix 21 + setTimeout(() => stream.destroy(), 1000).unref();
 */
import got from 'got';
import type { Agent } from 'node:http';
import { Writable } from 'node:stream';

export default function download(base: string, agent: Agent): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const stream = got.stream(`${base}/status/404/files/7`, { throwHttpErrors: false, agent: { http: agent } });
    stream.on('error', reject);
    stream.on('response', (res) => {
      if (res.statusCode !== 200) {
        resolve(null);
        return;
      }
      let size = 0;
      const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => ((size += chunk.length), done()) });
      stream.pipe(sink).on('finish', () => resolve(size));
    });
  });
}
