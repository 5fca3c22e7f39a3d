import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { memberSpec, type ViewModel } from '../clients/client-model.js';
import { forEachChild, isFunctionNode, isNullOrUndefined, isStatement, isTestPosition, memberName, outerWrapper } from './ast.js';

/**
 * Places a response can be stored where nobody can ever read its body: a class's private field, a
 * module's or function's own variable, or a `Map`, `Set` or array held in one of those, when no
 * reference anywhere looks further than the response's metadata. Storing it there keeps the
 * response (and its connection) alive without taking on the reading, so the store is only a look.
 * Anything the analysis cannot see the whole of (a public field, an exported binding, a container
 * passed around or read with `get`) is somebody's, and stays an escape.
 */

/** Calls that put a value in a container, by the container it is. */
const PUTS = new Set(['set', 'add', 'push', 'unshift']);
/** Calls and members of a container that never hand an element out. */
const CONTAINER_LOOKS = new Set(['set', 'add', 'push', 'unshift', 'has', 'delete', 'clear', 'size', 'length']);
const CONTAINER_CLASSES = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

type ScopeOf = (node: TSESTree.Node) => TSESLint.Scope.Scope;

/** `this.#last = res`, `lastResponse = res`: the target is a store nobody reads the body of. */
export function isUnreadStore(target: TSESTree.Node, view: ViewModel, scopeOf: ScopeOf): boolean {
  const references = storeReferences(target, scopeOf);
  return references !== undefined && references.every((reference) => looksOnly(reference, view));
}

/** `seen.set(url, res)`, `this.#sent.push(res)`: the container is a store nobody takes elements from. */
export function isUnreadContainerPut(call: TSESTree.CallExpression, argument: TSESTree.Node, scopeOf: ScopeOf): boolean {
  const callee = call.callee;
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || name === undefined || !PUTS.has(name) || !isStatement(call)) return false;
  // `map.set(res, …)` keys by the response, which `map.keys()` would hand out; the value is the
  // stored one (`set(key, res)`), and `push`/`add` take any of their arguments.
  if (name === 'set' && call.arguments[1] !== argument) return false;
  const references = storeReferences(callee.object, scopeOf);
  return references !== undefined && isContainer(callee.object, scopeOf) && references.every(containerLookOnly);
}

/**
 * Every place the store named by `target` is used, or `undefined` when some of them may be out of
 * sight: a field that is not private, a binding that is exported or declared elsewhere.
 */
function storeReferences(target: TSESTree.Node, scopeOf: ScopeOf): TSESTree.Node[] | undefined {
  if (target.type === AST_NODE_TYPES.Identifier) return variableReferences(target, scopeOf);
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const body = classOfThis(target);
  if (!body) return undefined;
  const property = target.property;
  if (property.type === AST_NODE_TYPES.PrivateIdentifier) return fieldReferences(body, property);
  if (target.computed || property.type !== AST_NODE_TYPES.Identifier || !isPrivateField(body, property.name)) return undefined;
  // TypeScript's `private` is a promise the code can break with `this[name]`: none may appear.
  if (classMembers(body).some((member) => member.computed && member.object.type === AST_NODE_TYPES.ThisExpression)) return undefined;
  return fieldReferences(body, property);
}

function variableReferences(identifier: TSESTree.Identifier, scopeOf: ScopeOf): TSESTree.Node[] | undefined {
  const variable = ASTUtils.findVariable(scopeOf(identifier), identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  // `declare let saved`: defined, and read, somewhere this file does not show.
  if (definition.type !== 'Variable' || isExported(definition.node) || definition.parent?.declare) return undefined;
  return variable.references.filter((reference) => reference.identifier !== definition.name).map((reference) => reference.identifier);
}

/** `export let last`: code in other modules may read it. (`export { last }` is a reference, and not a look.) */
function isExported(declarator: TSESTree.Node): boolean {
  return declarator.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
}

/** The class whose instance `this` is at `member`: through arrow functions, not through `function`. */
function classOfThis(member: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = member.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (isFunctionNode(current)) {
      const owner = current.parent;
      const isMethod = owner?.type === AST_NODE_TYPES.MethodDefinition || owner?.type === AST_NODE_TYPES.PropertyDefinition;
      return isMethod && owner.parent.type === AST_NODE_TYPES.ClassBody ? owner.parent : undefined;
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return current.parent.type === AST_NODE_TYPES.ClassBody ? current.parent : undefined;
  }
  return undefined;
}

function isPrivateField(body: TSESTree.ClassBody, name: string): boolean {
  return body.body.some(
    (element) =>
      (element.type === AST_NODE_TYPES.PropertyDefinition || element.type === AST_NODE_TYPES.TSAbstractPropertyDefinition) &&
      !element.computed &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.key.name === name &&
      element.accessibility === 'private',
  );
}

const membersOfClass = new WeakMap<TSESTree.ClassBody, TSESTree.MemberExpression[]>();

/** Every member expression of a class body, nested classes included: one walk per class. */
function classMembers(body: TSESTree.ClassBody): readonly TSESTree.MemberExpression[] {
  let found = membersOfClass.get(body);
  if (found) return found;
  found = [];
  const members = found;
  const visit = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.MemberExpression) members.push(node);
    forEachChild(node, visit);
  };
  visit(body);
  membersOfClass.set(body, found);
  return found;
}

/** The class's uses of field `key` (`this.#last`, `other.#last`, `this.last`). */
function fieldReferences(body: TSESTree.ClassBody, key: TSESTree.Identifier | TSESTree.PrivateIdentifier): TSESTree.MemberExpression[] {
  return classMembers(body).filter((member) => !member.computed && member.property.type === key.type && member.property.name === key.name);
}

/** Whether the store is created as a `Map`, `Set`, `WeakMap`, `WeakSet` or an array literal. */
function isContainer(store: TSESTree.Node, scopeOf: ScopeOf): boolean {
  const initial = initialValue(store, scopeOf);
  if (!initial) return false;
  if (initial.type === AST_NODE_TYPES.ArrayExpression) return true;
  return initial.type === AST_NODE_TYPES.NewExpression && initial.callee.type === AST_NODE_TYPES.Identifier && CONTAINER_CLASSES.has(initial.callee.name);
}

function initialValue(store: TSESTree.Node, scopeOf: ScopeOf): TSESTree.Node | undefined {
  if (store.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scopeOf(store), store);
    const declarator = variable?.defs[0]?.node;
    return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.parent.kind === 'const' ? (declarator.init ?? undefined) : undefined;
  }
  const key = store.type === AST_NODE_TYPES.MemberExpression && !store.computed ? store.property : undefined;
  const body = key && classOfThis(store);
  if (!body || (key.type !== AST_NODE_TYPES.PrivateIdentifier && key.type !== AST_NODE_TYPES.Identifier)) return undefined;
  const field = body.body.find(
    (element): element is TSESTree.PropertyDefinition =>
      element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && element.key.type === key.type && element.key.name === key.name,
  );
  // A field assigned anywhere but its declaration may hold another container by then.
  return field?.value && !fieldReferences(body, key).some(isWritten) ? field.value : undefined;
}

/** A reference that writes the store, tests it, or reads a member that is metadata only. */
function looksOnly(reference: TSESTree.Node, view: ViewModel): boolean {
  if (isWritten(reference)) return true;
  const value = outerWrapper(reference);
  const parent = value.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
    const inspects = memberSpec(view, memberName(parent))?.access?.kind === 'inspect';
    return inspects && !(parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent);
  }
  return isPresenceTest(value);
}

/** A container reference that only puts in, asks or counts: never `get`, never iterated or passed. */
function containerLookOnly(reference: TSESTree.Node): boolean {
  if (isWritten(reference)) return false;
  const member = reference.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference) return false;
  const name = memberName(member);
  if (name === undefined || !CONTAINER_LOOKS.has(name)) return false;
  if (name === 'size' || name === 'length') return true;
  const call = member.parent;
  // `push()` returns a length and `set()` the map itself, which the caller could then read.
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && (PUTS.has(name) ? isStatement(call) : true);
}

function isWritten(reference: TSESTree.Node): boolean {
  const parent = reference.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference && parent.operator === '=';
}

/**
 * `if (this.#last)`, `!last`, `last === undefined`, `last ? … : …`, `last && last.ok`: a test whose
 * value never goes on. `last || other` and `last ?? other` hand the response on.
 */
function isPresenceTest(value: TSESTree.Node): boolean {
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.BinaryExpression) {
    const other = parent.left === value ? parent.right : parent.left;
    return ['===', '!==', '==', '!='].includes(parent.operator) && isNullOrUndefined(other);
  }
  if (parent?.type === AST_NODE_TYPES.LogicalExpression) return parent.left === value && parent.operator === '&&';
  return isTestPosition(value);
}
