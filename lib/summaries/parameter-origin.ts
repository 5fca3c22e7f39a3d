import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { enclosingFunction, type FunctionNode, isFunctionNode, unwrap } from '../tracking/ast.js';
import type { OriginContext } from '../tracking/origin-context.js';
import { valueOrigin } from '../tracking/response-origins.js';
import { typescript } from '../types/typescript.js';
import { callsOf, functionName } from './kept-by-callers.js';
import { foreignFile } from '../tracking/foreign-ast.js';

/** How many helpers deep `a(res)` → `b(res)` → … is followed back to where the response was made. */
const MAX_DEPTH = 3;
/** Other files searched for callers of one function before the answer is "may". */
const MAX_FILES = 200;

const cache = new WeakMap<TSESTree.Node, Map<number, boolean>>();

/**
 * Whether a call of `fn` passes it a response that came from the network as argument `index`. A
 * function that receives a response only tells what it was given by its callers: a server's
 * `sendResponse(res, response)` or a mock socket's `respondWith(response)` get responses built in
 * memory, and one that only ever gets those leaks nothing. Callers are looked for in the same file
 * and, with types, in the program's other source files; where none shows a network response (no
 * caller found, or only parameters, fields and unknown calls passed in), the answer is `false`, and
 * the function's own exits are not reported.
 */
export function receivesNetworkResponse(fn: Exclude<FunctionNode, TSESTree.Program>, index: number, context: OriginContext, depth = 0): boolean {
  let perFunction = cache.get(fn);
  if (!perFunction) cache.set(fn, (perFunction = new Map()));
  const cached = perFunction.get(index);
  if (cached !== undefined) return cached;
  // In progress: a recursive call adds nothing the other callers do not show.
  perFunction.set(index, false);
  const result =
    depth < MAX_DEPTH &&
    (callsOf(fn, context.scopeOf).some((call) => argumentFromNetwork(call, index, context, depth)) ||
      (context.types !== undefined && foreignCallersPass(fn, index, context.types, depth)));
  perFunction.set(index, result);
  return result;
}

function argumentFromNetwork(call: TSESTree.CallExpression, index: number, context: OriginContext, depth: number): boolean {
  if (call.arguments.slice(0, index).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  const argument = call.arguments[index];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
  const origin = valueOrigin(argument, context);
  if (origin !== 'may') return origin === 'network';
  // `helper(res)` where `res` is the caller's own parameter: ask the caller's callers.
  const value = unwrap(argument);
  const caller = enclosingFunction(call);
  if (value.type !== AST_NODE_TYPES.Identifier || !isFunctionNode(caller)) return false;
  const definition = ASTUtils.findVariable(context.scopeOf(value), value)?.defs[0];
  if (definition?.type !== 'Parameter' || definition.node !== caller) return false;
  const position = caller.params.findIndex((param) => param === definition.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === definition.name));
  if (position === 0) {
    // `fetch(u).then((response) => this.process(response))`: the callback gets what the promise holds.
    const promise = fulfilledPromise(caller);
    if (promise) return valueOrigin(promise, context) === 'network';
  }
  return position >= 0 && receivesNetworkResponse(caller, position, context, depth + 1);
}

/** The promise whose value `fn` receives when it is `promise.then(fn)`'s first argument. */
function fulfilledPromise(fn: TSESTree.Node): TSESTree.Node | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'then'
    ? callee.object
    : undefined;
}

/**
 * Callers in the program's other source files, found by name and confirmed by the checker. Their
 * arguments are judged without types there (the other file has no ESTree with types), which sees
 * client calls, local wrappers and variables holding either.
 */
function foreignCallersPass(fn: TSESTree.Node, index: number, types: NonNullable<OriginContext['types']>, depth: number): boolean {
  const name = functionName(fn);
  const declaration = types.services.esTreeNodeToTSNodeMap.get(fn as never) as ts.Node | undefined;
  if (!name || !declaration) return false;
  const own = declaration.getSourceFile();
  const target = declarationSymbol(declaration, types.checker);
  if (!target) return false;
  const ts = typescript();
  let searched = 0;
  for (const file of types.services.program.getSourceFiles()) {
    if (file === own || file.isDeclarationFile || /[\\/]node_modules[\\/]/.test(file.fileName) || !file.text.includes(name)) continue;
    if (++searched > MAX_FILES) return false;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(node) && calleeName(node.expression, ts) === name && resolvesTo(node, target, types.checker)) {
        const foreign = foreignFile(file);
        const call = foreign?.nodeAt(node.getStart(file), node.end);
        if (foreign && call?.type === AST_NODE_TYPES.CallExpression) {
          found = argumentFromNetwork(call, index, { scopeOf: foreign.scopeOf }, depth + 1);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    if (found) return true;
  }
  return false;
}

function calleeName(expression: ts.Expression, ts: typeof import('typescript')): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function declarationSymbol(declaration: ts.Node, checker: ts.TypeChecker): ts.Symbol | undefined {
  const named = (declaration as ts.Node & { name?: ts.Node }).name ?? (declaration.parent as ts.Node & { name?: ts.Node } | undefined)?.name;
  return named ? checker.getSymbolAtLocation(named) : undefined;
}

function resolvesTo(call: ts.CallExpression, target: ts.Symbol, checker: ts.TypeChecker): boolean {
  const ts = typescript();
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  let symbol = checker.getSymbolAtLocation(callee);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol === target;
}
