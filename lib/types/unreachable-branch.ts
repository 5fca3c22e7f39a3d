import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { typescript } from './typescript.js';

/**
 * Whether the types say `node` never runs: it sits in the `default:` of a `switch` whose cases cover
 * every value of its discriminant's type, or in an `else` (or `default:`) where a value tested on
 * the way there has been narrowed to `never` (`assertNever(kind)`, `` `unknown ${kind}` ``). Asked
 * only about the exits of leaks, so it costs a few type questions per report, not per file.
 */
export function isTypeUnreachable(
  node: TSESTree.Node,
  types: { readonly services: ParserServicesWithTypeInformation; readonly checker: ts.TypeChecker },
): boolean {
  let child = node;
  for (let current = node.parent; current && !isFunction(current); child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.SwitchCase && current.test === null && current.consequent.includes(child as TSESTree.Statement)) {
      const statement = current.parent;
      if (coversEveryValue(statement, types) || narrowedAway([statement.discriminant], current, types)) return true;
    }
    if (current.type === AST_NODE_TYPES.IfStatement && current.alternate === child && narrowedAway(testedValues(current.test), child, types)) {
      return true;
    }
  }
  return false;
}

function isFunction(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** `switch (kind) { case 'a': … case 'b': … default: … }` with `kind: 'a' | 'b'`. */
function coversEveryValue(statement: TSESTree.SwitchStatement, types: Parameters<typeof isTypeUnreachable>[1]): boolean {
  const { checker, services } = types;
  const discriminant = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(statement.discriminant));
  const values = discriminant.isUnion() ? discriminant.types : [discriminant];
  const keys = values.map(unitKey);
  if (keys.some((key) => key === undefined)) return false;
  const cases = new Set(
    statement.cases.flatMap((switchCase) => (switchCase.test ? [unitKey(checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(switchCase.test)))] : [])),
  );
  return keys.every((key) => cases.has(key));
}

/** A key that is equal for two types of the same single value (a fresh and a regular literal alike). */
function unitKey(type: ts.Type): string | undefined {
  const { TypeFlags } = typescript();
  if (type.isStringLiteral()) return `s:${type.value}`;
  if (type.isNumberLiteral()) return `n:${type.value}`;
  if (type.flags & TypeFlags.BooleanLiteral) return `b:${(type as ts.Type & { intrinsicName?: string }).intrinsicName}`;
  if (type.flags & TypeFlags.Undefined) return 'undefined';
  if (type.flags & TypeFlags.Null) return 'null';
  return undefined;
}

/** Names and member chains a condition tests: `res.kind === 'a'` tests `res.kind` and `res`. */
function testedValues(test: TSESTree.Node): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
      found.push(node);
      if (node.type === AST_NODE_TYPES.MemberExpression) visit(node.object);
      return;
    }
    if (node.type === AST_NODE_TYPES.BinaryExpression || node.type === AST_NODE_TYPES.LogicalExpression) {
      visit(node.left);
      visit(node.right);
    } else if (node.type === AST_NODE_TYPES.UnaryExpression) visit(node.argument);
  };
  visit(test);
  return found;
}

/** Whether, inside `branch`, one of `values` (by its text) has the type `never`. */
function narrowedAway(values: readonly TSESTree.Node[], branch: TSESTree.Node, types: Parameters<typeof isTypeUnreachable>[1]): boolean {
  const texts = new Set(values.map(textOf).filter((text): text is string => text !== undefined));
  if (texts.size === 0) return false;
  const { TypeFlags } = typescript();
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found || isFunction(node)) return;
    const text = node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression ? textOf(node) : undefined;
    if (text !== undefined && texts.has(text)) {
      found = (types.checker.getTypeAtLocation(types.services.esTreeNodeToTSNodeMap.get(node)).flags & TypeFlags.Never) !== 0;
      if (found) return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') visit(item as TSESTree.Node);
      }
    }
  };
  visit(branch);
  return found;
}

/** `kind`, `res.kind`, `this.state.kind`: a value named the same way everywhere in a function. */
function textOf(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = textOf(node.object);
  return object === undefined ? undefined : `${object}.${node.property.name}`;
}
