/**
 * Correct error branch: the server answers 500 and the code reads the error document into the
 * thrown message, so the connection goes back to the pool.
 * @rule-expect none
 */
interface Order {
  id: string;
}

export default async function loadOrder(base: string): Promise<Order> {
  const res = await fetch(`${base}/status/500/orders/42`);
  if (!res.ok) throw new Error(`GET /orders/42: ${res.status} ${await res.text()}`);
  return (await res.json()) as Order;
}
