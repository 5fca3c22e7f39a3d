import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { enclosingFunction, forEachChild, isFunctionNode, unwrap } from '../tracking/ast.js';
import type { ResponseUse } from '../tracking/response-uses.js';

/**
 * Whether a caller in the same file passes a response to `fn` as argument `index` and goes on to read,
 * release or return it after the call. Such a caller still owns the response: `fn` only borrows it,
 * and a path of `fn` that leaves it unread (`return undefined` for "not handled") is the caller's to
 * settle. Callers in other files are not looked for; `fn` is then judged by its own body.
 */
export function keptByCaller(
  fn: Exclude<TSESTree.Node, TSESTree.Program>,
  index: number,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
  useAt: (identifier: TSESTree.Identifier) => ResponseUse,
): boolean {
  return callsOf(fn, scopeOf).some((call) => {
    const argument = call.arguments[index];
    if (!argument || call.arguments.slice(0, index).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return false;
    const value = unwrap(argument);
    if (value.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(scopeOf(value), value);
    const caller = enclosingFunction(call);
    return (variable?.references ?? []).some((reference) => {
      const later = reference.identifier.range[0] >= call.range[1] && enclosingFunction(reference.identifier) === caller;
      if (!later || reference.isWrite()) return false;
      const use = useAt(reference.identifier as TSESTree.Identifier);
      return use.kind !== 'inspect' && use.kind !== 'drop';
    });
  });
}

/** The name calls of a function use: its declaration's, its `const`'s, or its method's. */
export function functionName(fn: TSESTree.Node): string | undefined {
  const binding = bindingName(fn);
  if (binding) return binding.name;
  const method = methodOf(fn);
  return method?.key.type === AST_NODE_TYPES.Identifier && !method.computed ? method.key.name : undefined;
}

function bindingName(fn: TSESTree.Node): TSESTree.Identifier | undefined {
  const parent = fn.parent;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ?? undefined;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : undefined;
}

function methodOf(fn: TSESTree.Node): TSESTree.MethodDefinition | TSESTree.PropertyDefinition | undefined {
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition ? parent : undefined;
}

/** The calls of a function in its own file: by its name, or as a method called on `this`. */
export function callsOf(fn: TSESTree.Node, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): TSESTree.CallExpression[] {
  const name = bindingName(fn);
  if (name) {
    const variable = ASTUtils.findVariable(scopeOf(name), name);
    return (variable?.references ?? []).flatMap((reference) => {
      const call = reference.identifier.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? [call] : [];
    });
  }
  const method = methodOf(fn);
  if (!method || method.computed || method.key.type !== AST_NODE_TYPES.Identifier) return [];
  const methodName = method.key.name;
  const calls: TSESTree.CallExpression[] = [];
  const visit = (node: TSESTree.Node): void => {
    const callee = node.type === AST_NODE_TYPES.CallExpression ? unwrap(node.callee) : undefined;
    if (
      callee?.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.ThisExpression &&
      !callee.computed &&
      callee.property.type === AST_NODE_TYPES.Identifier &&
      callee.property.name === methodName
    ) {
      calls.push(node as TSESTree.CallExpression);
    }
    // `this` means another object inside a nested `function`.
    if (node !== fn && node.type !== AST_NODE_TYPES.ArrowFunctionExpression && isFunctionNode(node) && node.parent?.type !== AST_NODE_TYPES.MethodDefinition) return;
    forEachChild(node, visit);
  };
  visit(method.parent);
  return calls;
}
