import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { clientModels, clientModules, httpMockExports, httpMockModules } from '../clients/index.js';
import { memberName, outerWrapper, stringLiteral, unwrap } from './ast.js';
import { importOf, requiredModule } from './imports.js';

/** The names code reaches the global object by. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

/** `jest.mock('ky')`, `vi.mock('axios', …)`, `jest.unstable_mockModule('got', …)`: a module mocked whole. */
const MODULE_MOCKS = new Set(['mock', 'doMock', 'unstable_mockModule']);
const TEST_RUNNERS = new Set(['jest', 'vi']);

/** What a file mocks of HTTP: a test's requests may then be answered in memory, with no socket behind them. */
export interface HttpMocks {
  /**
   * It imports or requires an interceptor (nock, msw, undici's `MockAgent`, …), mocks a client's
   * module whole (`vi.mock('ky')`) or spies on a client module's export (`jest.spyOn(ky, 'post')`):
   * no client's response is followed.
   */
  readonly everyClient: boolean;
  /**
   * The global producers it replaces or spies on (`globalThis.fetch = mock`, `fetch = mock`,
   * `vi.spyOn(globalThis, 'fetch')`, `vi.stubGlobal('fetch', mock)`,
   * `Object.defineProperty(globalThis, 'fetch', …)`): the clients behind them are not followed.
   */
  readonly globals: ReadonlySet<string>;
}

/**
 * What the file mocks, read once per file from its top-level statements, the calls already
 * collected and the global scope's references: no walk of its own.
 */
export function httpMocksOf(
  calls: readonly TSESTree.CallExpression[],
  globalScope: TSESLint.Scope.Scope,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
): HttpMocks {
  const producers = new Set(clientModels.flatMap((client) => client.producers.filter((producer) => producer.modules === null).map((producer) => producer.name)));
  const globals = new Set<string>();
  const program = globalScope.block as TSESTree.Program;
  let everyClient = program.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && importsMock(statement));
  for (const call of calls) {
    if (everyClient) break;
    const module = requiredModule(call, scopeOf);
    if (module !== undefined) {
      everyClient = httpMockModules.has(module);
      continue;
    }
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = memberName(callee);
    const [first, second] = call.arguments;
    if (name !== undefined && MODULE_MOCKS.has(name) && callee.object.type === AST_NODE_TYPES.Identifier && TEST_RUNNERS.has(callee.object.name)) {
      everyClient = isClientModule(stringLiteral(first));
    } else if (name === 'stubGlobal') {
      const stubbed = stringLiteral(first);
      if (stubbed !== undefined && producers.has(stubbed)) globals.add(stubbed);
    } else if (name === 'spyOn' || name === 'defineProperty' || name === 'replaceProperty') {
      const target = first && unwrap(first);
      if (target?.type !== AST_NODE_TYPES.Identifier) continue;
      const key = stringLiteral(second);
      if (GLOBAL_OBJECTS.has(target.name)) {
        if (key !== undefined && producers.has(key)) globals.add(key);
      } else if (name === 'spyOn') {
        const variable = ASTUtils.findVariable(scopeOf(target), target);
        everyClient = variable !== null && isClientModule(importOf(variable)?.module ?? undefined);
      }
    }
  }
  if (everyClient) return { everyClient, globals };
  for (const reference of globalReferences(globalScope, new Set([...GLOBAL_OBJECTS, ...producers]))) {
    const identifier = reference.identifier;
    if (producers.has(identifier.name)) {
      if (reference.isWrite()) globals.add(identifier.name);
      continue;
    }
    // `globalThis.fetch = mock`
    const member = outerWrapper(identifier).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outerWrapper(identifier)) continue;
    const key = memberName(member);
    const assignment = outerWrapper(member).parent;
    if (key !== undefined && producers.has(key) && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === outerWrapper(member)) {
      globals.add(key);
    }
  }
  return { everyClient, globals };
}

function isClientModule(module: string | undefined): boolean {
  return module !== undefined && clientModules.has(module.replace(/^node:/, ''));
}

function importsMock(declaration: TSESTree.ImportDeclaration): boolean {
  const module = declaration.source.value;
  if (httpMockModules.has(module)) return true;
  const names = httpMockExports.get(module.replace(/^node:/, ''));
  return (
    names !== undefined &&
    declaration.specifiers.some(
      (specifier) =>
        specifier.type === AST_NODE_TYPES.ImportSpecifier &&
        names.includes(specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value),
    )
  );
}

/**
 * References to the globals named in `names`: unresolved ones, and those of a variable the
 * configuration or a lib declares. A script's own top-level `const { fetch } = require('undici')`
 * is in the global scope too, but it is a binding of the file, not the global.
 */
function globalReferences(globalScope: TSESLint.Scope.Scope, names: ReadonlySet<string>): TSESLint.Scope.Reference[] {
  const found = globalScope.through.filter((reference) => names.has(reference.identifier.name));
  for (const name of names) {
    const variable = globalScope.set.get(name);
    if (variable && variable.defs.length === 0) found.push(...variable.references);
  }
  return found;
}
