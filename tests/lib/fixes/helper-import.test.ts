import { describe, expect, it } from 'vitest';
import { specifierFor } from '../../../lib/fixes/helper-import.js';

/** How `drainWith.module` is written in each file that imports the helper. */
describe('specifierFor', () => {
  it('rewrites a path from the working directory relative to the file', () => {
    expect(specifierFor('./src/http/consume.js', '/repo', '/repo/src/api/users.ts')).toBe('../http/consume.js');
  });

  it('keeps ./ for a module in the same folder', () => {
    expect(specifierFor('./src/http/consume.js', '/repo', '/repo/src/http/client.ts')).toBe('./consume.js');
  });

  it('takes a file name relative to the working directory too', () => {
    expect(specifierFor('../shared/consume', '/repo/app', 'src/index.ts')).toBe('../../shared/consume');
  });

  it('leaves package names and aliases as they are', () => {
    expect(specifierFor('@acme/http', '/repo', '/repo/src/a.ts')).toBe('@acme/http');
    expect(specifierFor('#http/consume', '/repo', '/repo/src/a.ts')).toBe('#http/consume');
  });
});
