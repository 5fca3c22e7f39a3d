/**
 * Correct close after headers: only the status matters, so the message is resumed (read and
 * discarded) instead of destroyed. The socket goes back to the agent at every size.
 * @rule-expect none
 */
import * as http from 'node:http';

export default function reportExists(base: string, agent: http.Agent): Promise<boolean> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/reports/latest`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      })
      .on('error', reject);
  });
}
