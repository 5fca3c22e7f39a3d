// node:http done right: the error branch calls `res.resume()` before rejecting, as Node's own docs
// do, so the socket goes back to the agent; the success branch reads the body.
// expect: no reports

import https from 'node:https';

export function getText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(url, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`${url} answered ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let text = '';
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text));
      })
      .on('error', reject);
  });
}
