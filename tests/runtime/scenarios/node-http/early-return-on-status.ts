/**
 * Early return: a 404 means "no such user", so the response callback resolves and returns before
 * the body is read. The server answers 404, so every call takes that return.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 16:5
 * @rule-fix 20 + res.resume();
 * @rule-fix 20 + setTimeout(() => res.destroy(), 1000).unref();
 */
import * as http from 'node:http';

interface User {
  name: string;
}

export default function findUser(base: string, agent: http.Agent): Promise<User | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/status/404/users/42`, { agent }, (res) => {
        if (res.statusCode === 404) {
          resolve(undefined);
          return;
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(JSON.parse(text) as User));
      })
      .on('error', reject);
  });
}
