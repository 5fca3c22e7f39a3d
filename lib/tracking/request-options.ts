import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * Whether the request is statically a HEAD request (`{ method: 'HEAD' }` in any object argument):
 * its response has no body to read.
 */
export function requestsHead(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === 'method' &&
          property.value.type === AST_NODE_TYPES.Literal &&
          typeof property.value.value === 'string' &&
          property.value.value.toUpperCase() === 'HEAD',
      ),
  );
}
