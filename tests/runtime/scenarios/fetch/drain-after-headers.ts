/**
 * Correct close after headers: only the status matters, so the body is piped into a discarding
 * sink instead of being cancelled. It is read to its end in constant memory and the connection
 * is reused at every size.
 * @rule-expect none
 */
export default async function reportExists(base: string): Promise<boolean> {
  const res = await fetch(`${base}/reports/latest`);
  const exists = res.status === 200;
  await res.body?.pipeTo(new WritableStream());
  return exists;
}
