import type * as ts from 'typescript';

let loaded: typeof ts | undefined;

/**
 * TypeScript is an optional peer: the rules run on plain JavaScript without it. It is loaded only
 * once a file comes with a type-checked program, which proves it is installed.
 */
export function typescript(): typeof ts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('typescript') as typeof ts;
  return loaded;
}
