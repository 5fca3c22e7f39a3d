// Error-branch leak: a non-2xx status throws before anything reads the body, so every failed call
// keeps its connection checked out (undici only gives it back when the Response is collected).
// expect: drain/no-unconsumed-body at 19:21

const API = 'https://api.github.com';

export interface Repository {
  full_name: string;
  stargazers_count: number;
  default_branch: string;
}

export async function getRepository(owner: string, name: string, token: string): Promise<Repository> {
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${token}`,
    'x-github-api-version': '2022-11-28',
  };
  const res = await fetch(`${API}/repos/${owner}/${name}`, { headers });
  if (!res.ok) {
    await res.body?.pipeTo(new WritableStream(), { signal: AbortSignal.timeout(1000) }).catch(() => {});
    throw new Error(`GitHub answered ${res.status} ${res.statusText} for ${owner}/${name}`);
  }
  return (await res.json()) as Repository;
}
