// Retry without reading: a 5xx answer goes round the loop again with its body unread, so each retry
// opens a fresh connection while the failed ones stay held.
// expect: drain/no-unconsumed-body at 13:23

import { setTimeout as sleep } from 'node:timers/promises';

export class UpstreamUnavailable extends Error {}

export async function fetchWithRetry(url: string, attempts = 4): Promise<string> {
  let lastStatus = 0;
  for (let attempt = 0; attempt < attempts; attempt++) {
    // The retried request is the one that leaks, not the final read below.
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (res.status >= 500) {
      lastStatus = res.status;
      await sleep(100 * 2 ** attempt);
      await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
      continue;
    }
    return res.text();
  }
  throw new UpstreamUnavailable(`${url} still answered ${lastStatus} after ${attempts} attempts`);
}
