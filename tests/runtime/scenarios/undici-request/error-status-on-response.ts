/**
 * Error-branch leak, with the status read on the response object rather than destructured: the
 * server answers 500 and the code throws before `res.body` is read. Here the rules see the error
 * test, so the fix is the error-path drain.
 * @runtime-expect-fixed close: the fix is the error-path release undici documents for `request()`
 * ("Conditionally reading the body": `await body.dump()` when the status is not the one wanted).
 * `dump()` reads at most 128 KiB and closes at once when content-length says more, so a small
 * error document keeps its connection; only the 1 MiB one (this server sends error bodies at full
 * size) is closed.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 20:21
 * @rule-fix 21 = if (res.statusCode !== 200) { await res.body.dump(); throw new Error(String(res.statusCode)); }
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
