/**
 * Close after headers, stream style: node-fetch's body is a Node `Readable` under its
 * `NodeJS.ReadableStream` type, and the code destroys it unread. A 1 MiB body costs its socket,
 * one new connection per call.
 * @rule-expect drain/no-undrained-close cancelUnread 16:3
 * @rule-suggest drainInstead 16 = (res.body as Readable | null)?.resume();
 * @rule-suggest-also 17 + setTimeout(() => (res.body as Readable | null)?.destroy(), 1000).unref();
 * @rule-suggest useHead 15 = const res = await fetch(`${base}/reports/latest`, { method: 'HEAD', agent });
 */
import type { Agent } from 'node:http';
import type { Readable } from 'node:stream';
import fetch from 'node-fetch';

export default async function reportExists(base: string, agent: Agent): Promise<boolean> {
  const res = await fetch(`${base}/reports/latest`, { agent });
  (res.body as Readable | null)?.destroy();
  return res.status === 200;
}
