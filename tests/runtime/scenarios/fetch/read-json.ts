/**
 * Correct: the body is read on every path, as JSON on success and as text for the error message.
 * @rule-expect none
 */
interface Order {
  id: string;
}

export default async function loadOrder(base: string): Promise<Order> {
  const res = await fetch(`${base}/orders/42`);
  if (!res.ok) throw new Error(`GET /orders/42: ${res.status} ${await res.text()}`);
  return (await res.json()) as Order;
}
