/**
 * Close after headers with a got stream: once the status is known, the stream is destroyed
 * unread, which destroys its socket at any size.
 * @rule-expect drain/no-undrained-close destroyUnread 28:3
 * @rule-suggest drainInstead 28 = stream.resume();
 * @rule-suggest-also 29 + setTimeout(() => stream.destroy(), 1000).unref();
 */
import type { EventEmitter } from 'node:events';
import type * as http from 'node:http';
import got from 'got';

/** The status from the stream's `response` event; the stream stays in the caller's hands (no closure takes it). */
function statusOf(stream: EventEmitter): Promise<number> {
  let settle: (statusCode: number) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const status = new Promise<number>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  stream.once('response', (response: { statusCode: number }) => settle(response.statusCode));
  stream.once('error', fail);
  return status;
}

export default async function reportExists(base: string, agent: http.Agent): Promise<boolean> {
  const stream = got.stream(`${base}/reports/latest`, { agent: { http: agent }, retry: { limit: 0 } });
  const statusCode = await statusOf(stream);
  stream.destroy();
  return statusCode === 200;
}
