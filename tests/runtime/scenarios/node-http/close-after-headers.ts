/**
 * Close after headers: only the status matters, so the message is destroyed unread. That destroys
 * the socket: one new connection per call, at any body size.
 * @rule-expect drain/no-undrained-close destroyUnread 14:9
 * @rule-suggest drainInstead 14 = res.resume();
 * @rule-suggest-also 15 + setTimeout(() => res.destroy(), 1000).unref();
 */
import * as http from 'node:http';

export default function reportExists(base: string, agent: http.Agent): Promise<boolean> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/reports/latest`, { agent }, (res) => {
        res.destroy();
        resolve(res.statusCode === 200);
      })
      .on('error', reject);
  });
}
