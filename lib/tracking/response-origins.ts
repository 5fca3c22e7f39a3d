import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { bareModule, clientModels, isClientDeclarationFile, memoryResponseClasses, type ClientModel } from '../clients/index.js';
import { callMayReturnResponse, responseKindOfType } from '../types/response-type.js';
import { mayHoldProducer, producerNames, typeMayBeResponse } from '../types/producer-names.js';
import { dependsOnTypeParameters } from '../types/value-sources.js';
import { typescript } from '../types/typescript.js';
import { memberName, returnedValues, unwrap } from './ast.js';
import { clientImportOf, optionProducerOf } from './option-producers.js';
import { moduleRefsOf } from './imports.js';
import { calleeFunction, type VisibleFunction } from './callee-function.js';
import type { OriginContext, Producer } from './origin-context.js';
import { PROMISE_VIEW } from './response-uses.js';

/** Declarations that can make a call a producer: a client's declaration file, or a source file. */
const mayDeclareProducer = (file: ts.SourceFile): boolean => !file.isDeclarationFile || isClientDeclarationFile(file.fileName);

/** Whether `call` produces a response, by type when the file has types, by name otherwise. */
export function producerOf(call: TSESTree.CallExpression, context: OriginContext): Producer | undefined {
  // `super(body)` in a class extending `Response` builds the object itself: nothing was fetched.
  if (call.callee.type === AST_NODE_TYPES.Super || isStaticConstructor(call)) return undefined;
  return (context.types ? producerByType(call, context) : producerByName(call, context)) ?? optionProducerOf(call, context);
}

function producerByType(call: TSESTree.CallExpression, context: OriginContext): Producer | undefined {
  const screened = screenCall(call, context);
  if (!screened) return undefined;
  return typedProducer(call, context, screened.length === 1 ? plainSignature(screened[0]!) : undefined);
}

/** Exported for the test that holds `screenCall` to `typedProducer`. */
export function mayBeProducerCall(call: TSESTree.CallExpression, context: OriginContext): boolean {
  return screenCall(call, context) !== undefined;
}

/**
 * Whether a call is worth asking the checker about: its callee's name is one the program may
 * produce under, and its declarations' annotations do not rule it out. Nearly every call stops
 * here, without a type computed. Returns the callee's declarations (empty when unknown).
 */
function screenCall(call: TSESTree.CallExpression, context: OriginContext): readonly ts.Declaration[] | undefined {
  if (!calleeMayProduce(call, context)) return undefined;
  const declarations = calleeDeclarations(call, context);
  if (declarations.length > 0 && !declarationsMayProduce(declarations, context)) return undefined;
  return declarations;
}

/**
 * Whether `call` produces a response, by its type as the checker resolves it. Given the one plain
 * signature the callee has (see `plainSignature`), its written return type is the call's type, and
 * the call is not resolved at all.
 */
export function typedProducer(
  call: TSESTree.CallExpression,
  context: OriginContext,
  plain?: ts.SignatureDeclaration & { readonly type: ts.TypeNode },
): Producer | undefined {
  const types = context.types!;
  const tsNode = types.services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
  if (!plain && !callMayReturnResponse(types.checker, tsNode, mayDeclareProducer)) return undefined;
  const returned = plain ? types.checker.getTypeFromTypeNode(plain.type) : types.checker.getTypeAtLocation(tsNode);
  const kind = responseKindOfType(types.checker, returned);
  if (typeof kind === 'string') return undefined;
  // `res.resume()` and `res.setEncoding()` return `this`: the same response, not a new one.
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = types.services.esTreeNodeToTSNodeMap.get(callee.object);
    if (responseKindOfType(types.checker, types.checker.getTypeAtLocation(object)) !== 'none') return undefined;
  }
  const declaration = plain ?? types.checker.getResolvedSignature(tsNode)?.getDeclaration();
  if (!declaration) return undefined;
  const file = declaration.getSourceFile();
  if (!mayDeclareProducer(file)) return undefined;
  if (file.isDeclarationFile) {
    // lib.dom's `Cache#match` is typed like `fetch` but reads a stored response, not a socket.
    if (!declaresRequest(kind.client, declaration)) return undefined;
  } else {
    // A wrapper whose body is visible must show where its response comes from; a function value
    // without a body (a parameter, an injected dependency) must look like `fetch` to be one.
    const visible = calleeFunction(call, context, () => [], plain);
    if (visible ? !returnsNetworkResponse(visible) : !isFetchShaped(declaration, types.checker)) return undefined;
  }
  return { client: kind.client, view: kind.promise ? PROMISE_VIEW : kind.view, ...(kind.nullable ? { nullable: true } : {}) };
}

/** Whether a client's declaration is one of the calls that send a request (see `declaredProducers`). */
function declaresRequest(client: ClientModel, declaration: ts.Declaration): boolean {
  if (!client.declaredProducers) return true;
  const name = typescript().getNameOfDeclaration(declaration);
  return name !== undefined && client.declaredProducers.includes(name.getText());
}

/**
 * Whether a signature without a body takes a URL first, as `fetch` does: `fetchFn: FetchLike`,
 * `http: { get(url: string): Promise<Response> }`. A middleware's `next()`, a renderer's
 * `render(page)` or a handler's `(request: Request) => Response` take no URL: their responses are
 * built by code this call does not show, most often in memory, so they are not followed. Nor is a
 * URL that may be left out (Astro's `next(rewrite?: string | URL | Request)`): `fetch` cannot do
 * without one, a middleware's `next()` can.
 */
function isFetchShaped(declaration: ts.SignatureDeclaration | ts.JSDocSignature, checker: ts.TypeChecker): boolean {
  const [first, second] = declaration.parameters;
  if (!first || mayBeLeftOut(first)) return false;
  const { TypeFlags } = typescript();
  const type = checker.getTypeAtLocation(first);
  const takesUrl = (type.isUnion() ? type.types : [type]).some(
    (part) => (part.flags & TypeFlags.StringLike) !== 0 || part.getSymbol()?.getName() === 'URL',
  );
  // `fetch`'s second argument is its options: `(token: string, env: string) => Promise<Response>`
  // (a route handler called in-process by a test) is something else.
  return takesUrl && !(second && !mayBeLeftOut(second) && (checker.getTypeAtLocation(second).flags & TypeFlags.StringLike) !== 0);
}

function mayBeLeftOut(parameter: ts.ParameterDeclaration | ts.JSDocParameterTag): boolean {
  if ('isBracketed' in parameter) return parameter.isBracketed;
  return parameter.questionToken !== undefined || parameter.initializer !== undefined || parameter.dotDotDotToken !== undefined;
}

/**
 * Whether the program declares anything that may produce a response under the callee's name (see
 * `producerNames`); a parameter or local variable is judged by its own declaration. Callees without
 * a name (`handlers[kind](url)`, `make()(url)`) are always asked about.
 */
function calleeMayProduce(call: TSESTree.CallExpression, context: OriginContext): boolean {
  const { services } = context.types!;
  // `client.get<Response>(url)`: an explicit type argument can make any generic function a producer.
  if (call.typeArguments) return true;
  const names = producerNames(services.program);
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (names.has(callee.name)) return true;
    const definition = ASTUtils.findVariable(context.scopeOf(callee), callee)?.defs[0];
    // `import apiFetch from './api'`: the name is the importer's, so the export's name says nothing.
    if (definition?.type === 'ImportBinding') return definition.node.type !== AST_NODE_TYPES.ImportSpecifier;
    if (definition?.type !== 'Parameter' && definition?.type !== 'Variable') return false;
    const declaration = services.esTreeNodeToTSNodeMap.get(definition.name).parent;
    return isLocalDeclaration(declaration) && mayHoldProducer(declaration, names);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return true;
  if (callee.property.type === AST_NODE_TYPES.PrivateIdentifier) return names.has(`#${callee.property.name}`);
  const name = memberName(callee);
  return name === undefined || names.has(name);
}

/** The callee's declarations, when it has a name and the call spells out no type arguments. */
function calleeDeclarations(call: TSESTree.CallExpression, context: OriginContext): readonly ts.Declaration[] {
  if (call.typeArguments) return [];
  const { services, checker } = context.types!;
  const callee = unwrap(call.callee);
  const name =
    callee.type === AST_NODE_TYPES.Identifier ? callee : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? callee.property : undefined;
  if (!name) return [];
  // The symbol is far cheaper to get than the callee's type, let alone the call's.
  let symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(name));
  if (symbol && symbol.flags & typescript().SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations ?? [];
}

/**
 * Whether the callee's declarations may return a response, read from their annotations: a callee
 * declared `create(…): APIPromise<Completion>` is settled without computing a type.
 */
function declarationsMayProduce(declarations: readonly ts.Declaration[], context: OriginContext): boolean {
  const names = producerNames(context.types!.services.program);
  return declarations.some((declaration) => {
    // A function's signature is declared where it is; a variable's comes from its type, which may
    // be declared anywhere (`export declare const fetch: typeof globalThis.fetch`).
    if (typescript().isFunctionLike(declaration) && !mayDeclareProducer(declaration.getSourceFile())) return false;
    const annotation = declaredType(declaration);
    return annotation === undefined || typeMayBeResponse(annotation, names);
  });
}

/**
 * A function or method that is not overloaded, not generic, and writes out a return type that
 * depends on no type parameter or `this`: every call of it has that type.
 */
function plainSignature(declaration: ts.Declaration): (ts.SignatureDeclaration & { readonly type: ts.TypeNode }) | undefined {
  const ts = typescript();
  if (!ts.isFunctionDeclaration(declaration) && !ts.isMethodDeclaration(declaration) && !ts.isMethodSignature(declaration)) return undefined;
  const type = declaration.type;
  if (!type || declaration.typeParameters?.length || dependsOnTypeParameters(type)) return undefined;
  return declaration as ts.SignatureDeclaration & { readonly type: ts.TypeNode };
}

/** The annotation that says what calling a declaration gives: a return type, or a function type. */
function declaredType(declaration: ts.Declaration): ts.TypeNode | undefined {
  const ts = typescript();
  if (ts.isFunctionLike(declaration)) return declaration.type;
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration) || ts.isParameter(declaration)) {
    return declaration.type;
  }
  return undefined;
}

function isLocalDeclaration(node: ts.Node): node is ts.ParameterDeclaration | ts.VariableDeclaration | ts.BindingElement {
  const { SyntaxKind } = typescript();
  return node.kind === SyntaxKind.Parameter || node.kind === SyntaxKind.VariableDeclaration || node.kind === SyntaxKind.BindingElement;
}

/** `Response.json()`, `Response.error()`, `Response.redirect()` build responses in memory (`memoryClasses`). */
function isStaticConstructor(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    memoryResponseClasses.has(callee.object.name)
  );
}

const wrapperCache = new WeakMap<TSESTree.Node, boolean>();

/**
 * A user function typed to return a response is a producer only if some `return` hands back what a
 * producer made; one that returns `new Response(…)` is a fake (a test double, a server handler), and
 * one that returns its parameter or a field passes on a response it did not make. Cycles (mutual
 * recursion) resolve to "not a producer" while in progress.
 */
function returnsNetworkResponse(callee: VisibleFunction): boolean {
  const cached = wrapperCache.get(callee.fn);
  if (cached !== undefined) return cached;
  wrapperCache.set(callee.fn, false);
  const result = returnedValues(callee.fn).some((expression) => expression !== undefined && originOf(expression, callee.origin) === 'network');
  wrapperCache.set(callee.fn, result);
  return result;
}

/**
 * Where a value comes from: a `network` producer, built in `memory` (`new Response(…)`, a literal),
 * or somewhere the analysis `may` not see (a parameter, a field, an unknown call). Only `network`
 * makes a wrapper.
 */
export type Origin = 'network' | 'memory' | 'may';

/** Where a value comes from (see `Origin`), in the file `context` describes. */
export function valueOrigin(expression: TSESTree.Node, context: OriginContext): Origin {
  return originOf(expression, context);
}

function originOf(expression: TSESTree.Node, context: OriginContext, depth = 0): Origin {
  let value = unwrap(expression);
  while (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  switch (value.type) {
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
      return 'memory';
    case AST_NODE_TYPES.Identifier:
      return value.name === 'undefined' ? 'memory' : variableOrigin(value, context, depth);
    // `this.cached ??= new Response(…)`: the cache only ever holds what the right side makes.
    case AST_NODE_TYPES.AssignmentExpression:
      return originOf(value.right, context, depth);
    case AST_NODE_TYPES.LogicalExpression:
      return anyOrigin([value.left, value.right], context, depth);
    case AST_NODE_TYPES.ConditionalExpression:
      return anyOrigin([value.consequent, value.alternate], context, depth);
    case AST_NODE_TYPES.CallExpression:
      return callOrigin(value, context, depth);
    default:
      return 'may';
  }
}

/** The origin of several values one expression may take: network if any is, memory if all are. */
function anyOrigin(values: readonly TSESTree.Node[], context: OriginContext, depth: number): Origin {
  const origins = values.map((value) => originOf(value, context, depth));
  if (origins.includes('network')) return 'network';
  return origins.every((origin) => origin === 'memory') ? 'memory' : 'may';
}

function callOrigin(call: TSESTree.CallExpression, context: OriginContext, depth: number): Origin {
  const callee = unwrap(call.callee);
  // `producer().then(…)`, `.catch(…)`, `.finally(…)` keep (or may keep) the producer's response.
  if (callee.type === AST_NODE_TYPES.MemberExpression && ['then', 'catch', 'finally'].includes(memberName(callee) ?? '')) {
    return originOf(callee.object, context, depth);
  }
  if (producerOf(call, context)) return 'network';
  const nested = calleeFunction(call, context, () => []);
  return nested !== undefined && returnsNetworkResponse(nested) ? 'network' : 'may';
}

/** How many variables deep `let res = …; res = …; return res` is followed. */
const MAX_VARIABLE_DEPTH = 4;

/**
 * A variable's values: its initializer and everything assigned to it (`let res; for (…) res = await
 * fetch(u); return res`). A parameter is the caller's value: passing it back makes no response.
 */
function variableOrigin(identifier: TSESTree.Identifier, context: OriginContext, depth: number): Origin {
  const variable = ASTUtils.findVariable(context.scopeOf(identifier), identifier);
  if (!variable || variable.defs.length !== 1 || depth >= MAX_VARIABLE_DEPTH) return 'may';
  const definition = variable.defs[0]!;
  if (definition.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.Identifier) return 'may';
  const values: TSESTree.Node[] = definition.node.init ? [definition.node.init] : [];
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.init) continue;
    const assignment = reference.identifier.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== reference.identifier) return 'may';
    values.push(assignment.right);
  }
  return values.length === 0 ? 'memory' : anyOrigin(values, context, depth + 1);
}

/** Whether `call` calls the client itself (by import or global), not a wrapper around it. */
export function isDirectClientCall(call: TSESTree.CallExpression, context: OriginContext): boolean {
  return producerByName(call, context) !== undefined;
}

/** Without types: a global `fetch`, or a known client function imported by name. */
function producerByName(call: TSESTree.CallExpression, context: OriginContext): Producer | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.scopeOf(callee), callee);
    const imported = variable ? clientImportOf(variable) : { module: null, name: callee.name };
    const found = imported && matchProducer(imported.module, imported.name);
    if (found) return found;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const name = memberName(callee);
    if (name === undefined) return undefined;
    const objectName = callee.object.name;
    const variable = ASTUtils.findVariable(context.scopeOf(callee.object), callee.object);
    // typescript-eslint declares `globalThis` as a variable without definitions.
    const global = !variable || variable.defs.length === 0;
    if (global && (objectName === 'globalThis' || objectName === 'window' || objectName === 'self')) {
      return matchProducer(null, name);
    }
    const namespace = variable ? clientImportOf(variable) : undefined;
    // `import * as undici`, `import undici from`, `const undici = require(…)`.
    if (namespace && (namespace.name === '*' || namespace.name === 'default')) return matchProducer(namespace.module, name);
  }
  return aliasedProducer(callee, context);
}

/**
 * A client function reached through an alias the import alone does not show: `const { request } =
 * undici`, `require('undici').request`, a module picked at run time. Every module it may be must
 * make the same producer.
 */
function aliasedProducer(callee: TSESTree.Node, context: OriginContext): Producer | undefined {
  const refs = moduleRefsOf(callee, context.scopeOf);
  const producers = refs?.map((ref) => matchProducer(ref.module, ref.name));
  const first = producers?.[0];
  return first && producers.every((producer) => producer?.client === first.client && producer.view === first.view) ? first : undefined;
}

function matchProducer(module: string | null, name: string): Producer | undefined {
  for (const client of clientModels) {
    for (const producer of client.producers) {
      const moduleMatches =
        module === null ? producer.modules === null : producer.modules?.includes(bareModule(module));
      if (moduleMatches && producer.name === name) {
        return { client, view: producer.returns === 'promise' ? PROMISE_VIEW : client.rootView };
      }
    }
  }
  return undefined;
}
