/**
 * HEAD response left unread: the message has no body, but node:http frees the socket only when
 * the message is read to its (empty) end, so the agent still stalls after `maxSockets` calls.
 * Unlike fetch, a HEAD request does not excuse node:http code from `res.resume()`.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 13:5
 * @rule-fix 16 + res.resume();
 * @rule-fix 16 + setTimeout(() => res.destroy(), 1000).unref();
 */
import * as http from 'node:http';

export default function reportExists(base: string, agent: http.Agent): Promise<boolean> {
  return new Promise((resolve, reject) => {
    http
      .request(`${base}/reports/latest`, { agent, method: 'HEAD' }, (res) => {
        resolve(res.statusCode === 200);
      })
      .on('error', reject)
      .end();
  });
}
