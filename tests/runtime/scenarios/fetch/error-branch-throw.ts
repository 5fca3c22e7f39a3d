/**
 * Error-branch leak: throws on a non-2xx status before the body is read. The server answers 500,
 * so every call leaves by the `throw` with the error body unread.
 * @runtime-expect-fixed close: the fix is the error-path release undici documents ("consume or
 * cancel the response body"): on a path that has seen an error status it inserts
 * `res.body?.cancel()`. Error documents are small and arrive with the headers, so at 64 B the
 * connection survives; only the 1 MiB one (this server sends error bodies at full size) is reset.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 16:21
 * @rule-fix 17 = if (!res.ok) { await res.body?.cancel(); throw new Error(String(res.status)); }
 */
interface Order {
  id: string;
}

export default async function loadOrder(base: string): Promise<Order> {
  const res = await fetch(`${base}/status/500/orders/42`);
  if (!res.ok) throw new Error(String(res.status));
  return (await res.json()) as Order;
}
