import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { type FunctionNode, isFunctionNode, unwrap } from './ast.js';
import type { OriginContext } from './origin-context.js';
import { typescript } from '../types/typescript.js';
import { foreignFile } from './foreign-ast.js';

/** A function with a body that the analysis can read, and how to find scopes in its file. */
export interface VisibleFunction {
  readonly fn: Exclude<FunctionNode, TSESTree.Program>;
  readonly scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  /** Its JSDoc and leading comments, for `@drain-handled`. */
  readonly comments: readonly string[];
  /** How to resolve the calls it makes in turn (without types in another file). */
  readonly origin: OriginContext;
}

/**
 * The function a call runs, when its body is visible: in this file (by scope, or through the
 * checker), or in another source file of the program (parsed on demand). Declarations only (`.d.ts`,
 * `node_modules`) and dynamic callees give `undefined`: the caller treats them as a hand-off.
 */
export function calleeFunction(
  call: TSESTree.CallExpression,
  context: OriginContext,
  commentsOf: (node: TSESTree.Node) => readonly string[],
  /** The declaration the call resolves to, when the caller already knows it. */
  resolved?: ts.SignatureDeclaration,
): VisibleFunction | undefined {
  if (context.types) return typedCallee(call, context.types, context, commentsOf, resolved);
  return scopedCallee(call, context, commentsOf);
}

/**
 * The function of this file an identifier callee names, found by scope alone: a function
 * declaration or a `const` holding a function. Without types it is all `calleeFunction` has; with
 * types it answers without asking the checker.
 */
export function scopedCallee(
  call: TSESTree.CallExpression,
  context: OriginContext,
  commentsOf: (node: TSESTree.Node) => readonly string[],
): VisibleFunction | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = ASTUtils.findVariable(context.scopeOf(callee), callee)?.defs[0];
  if (!definition) return undefined;
  let fn: TSESTree.Node | null | undefined;
  if (definition.type === 'FunctionName') fn = definition.node;
  else if (definition.type === 'Variable' && definition.node.type === AST_NODE_TYPES.VariableDeclarator) {
    // Only `const`: a `let` may be reassigned to another function.
    if (definition.parent?.type === AST_NODE_TYPES.VariableDeclaration && definition.parent.kind === 'const') {
      fn = definition.node.init && unwrap(definition.node.init);
    }
  }
  return fn && isFunctionNode(fn) ? { fn, scopeOf: context.scopeOf, comments: commentsOf(fn), origin: context } : undefined;
}

function typedCallee(
  call: TSESTree.CallExpression,
  types: NonNullable<OriginContext['types']>,
  context: OriginContext,
  commentsOf: (node: TSESTree.Node) => readonly string[],
  known: ts.SignatureDeclaration | undefined,
): VisibleFunction | undefined {
  const tsCall = types.services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
  const resolved = known ?? types.checker.getResolvedSignature(tsCall)?.getDeclaration();
  const declaration = withBody(resolved);
  if (!declaration || isReassignable(declaration)) return undefined;
  // `@drain-handled` may sit on the overload the call resolved to rather than on the implementation.
  const tagged = [...jsDocOf(declaration), ...(resolved && resolved !== declaration ? jsDocOf(resolved as ts.Node) : [])];
  const file = declaration.getSourceFile();
  if (file.isDeclarationFile || /[\\/]node_modules[\\/]/.test(file.fileName)) return undefined;
  if (file === tsCall.getSourceFile()) {
    const fn = functionOf(types.services.tsNodeToESTreeNodeMap.get(declaration as never) as TSESTree.Node | undefined);
    return fn ? { fn, scopeOf: context.scopeOf, comments: [...commentsOf(fn), ...tagged], origin: context } : undefined;
  }
  const foreign = foreignFile(file);
  const fn = functionOf(foreign?.nodeAt(declaration.getStart(file), declaration.end));
  if (!foreign || !fn) return undefined;
  return {
    fn,
    scopeOf: foreign.scopeOf,
    comments: tagged,
    origin: { scopeOf: foreign.scopeOf },
  };
}

/**
 * Comments before a declaration, JSDoc or not, as in the linted file. For a function expression
 * they sit before its statement (`export const f = () => …`), where TypeScript attaches JSDoc too.
 */
function jsDocOf(declaration: ts.Node): string[] {
  const { SyntaxKind, getLeadingCommentRanges } = typescript();
  const within = new Set([
    SyntaxKind.ArrowFunction,
    SyntaxKind.FunctionExpression,
    SyntaxKind.ParenthesizedExpression,
    SyntaxKind.VariableDeclaration,
    SyntaxKind.VariableDeclarationList,
  ]);
  const text = declaration.getSourceFile().text;
  const docs: string[] = [];
  for (let node: ts.Node | undefined = declaration; node; node = node.parent) {
    for (const range of getLeadingCommentRanges(text, node.pos) ?? []) docs.push(text.slice(range.pos, range.end));
    if (!within.has(node.kind)) break;
  }
  return docs;
}

/** `let f = (res) => …` may be reassigned to another function, as the untyped path assumes too. */
function isReassignable(declaration: ts.Node): boolean {
  const { SyntaxKind, NodeFlags } = typescript();
  let node = declaration.parent;
  while (node?.kind === SyntaxKind.ParenthesizedExpression) node = node.parent;
  return node?.kind === SyntaxKind.VariableDeclaration && !(node.parent.flags & NodeFlags.Const);
}

/** The function behind a declaration node: `export function`, a class method, an object method. */
function functionOf(node: TSESTree.Node | undefined): VisibleFunction['fn'] | undefined {
  let current = node;
  if (current?.type === AST_NODE_TYPES.ExportNamedDeclaration || current?.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    current = current.declaration ?? undefined;
  }
  if (current?.type === AST_NODE_TYPES.MethodDefinition || current?.type === AST_NODE_TYPES.Property) current = current.value;
  return current && isFunctionNode(current) ? current : undefined;
}

/** Overloads resolve to a signature without a body; the implementation is the one with it. */
function withBody(declaration: ts.SignatureDeclaration | ts.JSDocSignature | undefined): ts.Node | undefined {
  if (!declaration) return undefined;
  if ('body' in declaration && declaration.body) return declaration;
  const symbol = (declaration as ts.Node & { symbol?: ts.Symbol }).symbol;
  return symbol?.declarations?.find((candidate) => 'body' in candidate && (candidate as ts.FunctionLikeDeclaration).body);
}
