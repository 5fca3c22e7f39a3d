/**
 * Headers only, asked for as such: a HEAD request has no body to read or release.
 * @runtime-expect close: undici sends `Connection: close` on every HEAD request (nodejs/undici#258), so HEAD never reuses a connection whatever the code does
 * @rule-expect none
 */
export default async function reportExists(base: string): Promise<boolean> {
  const res = await fetch(`${base}/reports/latest`, { method: 'HEAD' });
  return res.status === 200;
}
