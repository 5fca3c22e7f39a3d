import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** How the file writes code, so inserted lines look like their neighbours. */
export interface SourceStyle {
  readonly eol: string;
  readonly semicolon: string;
  /** One level of indentation. */
  readonly unit: string;
}

const styles = new WeakMap<object, SourceStyle>();

/** Line ending, semicolon habit and indent unit of a file; computed once per file. */
export function sourceStyle(sourceCode: Readonly<TSESLint.SourceCode>): SourceStyle {
  let style = styles.get(sourceCode);
  if (!style) styles.set(sourceCode, (style = detect(sourceCode)));
  return style;
}

function detect(sourceCode: Readonly<TSESLint.SourceCode>): SourceStyle {
  const text = sourceCode.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // Standard-style files end no line with a semicolon; any semicolon-terminated line means the file uses them.
  const lines = text.split(/\r?\n/);
  const usesSemicolons = lines.some((line) => /;\s*(?:\/\/.*)?$/.test(line)) || !lines.some((line) => /[\w)\]'"`]\s*$/.test(line));
  // The smallest indentation of a code line; ` * ` continues a block comment and says nothing.
  const indents = lines.map((line) => /^([ \t]+)[^\s*]/.exec(line)?.[1]).filter((indent): indent is string => indent !== undefined);
  const unit = indents.some((indent) => indent.startsWith('\t'))
    ? '\t'
    : ' '.repeat(Math.min(4, ...indents.map((indent) => indent.length), indents.length > 0 ? Infinity : 2));
  return { eol, semicolon: usesSemicolons ? ';' : '', unit };
}

/** The whitespace before `node` on its line, or `undefined` if code precedes it there. */
export function lineIndent(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | TSESTree.Token): string | undefined {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  const before = line.slice(0, node.loc.start.column);
  return /^\s*$/.test(before) ? before : undefined;
}
