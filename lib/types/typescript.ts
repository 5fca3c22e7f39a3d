import type * as ts from 'typescript';

let loaded: typeof ts | undefined;

/**
 * Loaded only once a file comes with a type-checked program: plain JavaScript files never pay for
 * it. (The package still lists TypeScript as a peer: `@typescript-eslint/utils` loads it.)
 */
export function typescript(): typeof ts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('typescript') as typeof ts;
  return loaded;
}
