/**
 * Retry loop with node-fetch: on 503 the loop `continue`s with the body unread, twice per call.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 15:23
 * @rule-fix 16 = if (res.status === 503) {
 * @rule-fix 17 +   res.body?.resume();
 * @rule-fix 17 +   setTimeout(() => (res.body as import('node:stream').Readable | null)?.destroy(), 1000).unref();
 * @rule-fix 17 +   continue;
 * @rule-fix 17 + }
 */
import type * as http from 'node:http';
import fetch from 'node-fetch';

export default async function loadWithRetry(base: string, agent: http.Agent): Promise<string | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = await fetch(`${base}/status/503/items`, { agent });
    if (res.status === 503) continue;
    return res.text();
  }
  return undefined;
}
