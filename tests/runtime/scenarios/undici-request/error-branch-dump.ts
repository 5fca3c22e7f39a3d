/**
 * Error branch that dumps the body, as undici's documentation recommends: the server answers 500.
 * `dump()` reads up to 128 KiB and then closes, so a small error document keeps the connection
 * and a 1 MiB one costs it.
 * @runtime-expect close: dump() is undici's bounded drain: it reads at most 128 KiB and destroys the rest, a trade-off the code opts into
 * @rule-expect none
 */
import { request } from 'undici';

interface Order {
  id: string;
}

export default async function loadOrder(base: string): Promise<Order> {
  const { statusCode, body } = await request(`${base}/status/500/orders/42`);
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`GET /orders/42: ${statusCode}`);
  }
  return (await body.json()) as Order;
}
