import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { bareModule, clientModels, isClientDeclarationFile, type ClientModel } from '../clients/index.js';
import { callMayReturnResponse, responseKindOfType } from '../types/response-type.js';
import { dependsOnTypeParameters, mayHoldProducer, producerNames, typeMayBeResponse } from '../types/producer-names.js';
import { typescript } from '../types/typescript.js';
import { forEachChild, isFunctionNode, memberName, unwrap } from './ast.js';
import { clientImportOf, optionProducerOf } from './option-producers.js';
import { calleeFunction, type VisibleFunction } from '../summaries/callee-function.js';
import { PROMISE_VIEW } from './response-uses.js';

/** What the engine needs to recognise producers in one file. */
export interface OriginContext {
  readonly scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope;
  /** Present when the file has a type-checked program. */
  readonly types?: {
    readonly services: ParserServicesWithTypeInformation;
    readonly checker: ts.TypeChecker;
  };
}

/** A call that produces a response: which client, and the view its value starts as. */
export interface Producer {
  readonly client: ClientModel;
  /** `PROMISE_VIEW` for a promise of the response, else the client's root view. */
  readonly view: string;
}

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
  if (!file.isDeclarationFile) {
    // A wrapper whose body is visible must show where its response comes from; one that is not
    // visible (a `.ts` file in node_modules) is trusted by its type.
    const visible = calleeFunction(call, context, () => [], plain);
    if (visible && !returnsNetworkResponse(visible)) return undefined;
  }
  return { client: kind.client, view: kind.promise ? PROMISE_VIEW : kind.view };
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

/** `Response.json()`, `Response.error()`, `Response.redirect()` build responses in memory. */
function isStaticConstructor(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Response'
  );
}

const wrapperCache = new WeakMap<TSESTree.Node, boolean>();

/**
 * A user function typed to return a response is a producer only if some `return` hands back what a
 * producer made; one that returns `new Response(…)` is a fake (a test double, a server handler).
 * Cycles (mutual recursion) resolve to "not a producer" while in progress.
 */
function returnsNetworkResponse(callee: VisibleFunction): boolean {
  const cached = wrapperCache.get(callee.fn);
  if (cached !== undefined) return cached;
  wrapperCache.set(callee.fn, false);
  const result = returnedExpressions(callee.fn).some((expression) => isNetworkValue(expression, callee.origin));
  wrapperCache.set(callee.fn, result);
  return result;
}

function isNetworkValue(expression: TSESTree.Node, context: OriginContext): boolean {
  let value = unwrap(expression);
  while (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  if (value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.ObjectExpression) return false;
  if (value.type === AST_NODE_TYPES.Literal || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')) return false;
  // `const r = new Response(…); r.headers.set(…); return r;` is as fake as returning it directly.
  const constant = value.type === AST_NODE_TYPES.Identifier ? constInitializer(value, context) : undefined;
  if (constant) return isNetworkValue(constant, context);
  // `this.cached ??= new Response(…)`: the cache only ever holds what the right side makes.
  if (value.type === AST_NODE_TYPES.AssignmentExpression) return isNetworkValue(value.right, context);
  if (value.type === AST_NODE_TYPES.LogicalExpression) return isNetworkValue(value.left, context) || isNetworkValue(value.right, context);
  if (value.type === AST_NODE_TYPES.ConditionalExpression) {
    return isNetworkValue(value.consequent, context) || isNetworkValue(value.alternate, context);
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return true;
  const callee = unwrap(value.callee);
  // `producer().then(…)`, `.catch(…)`, `.finally(…)` keep (or may keep) the producer's response.
  if (callee.type === AST_NODE_TYPES.MemberExpression && ['then', 'catch', 'finally'].includes(memberName(callee) ?? '')) {
    return isNetworkValue(callee.object, context);
  }
  if (producerOf(value, context)) return true;
  const nested = calleeFunction(value, context, () => []);
  return nested !== undefined && returnsNetworkResponse(nested);
}

/** The initializer of the `const` that `identifier` names, if it is one (a `let` may hold anything). */
function constInitializer(identifier: TSESTree.Identifier, context: OriginContext): TSESTree.Expression | undefined {
  const definition = ASTUtils.findVariable(context.scopeOf(identifier), identifier)?.defs;
  if (definition?.length !== 1 || definition[0]!.type !== 'Variable') return undefined;
  const declarator = definition[0]!.node;
  const declaration = definition[0]!.parent;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const' ? (declarator.init ?? undefined) : undefined;
}

/** Expressions a function returns, not counting nested functions. */
function returnedExpressions(
  node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression,
): TSESTree.Node[] {
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression && node.body.type !== AST_NODE_TYPES.BlockStatement) {
    return [node.body];
  }
  const found: TSESTree.Node[] = [];
  const visit = (current: TSESTree.Node): void => {
    if (isFunctionNode(current)) return;
    if (current.type === AST_NODE_TYPES.ReturnStatement) {
      if (current.argument) found.push(current.argument);
      return;
    }
    forEachChild(current, visit);
  };
  if (node.body) forEachChild(node.body, visit);
  return found;
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
    if (!imported) return undefined;
    return matchProducer(imported.module, imported.name);
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
  return undefined;
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
