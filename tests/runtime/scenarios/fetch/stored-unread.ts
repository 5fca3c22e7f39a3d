/**
 * Stored unread: a probe keeps its last response in a private field that only its status is read
 * from. The field keeps the response alive and reads nothing, so from 16 KiB on each call keeps its
 * connection checked out, as if the response had been dropped.
 * @rule-expect drain/no-unconsumed-body unconsumedBody 16:23
 * @rule-fix 18 + await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
 */
class Probe {
  #last?: Response;

  get lastStatus(): number | undefined {
    return this.#last?.status;
  }

  async check(url: string): Promise<boolean> {
    const res = await fetch(url);
    this.#last = res;
    return res.ok;
  }
}

const probe = new Probe();

export default async function check(base: string): Promise<boolean> {
  return probe.check(`${base}/health`);
}
