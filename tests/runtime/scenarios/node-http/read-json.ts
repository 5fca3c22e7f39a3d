/**
 * Correct: the message is read to its end on success, and resumed (read and discarded) on error.
 * @rule-expect none
 */
import * as http from 'node:http';

interface Order {
  id: string;
}

export default function loadOrder(base: string, agent: http.Agent): Promise<Order> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/orders/42`, { agent }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
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
