/**
 * Close after headers: only the status matters, so the body is destroyed unread. That aborts the
 * connection, one new connection per call for large bodies. `destroy()` emits an `error` event
 * (UND_ERR_ABORTED) that crashes the process when nobody listens, hence the listener.
 * @rule-expect drain/no-undrained-close destroyUnread 13:3
 * @rule-suggest drainInstead 13 = await body.dump({ limit: 2 * 1024 * 1024, signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
import { request } from 'undici';

export default async function reportExists(base: string): Promise<boolean> {
  const { statusCode, body } = await request(`${base}/reports/latest`);
  body.on('error', () => {});
  body.destroy();
  return statusCode === 200;
}
