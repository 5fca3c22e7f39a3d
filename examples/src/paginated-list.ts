// Pagination done right: each page is read before the loop moves on, and the helper that returns
// the response hands the body to its caller.
// expect: no reports

interface Page<T> {
  items: T[];
  next: string | null;
}

export async function getPage(url: string): Promise<Response> {
  const res = await fetch(url);
  return res;
}

export async function listAll<T>(firstUrl: string): Promise<T[]> {
  const items: T[] = [];
  for (let url: string | null = firstUrl; url !== null; ) {
    const res = await getPage(url);
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as Page<T>;
    items.push(...page.items);
    url = page.next;
  }
  return items;
}
