/**
 * Correct error branch: the server answers 500 and the code reads the error document into the
 * thrown message, so the socket goes back to the agent.
 * @rule-expect none
 */
import type { Agent } from 'node:http';
import fetch from 'node-fetch';

interface Order {
  id: string;
}

export default async function loadOrder(base: string, agent: Agent): Promise<Order> {
  const res = await fetch(`${base}/status/500/orders/42`, { agent });
  if (!res.ok) throw new Error(`GET /orders/42: ${res.status} ${await res.text()}`);
  return (await res.json()) as Order;
}
