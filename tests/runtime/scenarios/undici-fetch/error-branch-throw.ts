/**
 * Error-branch leak with npm undici's `fetch`: throws on a non-2xx status before the body is read.
 * The server answers 500, so every call leaves by the `throw` with the error body unread.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 13:21
 * @rule-fix 14 = if (!res.ok) {
 * @rule-fix 15 +   await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 * @rule-fix 15 +   throw new Error(String(res.status));
 * @rule-fix 15 + }
 */
import { fetch } from 'undici';

export default async function loadOrder(base: string): Promise<unknown> {
  const res = await fetch(`${base}/status/500/orders/42`);
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}
