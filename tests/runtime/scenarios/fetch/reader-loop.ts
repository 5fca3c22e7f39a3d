/**
 * A reader loop: `read()` until `done` takes every chunk, so the connection goes back to the pool;
 * the rule stays silent.
 * @rule-expect none
 */
export default async function count(base: string): Promise<number> {
  const res = await fetch(`${base}/file`);
  const reader = res.body!.getReader();
  let bytes = 0;
  let done = false;
  while (!done) {
    const chunk = await reader.read();
    done = chunk.done;
    bytes += chunk.value?.length ?? 0;
  }
  return bytes;
}
