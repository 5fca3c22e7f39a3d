/** Size-sweep probe for `node:http`: the message left unread, or destroyed. */
import * as http from 'node:http';

const held: http.IncomingMessage[] = [];

function get(base: string, agent: http.Agent): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http.get(`${base}/sweep`, { agent }, resolve).on('error', reject);
  });
}

export async function unread(base: string, agent: http.Agent): Promise<void> {
  const res = await get(base, agent);
  // The server closes held sockets at the end of each size: that aborts the message.
  res.on('error', () => {});
  held.push(res);
}

export async function closed(base: string, agent: http.Agent): Promise<void> {
  const res = await get(base, agent);
  res.destroy();
}
