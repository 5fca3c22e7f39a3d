/**
 * Correct: the body is read on every path, as JSON on success and as text for the error message.
 * @rule-expect none
 */
import type { Agent } from 'node:http';
import fetch from 'node-fetch';

interface Order {
  id: string;
}

export default async function loadOrder(base: string, agent: Agent): Promise<Order> {
  const res = await fetch(`${base}/orders/42`, { agent });
  if (!res.ok) throw new Error(`GET /orders/42: ${res.status} ${await res.text()}`);
  return (await res.json()) as Order;
}
