// Cancelling a GET to read only a header: on a large body the cancel resets the connection, so
// every probe opens a new one. A HEAD request asks for the headers alone.
// expect: drain/no-undrained-close at 9:9

export async function currentEtag(url: string): Promise<string | null> {
  const res = await fetch(url);
  const etag = res.headers.get('etag');
  // The body is not wanted, but throwing it away this way also throws away the connection.
  await res.body?.cancel();
  return etag;
}
