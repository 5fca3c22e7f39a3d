/**
 * Only the headers are wanted: the `'response'` listener takes the content length and destroys the
 * stream, which throws the socket away at any size (a new connection per call). Resuming the
 * stream instead reads the body to its end and keeps the connection.
 * @rule-expect drain/no-undrained-close destroyUnread 17:7
 * @rule-suggest drainInstead 17 = stream.resume();
 * @rule-suggest-also 18 + setTimeout(() => stream.destroy(), 1000).unref();
 */
import got from 'got';
import type { Agent } from 'node:http';

export default function contentLength(base: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = got.stream(`${base}/files/7`, { agent: { http: agent } });
    stream.on('error', reject);
    stream.on('response', (res) => {
      stream.destroy();
      resolve(Number(res.headers['content-length']));
    });
  });
}
