import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { memberName, outerWrapper, unwrap } from './ast.js';

/** The names code reaches the global object by. */
const GLOBAL_OBJECTS = ['globalThis', 'global', 'window', 'self'];

/**
 * The globals this file replaces or spies on: `globalThis.fetch = mock`, `fetch = mock`,
 * `vi.spyOn(globalThis, 'fetch')`, `vi.stubGlobal('fetch', mock)`,
 * `Object.defineProperty(globalThis, 'fetch', …)`. A test that does so gets back whatever its mock
 * builds, most often a `Response` in memory with no socket behind it, so a global producer of the
 * file is not followed once the file replaces it. Read from the calls the file already collected
 * and from the global scope's references: no walk of its own.
 */
export function replacedGlobals(calls: readonly TSESTree.CallExpression[], globalScope: TSESLint.Scope.Scope, names: readonly string[]): Set<string> {
  const replaced = new Set<string>();
  const wanted = new Set(names);
  for (const call of calls) {
    const name = replacedBy(call);
    if (name !== undefined && wanted.has(name)) replaced.add(name);
  }
  for (const name of [...GLOBAL_OBJECTS, ...names]) {
    for (const reference of globalReferences(globalScope, name)) {
      if (wanted.has(name)) {
        if (reference.isWrite()) replaced.add(name);
        continue;
      }
      const member = outerWrapper(reference.identifier).parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outerWrapper(reference.identifier)) continue;
      const key = memberName(member);
      const assignment = outerWrapper(member).parent;
      if (key !== undefined && wanted.has(key) && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === outerWrapper(member)) {
        replaced.add(key);
      }
    }
  }
  return replaced;
}

/** The global name a `spyOn`, `stubGlobal` or `Object.defineProperty` call replaces. */
function replacedBy(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  const [first, second] = call.arguments;
  if (name === 'stubGlobal') return stringValue(first);
  if (name !== 'spyOn' && name !== 'defineProperty' && name !== 'replaceProperty') return undefined;
  const target = first && unwrap(first);
  if (target?.type !== AST_NODE_TYPES.Identifier || !GLOBAL_OBJECTS.includes(target.name)) return undefined;
  return stringValue(second);
}

function stringValue(node: TSESTree.Node | undefined): string | undefined {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * References to a global: unresolved ones, and those of a variable the configuration or a lib
 * declares. A script's own top-level `const { fetch } = require('undici')` is in the global scope
 * too, but it is a binding of the file, not the global.
 */
function globalReferences(globalScope: TSESLint.Scope.Scope, name: string): TSESLint.Scope.Reference[] {
  const variable = globalScope.set.get(name);
  const declared = variable && variable.defs.length === 0 ? variable.references : [];
  return [...declared, ...globalScope.through.filter((reference) => reference.identifier.name === name)];
}
