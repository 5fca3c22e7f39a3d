/**
 * Correct error branch: the server answers 500 and the code reads the error document into the
 * thrown message, so the connection goes back to the pool.
 * @rule-expect none
 */
import { request } from 'undici';

interface Order {
  id: string;
}

export default async function loadOrder(base: string): Promise<Order> {
  const { statusCode, body } = await request(`${base}/status/500/orders/42`);
  if (statusCode !== 200) throw new Error(`GET /orders/42: ${statusCode} ${await body.text()}`);
  return (await body.json()) as Order;
}
