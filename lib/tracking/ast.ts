import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** A function, or the module body: the unit the path walk runs over. */
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.Program;

/** Wrappers that pass a value through unchanged: TS assertions, optional chains. */
export function isTransparent(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSInstantiationExpression:
    case AST_NODE_TYPES.ChainExpression:
      return true;
    default:
      return false;
  }
}

/** Strips transparent wrappers around an expression. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTransparent(current)) current = (current as TSESTree.TSAsExpression).expression;
  return current;
}

/** The outermost of the transparent wrappers around `node` (or `node`): where its value goes on from. */
export function outerWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isTransparent(current.parent)) current = current.parent;
  return current;
}

/** Like `outerWrapper`, through `await` too: `const [a, b] = await Promise.all([…])`. */
export function outerAwaited(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && (isTransparent(current.parent) || current.parent.type === AST_NODE_TYPES.AwaitExpression)) current = current.parent;
  return current;
}

export function isFunctionNode(node: TSESTree.Node): node is Exclude<FunctionNode, TSESTree.Program> {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** The function (or module) whose body evaluates `node`. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.Program) return current;
    current = current.parent;
  }
  throw new Error('node outside a Program');
}

/**
 * The outermost function between `node` and `owner`: creating it is when `owner`'s value is
 * captured. `undefined` when `node` is evaluated by `owner` itself.
 */
export function capturingFunction(node: TSESTree.Node, owner: FunctionNode): TSESTree.Node | undefined {
  let capture: TSESTree.Node | undefined;
  for (let current = node.parent; current && current !== owner; current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.ClassExpression || current.type === AST_NODE_TYPES.ClassDeclaration) {
      capture = current;
    }
  }
  return capture;
}

/** Name of a non-computed member (or a string-literal computed one). */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) return node.property.name;
  if (node.computed && node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string') {
    return node.property.value;
  }
  return undefined;
}

/** Whether `node` is the callee of its parent call (looking through optional chains). */
export function calledBy(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node ? parent : undefined;
}

/** The statement an expression belongs to, for naming where a value is dropped. */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && !/Statement|Declaration$/.test(current.type)) {
    if (isFunctionNode(current.parent)) return current;
    current = current.parent;
  }
  return current;
}

/** Calls `visit` on each child node (not `parent`), in key order. */
export function forEachChild(node: TSESTree.Node, visit: (child: TSESTree.Node) => void): void {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
        visit(item as TSESTree.Node);
      }
    }
  }
}

/** The `catch` clause that a `throw` statement jumps to within its own function, if one does. */
export function catchingClause(node: TSESTree.Node): TSESTree.CatchClause | undefined {
  let child = node;
  for (let current = node.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return current.handler;
  }
  return undefined;
}

/**
 * What a function may return, not counting nested functions: each `return`'s value, `undefined` for
 * a bare `return`, and one more `undefined` when its body may fall off the end (its last statement
 * is neither a `return` nor a `throw`).
 */
export function returnedValues(fn: Exclude<FunctionNode, TSESTree.Program>): (TSESTree.Node | undefined)[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: (TSESTree.Node | undefined)[] = [];
  const visit = (current: TSESTree.Node): void => {
    if (isFunctionNode(current)) return;
    if (current.type === AST_NODE_TYPES.ReturnStatement) {
      found.push(current.argument ?? undefined);
      return;
    }
    forEachChild(current, visit);
  };
  forEachChild(fn.body, visit);
  const last = fn.body.body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement && last?.type !== AST_NODE_TYPES.ThrowStatement) found.push(undefined);
  return found;
}

/**
 * Whether every options argument of a request (after the URL) is an object literal that surely has
 * no property `key`: no spread, no computed key. No options at all qualifies.
 */
export function optionsLack(call: TSESTree.CallExpression, key: string): boolean {
  return call.arguments.slice(1).every(
    (option) =>
      option.type === AST_NODE_TYPES.ObjectExpression &&
      option.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && propertyKey(property) !== key),
  );
}

/** A property's name when it is written out (`a`, `'a'`, `1`); `undefined` for a computed key. */
export function propertyKey(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}

/** Whether `node` lies inside `ancestor` (or is it), by source range. */
export function isWithin(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  return node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1];
}

/** Whether a loop of `node`'s own function runs it again: in the loop's test, update or body. */
export function isRepeatedByLoop(node: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      case AST_NODE_TYPES.ForStatement:
        if (child !== parent.init) return true;
        break;
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        if (child === parent.body) return true;
        break;
    }
  }
  return false;
}

/** Whether a call is a statement of its own, as assertions are (`await` allowed). */
export function isStatement(call: TSESTree.Node): boolean {
  let node = outerWrapper(call);
  if (node.parent?.type === AST_NODE_TYPES.AwaitExpression) node = outerWrapper(node.parent);
  return node.parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/** Whether a value is tested for truth where it stands: `if (x)`, `!x`, `x && …`, `c ? … : …`. */
export function isTestPosition(value: TSESTree.Node): boolean {
  const parent = value.parent;
  return parent?.type === AST_NODE_TYPES.UnaryExpression
    ? parent.operator === '!'
    : parent?.type === AST_NODE_TYPES.LogicalExpression
      ? parent.operator !== '??'
      : (parent?.type === AST_NODE_TYPES.IfStatement ||
          parent?.type === AST_NODE_TYPES.ConditionalExpression ||
          parent?.type === AST_NODE_TYPES.WhileStatement ||
          parent?.type === AST_NODE_TYPES.DoWhileStatement ||
          parent?.type === AST_NODE_TYPES.ForStatement) &&
        parent.test === value;
}

/** `null` or `undefined` written as such. */
export function isNullOrUndefined(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null && !('regex' in node)) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined')
  );
}

/** The `return` and `throw` statements of a block, in source order, not counting nested functions. */
export function exitStatements(block: TSESTree.Node): (TSESTree.ReturnStatement | TSESTree.ThrowStatement)[] {
  const found: (TSESTree.ReturnStatement | TSESTree.ThrowStatement)[] = [];
  const visit = (current: TSESTree.Node): void => {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.ClassBody) return;
    if (current.type === AST_NODE_TYPES.ReturnStatement || current.type === AST_NODE_TYPES.ThrowStatement) found.push(current);
    forEachChild(current, visit);
  };
  visit(block);
  return found;
}

/** The text of a string literal (`'fetch'`, `'node:http'`), else `undefined`. */
export function stringLiteral(node: TSESTree.Node | undefined): string | undefined {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}
