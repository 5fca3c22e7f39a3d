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

/** Bodies that hold one statement: a statement put beside it needs braces. */
const LONE_BODIES = new Set<string>([
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/**
 * Puts `statements` right before `exit`, one per line. A lone statement as an `if`/loop body gets
 * braces, so the drain stays on the leaking branch only.
 */
export function insertBeforeStatement(
  sourceCode: Readonly<TSESLint.SourceCode>,
  exit: TSESTree.Node,
  statements: readonly string[],
): TSESLint.ReportFixFunction | undefined {
  const parent = exit.parent;
  if (!parent) return undefined;
  if (STATEMENT_LISTS.has(parent.type)) {
    const indent = lineIndent(sourceCode, exit);
    const text = indent === undefined ? `${oneLine(statements)} ` : lines(sourceCode, statements, indent, sourceCode.getText(exit)) + indent;
    return (fixer) => fixer.insertTextBefore(exit, text);
  }
  if (LONE_BODIES.has(parent.type)) return (fixer) => fixer.replaceText(exit, braced(sourceCode, exit, statements, sourceCode.getText(exit)));
  return undefined;
}

/** Replaces `statement` with `statements`, one per line (in braces where it is a lone body). */
export function replaceStatement(
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
  statements: readonly string[],
): TSESLint.ReportFixFunction | undefined {
  const parent = statement.parent;
  if (!parent) return undefined;
  if (STATEMENT_LISTS.has(parent.type)) {
    const indent = lineIndent(sourceCode, statement);
    const next = sourceCode.getTokenAfter(statement)?.value ?? '';
    const text = indent === undefined ? oneLine(statements) : lines(sourceCode, statements, indent, next).slice(0, -sourceStyle(sourceCode).eol.length);
    return (fixer) => fixer.replaceText(statement, text);
  }
  if (LONE_BODIES.has(parent.type)) return (fixer) => fixer.replaceText(statement, braced(sourceCode, statement, statements));
  return undefined;
}

/**
 * A block of `statements` (then `tail`, the lone body's own text) in place of the lone body `node`:
 * one statement per line when `node` sits on the line of the `if` or loop that owns it.
 */
function braced(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, statements: readonly string[], tail?: string): string {
  const owner = node.parent!;
  if (owner.loc.start.line !== node.loc.start.line || node.loc.start.line !== node.loc.end.line) {
    return `{ ${oneLine(statements)}${tail === undefined ? '' : ` ${tail}`} }`;
  }
  const { eol, unit } = sourceStyle(sourceCode);
  const outer = /^\s*/.exec(sourceCode.lines[owner.loc.start.line - 1] ?? '')![0];
  const inner = outer + unit;
  const body = lines(sourceCode, statements, inner, tail ?? '}');
  return `{${eol}${inner}${body}${tail === undefined ? '' : `${inner}${tail}${eol}`}${outer}}`;
}

/** Appends `statements` as the last statements of `block`, after any trailing comment. */
export function insertAtBlockEnd(
  sourceCode: Readonly<TSESLint.SourceCode>,
  block: TSESTree.BlockStatement,
  statements: readonly string[],
): TSESLint.ReportFixFunction | undefined {
  const closing = sourceCode.getLastToken(block);
  if (!closing || closing.value !== '}') return undefined;
  const { eol } = sourceStyle(sourceCode);
  const last = block.body.at(-1);
  if (!last) return (fixer) => fixer.replaceText(block, `{ ${oneLine(statements)} }`);
  const indent = lineIndent(sourceCode, last);
  const previous = sourceCode.getTokenBefore(closing, { includeComments: true })!;
  if (indent === undefined || previous.loc.end.line === closing.loc.start.line) {
    // Joined on one line, a file without semicolons still needs one between the statements.
    const separator = previous.value === ';' || previous.value === '{' ? ' ' : '; ';
    return (fixer) => fixer.insertTextAfter(previous, `${separator}${oneLine(statements)}`);
  }
  const text = lines(sourceCode, statements, indent, '}');
  return (fixer) => fixer.insertTextAfterRange(previous.range, `${eol}${indent}${text.slice(0, -eol.length)}`);
}

/** Statements sharing a line need semicolons, whatever the file's habit on line ends. */
export function oneLine(statements: readonly string[]): string {
  return statements.map(terminated).join(' ');
}

function terminated(statement: string): string {
  return statement.endsWith(';') ? statement : `${statement};`;
}

/**
 * Each statement on its own line, indented like the first, each line ended (`eol` after the last).
 * A file without semicolons still needs one before code that would continue the statement.
 */
function lines(sourceCode: Readonly<TSESLint.SourceCode>, statements: readonly string[], indent: string, following: string): string {
  const { eol, semicolon } = sourceStyle(sourceCode);
  return statements
    .map((statement, index) => {
      const next = statements[index + 1] ?? following;
      const end = semicolon || (/^[([`+\-/]/.test(next) ? ';' : '');
      return `${index === 0 ? '' : indent}${statement}${end}${eol}`;
    })
    .join('');
}
