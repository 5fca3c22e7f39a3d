/**
 * Error-branch leak: throws on a non-200 status before the body is read. The server answers 500,
 * so every call leaves by the `throw` with the error body unread.
 * `statusCode` is destructured with the body; the fix drains `body` (a `dump()` with a limit
 * that 1 MiB fits in) before the exit.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 19:38
 * @rule-fix 20 = if (statusCode !== 200) {
 * @rule-fix 21 +   await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 21 +   throw new Error(String(statusCode));
 * @rule-fix 21 + }
 */
import { request } from 'undici';

interface Order {
  id: string;
}

export default async function loadOrder(base: string): Promise<Order> {
  const { statusCode, body } = await request(`${base}/status/500/orders/42`);
  if (statusCode !== 200) throw new Error(String(statusCode));
  return (await body.json()) as Order;
}
