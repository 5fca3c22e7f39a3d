/**
 * Callback that ignores the response: a ping that only wants to know the request went through.
 * The callback takes no parameter, so nothing ever reads the message and the socket stays
 * checked out; the suggestion gives it one and drains it.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 14:5
 * @rule-suggest insertDrain 15 = .get(`${base}/ping`, { agent }, (response) => {
 * @rule-suggest-also 16 + response.resume();
 * @rule-suggest-also 16 + setTimeout(() => response.destroy(), 1000).unref();
 */
import * as http from 'node:http';

export default function ping(base: string, agent: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/ping`, { agent }, () => {
        resolve();
      })
      .on('error', reject);
  });
}
