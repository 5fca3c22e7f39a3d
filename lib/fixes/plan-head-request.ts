import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { UndrainedClose } from '../tracking/findings.js';
import { isDirectClientCall } from '../tracking/response-origins.js';

/**
 * `fetch(url)` → `fetch(url, { method: 'HEAD' })` when no path reads the body. A suggestion: the
 * server may answer HEAD differently, and undici closes the connection after a HEAD
 * (nodejs/undici#258), so this saves the transfer, not the handshake.
 */
export function planHeadRequest(close: UndrainedClose, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.ReportFixFunction | undefined {
  const producer = close.response.producer;
  if (!close.bodyNeverRead || !close.response.client.methodOption || producer.type !== AST_NODE_TYPES.CallExpression) {
    return undefined;
  }
  // A wrapper (`getRaw(path)`) may take no options argument at all: only the client's own call.
  if (!isDirectClientCall(producer, { scopeOf: (node) => sourceCode.getScope(node) })) return undefined;
  const [url, init, ...rest] = producer.arguments;
  // `pool.request({ path, method })` (Dispatcher#request) has no URL argument to put options after.
  if (!url || rest.length > 0 || url.type === AST_NODE_TYPES.SpreadElement || url.type === AST_NODE_TYPES.ObjectExpression) return undefined;
  if (!init) return (fixer) => fixer.insertTextAfter(url, ", { method: 'HEAD' }");
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const hasMethod = init.properties.some(
    (property) => property.type !== AST_NODE_TYPES.Property || property.computed || (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'method'),
  );
  if (hasMethod) return undefined;
  const open = sourceCode.getFirstToken(init)!;
  return (fixer) => fixer.insertTextAfter(open, init.properties.length === 0 ? " method: 'HEAD' " : " method: 'HEAD',");
}
