// A project's own wrapper typed `Promise<Response>`: with type information the plugin treats its
// callers as owning the response. `apiFetch` hands the response back, which is fine; `deleteItem`
// only looks at the status.
// expect: drain/no-unconsumed-body at 16:21

const BASE_URL = process.env.API_URL ?? 'http://127.0.0.1:8080';

export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(path, BASE_URL), {
    ...init,
    headers: { accept: 'application/json', ...init.headers },
  });
}

export async function deleteItem(id: string): Promise<boolean> {
  const res = await apiFetch(`/items/${encodeURIComponent(id)}`, { method: 'DELETE' });
  return res.status === 204 || res.status === 200;
}

export async function listItems(): Promise<string[]> {
  const res = await apiFetch('/items');
  if (!res.ok) throw new Error(`list failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as string[];
}
