import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type * as ts from 'typescript';

/** Another file of the program, parsed to ESTree so the same analysis can read its functions. */
export interface ForeignFile {
  readonly ast: TSESTree.Program;
  readonly scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  /** The ESTree node starting at `start` and ending at `end`, if any. */
  readonly nodeAt: (start: number, end: number) => TSESTree.Node | undefined;
}

// Keyed by the program's SourceFile: an editor's language service keeps unchanged files' objects.
const files = new WeakMap<ts.SourceFile, ForeignFile | null>();

/** Parses `sourceFile` once (without types) for cross-file summaries; `undefined` if it cannot be. */
export function foreignFile(sourceFile: ts.SourceFile): ForeignFile | undefined {
  const cached = files.get(sourceFile);
  if (cached !== undefined) return cached ?? undefined;
  let result: ForeignFile | null = null;
  try {
    result = build(sourceFile);
  } catch {
    // A file TypeScript accepts but typescript-estree rejects: summaries fall back to hand-off.
    result = null;
  }
  files.set(sourceFile, result);
  return result ?? undefined;
}

function build(sourceFile: ts.SourceFile): ForeignFile {
  const ast = parse(sourceFile.text, {
    range: true,
    loc: true,
    comment: true,
    jsx: /\.[jt]sx$/.test(sourceFile.fileName),
    filePath: sourceFile.fileName,
  }) as TSESTree.Program;
  const byRange = new Map<string, TSESTree.Node>();
  setParents(ast, undefined, byRange);
  const scopeManager = analyze(ast, { sourceType: 'module' });
  return {
    ast,
    scopeOf: (node) => {
      for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
        const scope = scopeManager.acquire(current, true);
        if (scope) return scope as unknown as TSESLint.Scope.Scope;
      }
      return scopeManager.globalScope as unknown as TSESLint.Scope.Scope;
    },
    nodeAt: (start, end) => byRange.get(`${start}:${end}`),
  };
}

function setParents(node: TSESTree.Node, parent: TSESTree.Node | undefined, byRange: Map<string, TSESTree.Node>): void {
  (node as { parent?: TSESTree.Node }).parent = parent;
  const key = `${node.range[0]}:${node.range[1]}`;
  // The outermost node wins: a declaration and its inner expression can share a range.
  if (!byRange.has(key)) byRange.set(key, node);
  for (const field of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[field];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && 'type' in child) setParents(child as TSESTree.Node, node, byRange);
    }
  }
}
