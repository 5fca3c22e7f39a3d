// Parallel requests whose statuses are compared and whose bodies are never read: both responses
// hold their connections after the function returns.
// expect: drain/no-unconsumed-body at 13:5
// expect: drain/no-unconsumed-body at 14:5

export interface MirrorStatus {
  primary: number;
  mirror: number;
}

export async function compareMirrors(path: string): Promise<MirrorStatus> {
  const [primary, mirror] = await Promise.all([
    fetch(`https://registry.example.com${path}`),
    fetch(`https://mirror.example.com${path}`),
  ]);
  await primary.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  await mirror.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
  return { primary: primary.status, mirror: mirror.status };
}
