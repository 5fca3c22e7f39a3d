/**
 * Error-branch leak: the response callback rejects on a non-200 status and returns before the
 * body is read. The server answers 500, so every call leaves the message unread.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 16:5
 * @rule-fix 20 + res.resume();
 * @rule-fix 20 + setTimeout(() => res.destroy(), 1000).unref();
 */
import * as http from 'node:http';

interface Order {
  id: string;
}

export default function loadOrder(base: string, agent: http.Agent): Promise<Order> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/status/500/orders/42`, { agent }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(String(res.statusCode)));
          return;
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text) as Order));
      })
      .on('error', reject);
  });
}
