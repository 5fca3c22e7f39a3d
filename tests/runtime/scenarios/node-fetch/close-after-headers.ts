/**
 * Close after headers: only the status matters, so the request is aborted once the response is
 * in, which destroys the unread body. A 64 B body has already arrived and its socket survives; a
 * 1 MiB body costs its socket, one new connection per call.
 * @rule-expect drain/no-undrained-close cancelUnread 17:3
 * @rule-suggest drainInstead 17 = res.body?.resume();
 * @rule-suggest-also 18 + setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
 * @rule-suggest useHead 15 = const res = await fetch(`${base}/reports/latest`, { method: 'HEAD', agent, signal: controller.signal });
 */
import type { Agent } from 'node:http';
import fetch from 'node-fetch';

export default async function reportExists(base: string, agent: Agent): Promise<boolean> {
  const controller = new AbortController();
  const res = await fetch(`${base}/reports/latest`, { agent, signal: controller.signal });
  const exists = res.status === 200;
  controller.abort();
  return exists;
}
