/**
 * Error-branch leak: throws on a non-2xx status before the body is read. The server answers 500,
 * so every call leaves by the `throw` with the error body unread.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 19:21
 * @rule-fix 20 = if (!res.ok) {
 * @rule-fix 21 +   res.body?.resume();
 * @rule-fix 21 +   setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
 * @rule-fix 21 +   throw new Error(String(res.status));
 * @rule-fix 21 + }
 */
import type { Agent } from 'node:http';
import fetch from 'node-fetch';

interface Order {
  id: string;
}

export default async function loadOrder(base: string, agent: Agent): Promise<Order> {
  const res = await fetch(`${base}/status/500/orders/42`, { agent });
  if (!res.ok) throw new Error(String(res.status));
  return (await res.json()) as Order;
}
