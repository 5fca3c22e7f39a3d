/**
 * Never-read got stream: the code waits for the `response` event, looks at the status and leaves
 * the stream unread. It keeps its socket, at any size.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 26:18
 * @rule-fix 28 + stream.resume();
 * @rule-fix 28 + setTimeout(() => stream.destroy(), 1000).unref();
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

export default async function isHealthy(base: string, agent: http.Agent): Promise<boolean> {
  const stream = got.stream(`${base}/health`, { agent: { http: agent }, retry: { limit: 0 } });
  const statusCode = await statusOf(stream);
  return statusCode === 200;
}
