import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { lineIndent, sourceStyle } from './source-style.js';

/** Containers whose statements can take a sibling in front of them. */
const STATEMENT_LISTS = new Set<string>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.StaticBlock,
]);

/**
 * Puts `statement` right before `exit`. A lone statement as an `if`/loop body gets braces, so the
 * drain stays on the leaking branch only.
 */
export function insertBeforeStatement(
  sourceCode: Readonly<TSESLint.SourceCode>,
  exit: TSESTree.Node,
  statement: string,
): TSESLint.ReportFixFunction | undefined {
  const parent = exit.parent;
  if (!parent) return undefined;
  const { eol } = sourceStyle(sourceCode);
  if (STATEMENT_LISTS.has(parent.type)) {
    const indent = lineIndent(sourceCode, exit);
    const text = indent === undefined ? `${terminated(statement)} ` : `${statement}${eol}${indent}`;
    return (fixer) => fixer.insertTextBefore(exit, text);
  }
  if (
    parent.type === AST_NODE_TYPES.IfStatement ||
    parent.type === AST_NODE_TYPES.ForStatement ||
    parent.type === AST_NODE_TYPES.ForOfStatement ||
    parent.type === AST_NODE_TYPES.ForInStatement ||
    parent.type === AST_NODE_TYPES.WhileStatement ||
    parent.type === AST_NODE_TYPES.DoWhileStatement
  ) {
    return (fixer) => fixer.replaceText(exit, `{ ${terminated(statement)} ${sourceCode.getText(exit)} }`);
  }
  return undefined;
}

/** Appends `statement` as the last statement of `block`, after any trailing comment. */
export function insertAtBlockEnd(
  sourceCode: Readonly<TSESLint.SourceCode>,
  block: TSESTree.BlockStatement,
  statement: string,
): TSESLint.ReportFixFunction | undefined {
  const closing = sourceCode.getLastToken(block);
  if (!closing || closing.value !== '}') return undefined;
  const { eol } = sourceStyle(sourceCode);
  const last = block.body.at(-1);
  if (!last) return (fixer) => fixer.replaceText(block, `{ ${terminated(statement)} }`);
  const indent = lineIndent(sourceCode, last);
  const previous = sourceCode.getTokenBefore(closing, { includeComments: true })!;
  if (indent === undefined || previous.loc.end.line === closing.loc.start.line) {
    // Joined on one line, a file without semicolons still needs one between the statements.
    const separator = previous.value === ';' || previous.value === '{' ? ' ' : '; ';
    return (fixer) => fixer.insertTextAfter(previous, `${separator}${terminated(statement)}`);
  }
  return (fixer) => fixer.insertTextAfterRange(previous.range, `${eol}${indent}${statement}`);
}

/** Statements sharing a line need a semicolon, whatever the file's habit on line ends. */
export function terminated(statement: string): string {
  return statement.endsWith(';') ? statement : `${statement};`;
}
