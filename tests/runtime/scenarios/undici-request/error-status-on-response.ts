/**
 * Error-branch leak, with the status read on the response object rather than destructured: the
 * server answers 500 and the code throws before `res.body` is read. Here the rules see the error
 * test; the fix drains `res.body` (a `dump()` with a limit that 1 MiB fits in) before the throw.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 18:21
 * @rule-fix 19 = if (res.statusCode !== 200) {
 * @rule-fix 20 +   await res.body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 20 +   throw new Error(String(res.statusCode));
 * @rule-fix 20 + }
 */
import { request } from 'undici';

interface Order {
  id: string;
}

export default async function loadOrder(base: string): Promise<Order> {
  const res = await request(`${base}/status/500/orders/42`);
  if (res.statusCode !== 200) throw new Error(String(res.statusCode));
  return (await res.body.json()) as Order;
}
