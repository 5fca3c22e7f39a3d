import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Per package, the answer for each directory already asked about (`null`: nothing found above it). */
const cache = new Map<string, Map<string, number | null>>();

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * The major version of package `name` that code in `directory` runs with. Walking up from
 * `directory`, the first of these wins: an installed copy (`node_modules/<name>/package.json`,
 * where Node's resolution would find it), or a `package.json` that depends on it (the lowest major
 * its range allows). `undefined` when neither is found. Each directory is read once per process.
 */
export function dependencyMajor(name: string, directory: string): number | undefined {
  let answers = cache.get(name);
  if (!answers) cache.set(name, (answers = new Map()));
  const visited: string[] = [];
  let found: number | null = null;
  for (let dir = path.resolve(directory); ; dir = path.dirname(dir)) {
    const known = answers.get(dir);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(dir);
    const here = installedMajor(name, dir) ?? declaredMajor(name, dir);
    if (here !== undefined) {
      found = here;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of visited) answers.set(dir, found);
  return found ?? undefined;
}

function installedMajor(name: string, dir: string): number | undefined {
  const manifest = readManifest(path.join(dir, 'node_modules', name, 'package.json'));
  return typeof manifest?.version === 'string' ? lowestMajor(manifest.version) : undefined;
}

function declaredMajor(name: string, dir: string): number | undefined {
  const manifest = readManifest(path.join(dir, 'package.json'));
  if (!manifest) return undefined;
  for (const field of DEPENDENCY_FIELDS) {
    const range = (manifest[field] as Record<string, unknown> | undefined)?.[name];
    if (typeof range === 'string') return lowestMajor(range);
  }
  return undefined;
}

function readManifest(file: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    // Missing or unreadable: this directory says nothing.
    return undefined;
  }
}

/**
 * The lowest major a version or range allows: `^2.0.0`, `~1.14`, `>=1.2 <3`, `2.x`, `workspace:^2`,
 * `npm:ky@^2`. `undefined` for ranges without a number (`*`, `latest`, a file or git path).
 */
export function lowestMajor(range: string): number | undefined {
  const spec = range.replace(/^npm:(?:@[^/]+\/)?[^@]+@/, '').replace(/^workspace:/, '');
  if (/^(?:file|link|git|git\+\w+|github|https?):/.test(spec)) return undefined;
  // `<3` alone allows every version below 3, down to 0.
  const alternatives = spec.split('||').map((part) => (part.trim().startsWith('<') ? '0' : /\d+/.exec(part)?.[0]));
  const majors = alternatives.filter((major): major is string => major !== undefined).map(Number);
  return majors.length === alternatives.length && majors.length > 0 ? Math.min(...majors) : undefined;
}
