import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { memberName, stringLiteral, unwrap } from './ast.js';

/**
 * Where a variable comes from: `{ module, name }` for an import or `require` (`name` is `default`
 * or `*` for whole-module bindings), `{ module: null }` for an unresolved global, `undefined` for a
 * local value.
 */
export function importOf(variable: TSESLint.Scope.Variable): { module: string | null; name: string } | undefined {
  const definition = variable.defs[0];
  if (!definition) return { module: null, name: variable.name };
  if (definition.type === 'ImportBinding') {
    const specifier = definition.node;
    // `import http = require('http')` is TypeScript's `const http = require('http')`; an
    // `import x = Namespace.member` alias names no module.
    if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = specifier.moduleReference;
      return reference.type === AST_NODE_TYPES.TSExternalModuleReference ? { module: reference.expression.value, name: 'default' } : undefined;
    }
    const module = (definition.parent as TSESTree.ImportDeclaration).source.value;
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { module, name: 'default' };
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { module, name: '*' };
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported;
      return { module, name: imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value };
    }
    return undefined;
  }
  if (definition.type === 'Variable' && definition.node.type === AST_NODE_TYPES.VariableDeclarator) {
    return requireOf(definition.node, definition.name);
  }
  return undefined;
}

/** `const x = require('m')`, `const { fetch } = require('m')`, `const x = require('m').default`. */
function requireOf(declarator: TSESTree.VariableDeclarator, name: TSESTree.Identifier): { module: string; name: string } | undefined {
  let init = declarator.init ? unwrap(declarator.init) : undefined;
  let member: string | undefined;
  if (init?.type === AST_NODE_TYPES.MemberExpression) {
    member = memberName(init);
    init = unwrap(init.object);
  }
  if (
    init?.type !== AST_NODE_TYPES.CallExpression ||
    init.callee.type !== AST_NODE_TYPES.Identifier ||
    init.callee.name !== 'require' ||
    init.arguments[0]?.type !== AST_NODE_TYPES.Literal ||
    typeof init.arguments[0].value !== 'string'
  ) {
    return undefined;
  }
  const module = init.arguments[0].value;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return { module, name: member ?? 'default' };
  if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of declarator.id.properties) {
      if (property.type === AST_NODE_TYPES.Property && property.value === name && property.key.type === AST_NODE_TYPES.Identifier) {
        return { module, name: property.key.name };
      }
    }
  }
  return undefined;
}

/** A module export: `name` is `default` or `*` for the whole module. */
export interface ModuleRef {
  readonly module: string;
  readonly name: string;
}

/** How many `const` hops `const a = b; const b = secure ? https : http` are followed. */
const MAX_ALIAS_DEPTH = 4;

/**
 * The module exports an expression may evaluate to, when every value it can take is one: an import
 * or `require` (also inline, `require('https').get`, or `await import('https')`), a member of a
 * whole module (`https.get`), a `const` that holds one of these, a property destructured from a
 * whole module (`const { get } = https`), or either branch of a conditional (`secure ? https :
 * http`). `undefined` as soon as one value it may take is anything else: a client picked at run
 * time is only known when every choice is.
 */
export function moduleRefsOf(
  expression: TSESTree.Node,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
  depth = 0,
): ModuleRef[] | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const value = unwrap(expression);
  switch (value.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(scopeOf(value), value);
      return variable ? variableRefs(variable, scopeOf, depth) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = memberName(value);
      const objects = name === undefined ? undefined : moduleRefsOf(value.object, scopeOf, depth + 1);
      return objects?.every(isWholeModule) ? objects.map((object) => ({ module: object.module, name: name! })) : undefined;
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const consequent = moduleRefsOf(value.consequent, scopeOf, depth + 1);
      const alternate = consequent && moduleRefsOf(value.alternate, scopeOf, depth + 1);
      return consequent && alternate ? [...consequent, ...alternate] : undefined;
    }
    case AST_NODE_TYPES.AwaitExpression: {
      const imported = unwrap(value.argument);
      const module = imported.type === AST_NODE_TYPES.ImportExpression ? stringLiteral(imported.source) : undefined;
      return module === undefined ? undefined : [{ module, name: '*' }];
    }
    case AST_NODE_TYPES.CallExpression: {
      const module = requiredModule(value, scopeOf);
      return module === undefined ? undefined : [{ module, name: 'default' }];
    }
    default:
      return undefined;
  }
}

/** `default` and `*` stand for the module object itself. */
export function isWholeModule(ref: ModuleRef): boolean {
  return ref.name === 'default' || ref.name === '*';
}

function variableRefs(
  variable: TSESLint.Scope.Variable,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
  depth: number,
): ModuleRef[] | undefined {
  const imported = importOf(variable);
  if (imported) return imported.module === null ? undefined : [{ module: imported.module, name: imported.name }];
  // Only a binding that keeps its one value: a reassigned `let` may hold anything by the time it is called.
  if (variable.defs.length !== 1 || variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type !== 'Variable' || definition.node.type !== AST_NODE_TYPES.VariableDeclarator || !definition.node.init) return undefined;
  const { id, init } = definition.node;
  if (id.type === AST_NODE_TYPES.Identifier) return moduleRefsOf(init, scopeOf, depth + 1);
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const property = id.properties.find(
    (entry): entry is TSESTree.Property => entry.type === AST_NODE_TYPES.Property && entry.value === definition.name,
  );
  const key = property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
  const objects = key === undefined ? undefined : moduleRefsOf(init, scopeOf, depth + 1);
  return objects?.every(isWholeModule) ? objects.map((object) => ({ module: object.module, name: key! })) : undefined;
}

/** `require('m')`, with `require` not declared in the file. */
function isRequire(call: TSESTree.CallExpression, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || call.arguments.length !== 1) return false;
  const variable = ASTUtils.findVariable(scopeOf(callee), callee);
  return !variable || variable.defs.length === 0;
}

/** The module of `require('m')`, with `require` not declared in the file. */
export function requiredModule(call: TSESTree.CallExpression, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): string | undefined {
  return isRequire(call, scopeOf) ? stringLiteral(call.arguments[0]) : undefined;
}
