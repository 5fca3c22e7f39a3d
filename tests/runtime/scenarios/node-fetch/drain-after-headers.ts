/**
 * Correct close after headers: only the status matters, so the body stream is resumed (read and
 * discarded) instead of destroyed. The socket goes back to the agent at every size.
 * @rule-expect none
 */
import type { Agent } from 'node:http';
import fetch from 'node-fetch';

export default async function reportExists(base: string, agent: Agent): Promise<boolean> {
  const res = await fetch(`${base}/reports/latest`, { agent });
  res.body?.resume();
  return res.status === 200;
}
