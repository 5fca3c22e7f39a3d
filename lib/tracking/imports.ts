import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { memberName, unwrap } from './ast.js';

/**
 * Where a variable comes from: `{ module, name }` for an import or `require` (`name` is `default`
 * or `*` for whole-module bindings), `{ module: null }` for an unresolved global, `undefined` for a
 * local value.
 */
export function importOf(variable: TSESLint.Scope.Variable): { module: string | null; name: string } | undefined {
  const definition = variable.defs[0];
  if (!definition) return { module: null, name: variable.name };
  if (definition.type === 'ImportBinding') {
    const declaration = definition.parent as TSESTree.ImportDeclaration;
    const module = declaration.source.value;
    const specifier = definition.node;
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
