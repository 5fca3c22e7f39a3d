/**
 * Error branch that cancels the body, as undici's documentation recommends: the server answers
 * 500. A small error document has arrived already and the connection survives the cancel; a
 * 1 MiB one is reset. `recommended` accepts the cancel (the size sweep measures 16 KiB as the
 * size from which a cancel costs the connection); `strict` reports it.
 * @runtime-expect close: cancelling on an established error status is the documented release; error documents are small, and only an oversized one costs its connection
 * @rule-expect none
 */
interface Order {
  id: string;
}

export default async function loadOrder(base: string): Promise<Order> {
  const res = await fetch(`${base}/status/500/orders/42`);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`GET /orders/42: ${res.status}`);
  }
  return (await res.json()) as Order;
}
