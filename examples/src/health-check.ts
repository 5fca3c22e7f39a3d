// Status-only health check: a GET whose body nobody reads holds a connection per probe. The same
// probe as a HEAD request has no body, so `isReachable` is fine.
// expect: drain/no-unconsumed-body at 8:10

const TIMEOUT_MS = 2_000;

export function isHealthy(baseUrl: string): Promise<boolean> {
  return fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then((res) => res.ok);
}

export async function isReachable(baseUrl: string): Promise<boolean> {
  const res = await fetch(baseUrl, { method: 'HEAD', signal: AbortSignal.timeout(TIMEOUT_MS) });
  return res.ok;
}
