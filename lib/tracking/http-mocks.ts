import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { clientModules, httpMockExports, httpMockModules } from '../clients/index.js';
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

/** `jest.mock('ky')`, `vi.mock('axios', …)`, `jest.unstable_mockModule('got', …)`: a module mocked whole. */
const MODULE_MOCKS = new Set(['mock', 'doMock', 'unstable_mockModule']);
const TEST_RUNNERS = new Set(['jest', 'vi']);

/**
 * Whether this file mocks HTTP for every client: it imports or requires an interceptor (nock, msw,
 * undici's `MockAgent`, …), mocks a client's module whole (`vi.mock('ky')`), or spies on a client
 * module's export (`jest.spyOn(ky, 'post')`). Its requests may then be answered in memory, so none
 * is followed. Read from the program's top-level statements and the calls already collected.
 */
export function mocksHttp(calls: readonly TSESTree.CallExpression[], program: TSESTree.Program, scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope): boolean {
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && importsMock(statement)) return true;
  }
  return calls.some((call) => {
    const callee = unwrap(call.callee);
    const module = stringValue(call.arguments[0]);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require') return module !== undefined && httpMockModules.has(module);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = memberName(callee);
    if (name !== undefined && MODULE_MOCKS.has(name) && callee.object.type === AST_NODE_TYPES.Identifier && TEST_RUNNERS.has(callee.object.name)) {
      return module !== undefined && clientModules.has(module.replace(/^node:/, ''));
    }
    if (name !== 'spyOn') return false;
    const target = call.arguments[0] && unwrap(call.arguments[0]);
    if (target?.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = ASTUtils.findVariable(scopeOf(target), target)?.defs[0];
    const source = definition?.type === 'ImportBinding' && definition.parent.type === AST_NODE_TYPES.ImportDeclaration ? definition.parent.source.value : undefined;
    return source !== undefined && clientModules.has(source.replace(/^node:/, ''));
  });
}

function importsMock(declaration: TSESTree.ImportDeclaration): boolean {
  const module = declaration.source.value;
  if (httpMockModules.has(module)) return true;
  const names = httpMockExports.get(module.replace(/^node:/, ''));
  return names !== undefined && declaration.specifiers.some(
    (specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier && names.includes(specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value),
  );
}
