/**
 * Error-branch leak: throws on a non-200 status before the body is read. The server answers 500,
 * so every call leaves by the `throw` with the error body unread.
 * `statusCode` is destructured with the body; the rules follow tests on it like `res.statusCode`,
 * so the fix is the error-path drain.
 * @runtime-expect-fixed close: the fix is the error-path release undici documents for `request()`
 * ("Conditionally reading the body": `await body.dump()` when the status is not the one wanted).
 * `dump()` reads at most 128 KiB, so a small error document keeps its connection; only the 1 MiB
 * one (this server sends error bodies at full size) is closed.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 20:38
 * @rule-fix 21 = if (statusCode !== 200) { await body.dump(); throw new Error(String(statusCode)); }
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
