/**
 * Early return with a got stream, error statuses let through (`throwHttpErrors: false`): a 404
 * returns before the stream is read. The server answers 404.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 29:18
 * @rule-fix 31 = if (statusCode === 404) {
 * @rule-fix 32 +   stream.resume();
 * @rule-fix 32 +   setTimeout(() => stream.destroy(), 1000).unref();
 * @rule-fix 32 +   return undefined;
 * @rule-fix 32 + }
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

export default async function fileSize(base: string, agent: http.Agent): Promise<number | undefined> {
  const stream = got.stream(`${base}/status/404/files/1`, { agent: { http: agent }, retry: { limit: 0 }, throwHttpErrors: false });
  const statusCode = await statusOf(stream);
  if (statusCode === 404) return undefined;
  let total = 0;
  for await (const chunk of stream) total += (chunk as Buffer).length;
  return total;
}
