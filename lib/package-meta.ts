import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Name and version from the package's own `package.json`, found from source or from `dist/`. */
export function readPackageMeta(): { name: string; version: string } {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const parsed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'eslint-plugin-drain' && parsed.version) return { name: parsed.name, version: parsed.version };
    } catch {
      // Not here: keep climbing.
    }
    if (dirname(dir) === dir) throw new Error('eslint-plugin-drain: package.json not found');
  }
}
