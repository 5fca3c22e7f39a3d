import { installedVersion, packageJson } from './workspace.js';

/** The lowest version a `^x.y.z` / `>=x.y.z` part of `range` for `major` allows, e.g. `('^9.0.0 || ^10.0.0', 9) → '9.0.0'`. */
export function floorOf(range: string, major: number): string {
  for (const part of range.split('||')) {
    const match = /(?:\^|>=|~)?\s*(\d+)\.(\d+)\.(\d+)/.exec(part.trim());
    if (match && Number(match[1]) === major) return `${match[1]}.${match[2]}.${match[3]}`;
  }
  throw new Error(`no ${major}.x in "${range}"`);
}

/** The consumer environments the integration tests install, from what package.json promises. */
export function environments() {
  const pkg = packageJson();
  // The versions `npm ci` installed here: what the unit tests run against.
  const current = {
    eslint: installedVersion('eslint'),
    'typescript-eslint': installedVersion('typescript-eslint'),
    typescript: installedVersion('typescript'),
    '@types/node': installedVersion('@types/node'),
  };
  // The lowest versions the peer ranges and our own dependency accept (typescript-eslint ships the
  // @typescript-eslint/utils we depend on). TypeScript's x.y.0 is often unpublished: take the x.y line.
  const floor = {
    eslint: floorOf(pkg.peerDependencies['eslint']!, 9),
    'typescript-eslint': floorOf(pkg.dependencies['@typescript-eslint/utils']!, 8),
    typescript: `~${floorOf(pkg.peerDependencies['typescript']!, 5)}`,
    '@types/node': current['@types/node'],
  };
  return {
    current,
    /** ESLint 9 users: the last 9.x with today's TypeScript tooling. */
    eslint9: { ...current, eslint: '^9' },
    floor,
  };
}
