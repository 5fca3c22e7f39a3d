/**
 * A transport picked at run time: `https` or `http` by the URL's protocol, as code that talks to
 * both writes it. A 404 means "no such user", so the callback resolves and returns before reading
 * the body; the server answers 404, so every call takes that return. Without type information the
 * rules know the transport because both modules it may be make `node:http` responses.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 21:5
 * @rule-fix 25 + res.resume();
 * @rule-fix 25 + setTimeout(() => res.destroy(), 1000).unref();
 */
import * as http from 'node:http';
import * as https from 'node:https';

interface User {
  name: string;
}

export default function findUser(base: string, agent: http.Agent): Promise<User | undefined> {
  const url = new URL(`${base}/status/404/users/42`);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    transport
      .get(url, { agent }, (res) => {
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
