/**
 * Deliberate close: a preview reads bodies up to 64 KiB and cancels larger ones after checking
 * `content-length`. The 64 B body is read; the 1 MiB body is cancelled and its connection reset,
 * which is the code's stated choice (a handshake is cheaper than a 1 MiB download it would drop).
 * @runtime-expect close: the code compared content-length with its limit and chose to drop the oversized body
 * @rule-expect none
 */
const MAX_PREVIEW_BYTES = 64 * 1024;

export default async function loadPreview(base: string): Promise<string | null> {
  const res = await fetch(`${base}/files/1`);
  const length = Number(res.headers.get('content-length'));
  if (length > MAX_PREVIEW_BYTES) {
    await res.body?.cancel();
    return null;
  }
  return res.text();
}
