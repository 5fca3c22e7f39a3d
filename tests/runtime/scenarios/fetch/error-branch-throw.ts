/**
 * Error-branch leak: throws on a non-2xx status before the body is read. The server answers 500,
 * so every call leaves by the `throw` with the error body unread.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 15:21
 * @rule-fix 16 = if (!res.ok) {
 * @rule-fix 17 +   await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 17 +   throw new Error(String(res.status));
 * @rule-fix 17 + }
 */
interface Order {
  id: string;
}

export default async function loadOrder(base: string): Promise<Order> {
  const res = await fetch(`${base}/status/500/orders/42`);
  if (!res.ok) throw new Error(String(res.status));
  return (await res.json()) as Order;
}
