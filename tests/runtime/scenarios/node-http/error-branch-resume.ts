/**
 * Correct error branch: the server answers 500 and the callback resumes the message before
 * rejecting, so the body is read and discarded and the socket goes back to the agent.
 * @rule-expect none
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
