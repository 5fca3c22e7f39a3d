/**
 * Correct: the body is read on every path, as JSON on success and as text for the error message.
 * @rule-expect none
 */
import { request } from 'undici';

interface Order {
  id: string;
}

export default async function loadOrder(base: string): Promise<Order> {
  const { statusCode, body } = await request(`${base}/orders/42`);
  if (statusCode !== 200) throw new Error(`GET /orders/42: ${statusCode} ${await body.text()}`);
  return (await body.json()) as Order;
}
