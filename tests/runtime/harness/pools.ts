import * as http from 'node:http';
import { Agent, getGlobalDispatcher, setGlobalDispatcher } from 'undici';

/** The bounded connection pools every scenario runs with, so a held connection becomes a stall. */
export interface BoundedPools {
  /** For node:http and node-fetch scenarios, which take it as their second argument. */
  readonly httpAgent: http.Agent;
  close(): Promise<void>;
}

/**
 * Caps both of Node's pools at `size` connections per origin. undici 7's `setGlobalDispatcher`
 * writes the global symbol that Node 20's bundled undici 6 also reads, so it bounds the global
 * `fetch` as well as `undici.request` (RUNTIME-FACTS.md; `assertGlobalFetchBounded` proves it).
 */
export function installBoundedPools(size: number): BoundedPools {
  const dispatcher = new Agent({ connections: size });
  const previous = getGlobalDispatcher();
  setGlobalDispatcher(dispatcher);
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: size });
  return {
    httpAgent,
    async close() {
      setGlobalDispatcher(previous);
      httpAgent.destroy();
      // `destroy`, not `close`: `close` waits for requests that a leaking scenario never finishes.
      await dispatcher.destroy();
    },
  };
}

/**
 * Fails unless Node's global `fetch` queues behind the pool installed above: with a pool of
 * `size`, holding `size` unread responses must make the next `fetch` wait. Without this the fetch
 * scenarios would run on the unbounded default pool and a leak would pile up instead of stall.
 */
export async function assertGlobalFetchBounded(base: string, size: number, timeoutMs: number): Promise<void> {
  const held: Response[] = [];
  for (let i = 0; i < size; i += 1) held.push(await fetch(base));
  const next = fetch(base).then((res) => res.arrayBuffer());
  const queued = await Promise.race([next.then(() => false), delay(timeoutMs / 4).then(() => true)]);
  await Promise.all(held.map((res) => res.arrayBuffer()));
  await next;
  if (!queued) throw new Error(`global fetch is not bounded by undici's setGlobalDispatcher (pool of ${size})`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
