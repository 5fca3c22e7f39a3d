/**
 * Close after headers with axios streams: the stream is destroyed unread, which destroys its
 * socket at any size.
 * @rule-expect drain/no-undrained-close destroyUnread 14:3
 * @rule-suggest drainInstead 14 = res.data.resume();
 * @rule-suggest-also 15 + setTimeout(() => res.data.destroy(), 1000).unref();
 */
import type * as http from 'node:http';
import axios from 'axios';

export default async function reportExists(base: string, agent: http.Agent): Promise<boolean> {
  const res = await axios.get(`${base}/reports/latest`, { responseType: 'stream', httpAgent: agent });
  const exists = res.status === 200;
  res.data.destroy();
  return exists;
}
