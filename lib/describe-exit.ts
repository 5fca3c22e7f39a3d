import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { LeakExit } from './tracking/findings.js';

/** The leaking exit in words, for messages: "the function throws at line 14". */
export function describeExit(exit: LeakExit): string {
  const line = exit.kind === 'end' || exit.kind === 'iteration-end' || exit.kind === 'block-end'
    ? exit.node.loc.end.line
    : exit.node.loc.start.line;
  switch (exit.kind) {
    case 'return':
      return `the function returns at line ${line}`;
    case 'throw':
      return `the function throws at line ${line}`;
    case 'end':
      return exit.node.type === AST_NODE_TYPES.Program ? `the module ends at line ${line}` : `the function ends at line ${line}`;
    case 'callback-end':
      return `the callback returns at line ${line}`;
    case 'continue':
      return `the loop continues at line ${line}`;
    case 'break':
      return `the loop is left at line ${line}`;
    case 'iteration-end':
      return `the loop iteration ends at line ${line}`;
    case 'block-end':
      return `the block ends at line ${line}`;
    case 'overwrite':
      return `the variable holding it is overwritten at line ${line}`;
    case 'discard':
      return `the response is dropped at line ${line}`;
    case 'ignored':
      return `the callback at line ${line} ignores it`;
  }
}
