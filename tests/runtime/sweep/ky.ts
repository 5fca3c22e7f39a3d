/** Size-sweep probe for ky 1 (the runtime's fetch underneath): the body left unread, or cancelled. */
import ky, { type KyResponse } from 'ky';

const held: KyResponse[] = [];

export async function unread(base: string): Promise<void> {
  const res = await ky(`${base}/sweep`, { retry: 0 });
  held.push(res);
}

export async function closed(base: string): Promise<void> {
  const res = await ky(`${base}/sweep`, { retry: 0 });
  await res.body?.cancel();
}
