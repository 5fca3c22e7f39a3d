/**
 * Never-read body: a health check that resolves with the status and never touches the
 * `IncomingMessage`. node:http keeps the socket until the message is read or destroyed, at any
 * size, so an agent with `maxSockets: 4` stalls on the fifth call.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 13:5
 * @rule-fix 16 + res.resume();
 * @rule-fix 16 + setTimeout(() => res.destroy(), 1000).unref();
 */
import * as http from 'node:http';

export default function isHealthy(base: string, agent: http.Agent): Promise<boolean> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/health`, { agent }, (res) => {
        resolve(res.statusCode === 200);
      })
      .on('error', reject);
  });
}
