import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dependencyMajor, lowestMajor } from '../../lib/dependency-version.js';

describe('lowestMajor', () => {
  it.each([
    ['1.14.3', 1],
    ['^2.0.0', 2],
    ['~1.14', 1],
    ['>=1.2 <3', 1],
    ['<3', 0],
    ['2.x', 2],
    ['^1.0.0 || ^2.0.0', 1],
    ['workspace:^2.1.0', 2],
    ['npm:ky@^2.0.0', 2],
  ])('%s allows major %i at the lowest', (range, major) => {
    expect(lowestMajor(range)).toBe(major);
  });

  it.each(['*', 'latest', 'file:../ky', 'github:sindresorhus/ky#v2.0.0'])('%s names no version', (range) => {
    expect(lowestMajor(range)).toBeUndefined();
  });
});

describe('dependencyMajor', () => {
  // Fresh names, so the per-directory cache of other tests never answers for these folders.
  const root = mkdtempSync(path.join(tmpdir(), 'drain-version-'));
  const write = (file: string, json: unknown): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), JSON.stringify(json));
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads the installed copy that Node would resolve from the directory', () => {
    write('installed/node_modules/ky/package.json', { name: 'ky', version: '1.14.3' });
    write('installed/package.json', { dependencies: { ky: '^2.0.0' } });
    mkdirSync(path.join(root, 'installed/src/deep'), { recursive: true });
    expect(dependencyMajor('ky', path.join(root, 'installed/src/deep'))).toBe(1);
  });

  it('falls back to the nearest package.json that depends on it', () => {
    write('declared/package.json', { devDependencies: { ky: '~2.1.0' } });
    mkdirSync(path.join(root, 'declared/src'), { recursive: true });
    expect(dependencyMajor('ky', path.join(root, 'declared/src'))).toBe(2);
  });

  it('a workspace package that declares it wins over a copy hoisted above it', () => {
    write('mono/node_modules/ky/package.json', { name: 'ky', version: '1.2.0' });
    write('mono/packages/app/package.json', { dependencies: { ky: '^2.0.0' } });
    expect(dependencyMajor('ky', path.join(root, 'mono/packages/app'))).toBe(2);
  });

  it('is undefined when nothing above the directory names the package', () => {
    mkdirSync(path.join(root, 'none/src'), { recursive: true });
    expect(dependencyMajor('a-package-nobody-installs', path.join(root, 'none/src'))).toBeUndefined();
  });
});
