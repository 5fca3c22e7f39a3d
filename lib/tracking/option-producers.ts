import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import type { ClientModel, OptionProducer } from '../clients/client-model.js';
import { clientModels } from '../clients/index.js';
import { BODYLESS, REJECTS_ERRORS } from './body-state.js';
import { memberName, propertyKey, unwrap } from './ast.js';
import { importOf, moduleRefsOf } from './imports.js';
import type { OriginContext, Producer } from './origin-context.js';
import { PROMISE_VIEW } from './response-uses.js';

/** How deep `const b = a.create(); const c = b.extend()` chains are followed. */
const MAX_INSTANCE_DEPTH = 4;

/** A binding that is a client's module object (`axios`, `got`) or an instance made from it. */
export interface ModuleBinding {
  readonly module: string;
  /** The factory calls that configured the instance, outermost first; empty for the module itself. */
  readonly factoryCalls: readonly TSESTree.CallExpression[];
}

/**
 * Producers that need a literal option: axios calls with `responseType: 'stream'`, got calls with
 * `isStream: true`. With types, a client's result type marks the call (wrappers that pass the
 * config through count); without, the callee must be the module object or an instance of it.
 */
export function optionProducerOf(call: TSESTree.CallExpression, context: OriginContext): Producer | undefined {
  const callee = context.types ? undefined : calleeOf(call, context);
  // Without types only a client's module object or instance can be the callee; nearly no call is
  // one, and then no option need be looked up (a spread or an instance config costs a scope walk).
  if (!context.types && !callee) return undefined;
  for (const client of clientModels) {
    for (const producer of client.optionProducers ?? []) {
      if (callee && (!producer.modules.includes(callee.module) || !producer.names.includes(callee.name))) continue;
      // The option first: it is syntax, while the result type makes the checker resolve the call.
      const value = optionValue(call, producer.option.name, context);
      if (value?.type !== AST_NODE_TYPES.Literal || value.value !== producer.option.value) continue;
      if (context.types && !hasResultType(call, producer, context)) continue;
      return { client, view: producer.returns === 'promise' ? PROMISE_VIEW : client.rootView };
    }
  }
  return undefined;
}

function hasResultType(call: TSESTree.CallExpression, producer: OptionProducer, context: OriginContext): boolean {
  const expected = producer.resultType;
  const types = context.types;
  if (!expected || !types) return false;
  const type = types.checker.getTypeAtLocation(types.services.esTreeNodeToTSNodeMap.get(call));
  const awaited = types.checker.getAwaitedType(type) ?? type;
  const symbol = awaited.aliasSymbol ?? awaited.getSymbol();
  return (
    symbol?.getName() === expected.symbol &&
    (symbol.getDeclarations() ?? []).some((declaration) => expected.files.test(declaration.getSourceFile().fileName))
  );
}

/**
 * Flags a response starts with because of how it was requested: a `.head(…)` method has no body,
 * and a client that rejects error statuses (ky, axios) never hands this code one.
 */
export function requestFlags(call: TSESTree.CallExpression, client: ClientModel, context: OriginContext): number {
  const callee = unwrap(call.callee);
  let flags = callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'head' ? BODYLESS : 0;
  if (client.rejectsErrorStatus) {
    const value = optionValue(call, client.rejectsErrorStatus.option, context);
    // Only a visible `throwHttpErrors: false` or `validateStatus: () => true` lets error statuses
    // through; an option the analysis cannot read is taken to keep the default, which reports less.
    const lets = value !== undefined && !(value.type === AST_NODE_TYPES.Literal && value.value === true) && value.type !== AST_NODE_TYPES.Identifier;
    if (!lets) flags |= REJECTS_ERRORS;
  }
  return flags;
}

/**
 * The expression an option is set to for this call: in its own object arguments first, then in the
 * configs of the instance it is called on (`axios.create({ … })`). `undefined` when no visible
 * object sets it, or when a spread after it may override it.
 */
function optionValue(call: TSESTree.CallExpression, name: string, context: OriginContext): TSESTree.Node | undefined {
  const callee = unwrap(call.callee);
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
  const binding = object.type === AST_NODE_TYPES.Identifier ? bindingOf(object, context) : undefined;
  const calls = [call, ...[...(binding?.factoryCalls ?? [])].reverse()];
  for (const current of calls) {
    const found = optionIn(current, name);
    if (found !== undefined) return found === 'hidden' ? undefined : found;
  }
  return undefined;
}

/** Whether `call`'s own object arguments set a producer option of `client` (`axios.create({ responseType: 'stream' })`). */
export function setsProducerOption(call: TSESTree.CallExpression, client: ClientModel): boolean {
  return (client.optionProducers ?? []).some((producer) => {
    const value = optionIn(call, producer.option.name);
    return typeof value === 'object' && value.type === AST_NODE_TYPES.Literal && value.value === producer.option.value;
  });
}

/**
 * Whether `name` may be set for this call: by a visible config of the call or of the instance it
 * is called on, or by a config the analysis cannot read (a variable after the URL, a spread).
 */
export function maySetOption(call: TSESTree.CallExpression, name: string, context: OriginContext): boolean {
  const callee = unwrap(call.callee);
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : callee;
  const binding = object.type === AST_NODE_TYPES.Identifier ? bindingOf(object, context) : undefined;
  // The call's first argument is its URL (or input); every argument of a factory is a config.
  const configs = [...call.arguments.slice(1), ...(binding?.factoryCalls ?? []).flatMap((factory) => factory.arguments)];
  return configs.some((argument) => {
    if (argument.type === AST_NODE_TYPES.Literal || argument.type === AST_NODE_TYPES.TemplateLiteral) return false;
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) return true;
    return argument.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement || property.computed || propertyKey(property) === name);
  });
}

function optionIn(call: TSESTree.CallExpression, name: string): TSESTree.Node | 'hidden' | undefined {
  for (const argument of [...call.arguments].reverse()) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of [...argument.properties].reverse()) {
      if (property.type === AST_NODE_TYPES.SpreadElement) return 'hidden';
      const key = property.computed ? undefined : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
      if (key === name) return unwrap(property.value);
    }
  }
  return undefined;
}

/** The module object and method a call goes to: `axios.get(…)` → axios `get`, `api(…)` → axios `default`. */
function calleeOf(call: TSESTree.CallExpression, context: OriginContext): { module: string; name: string } | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = bindingOf(callee, context);
    if (binding) return { module: binding.module, name: 'default' };
  } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(callee.object);
    const name = memberName(callee);
    const binding = object.type === AST_NODE_TYPES.Identifier ? bindingOf(object, context) : undefined;
    if (binding) return name === undefined ? undefined : { module: binding.module, name };
  }
  // `require('axios').get(…)`, `const { stream } = got`: one module whatever the alias picks.
  const refs = moduleRefsOf(callee, context.scopeOf);
  const first = refs?.[0];
  return first && refs.every((ref) => ref.module === first.module && ref.name === first.name) ? first : undefined;
}

function bindingOf(identifier: TSESTree.Identifier, context: OriginContext): ModuleBinding | undefined {
  const variable = ASTUtils.findVariable(context.scopeOf(identifier), identifier);
  return variable ? moduleBindingOf(variable, 0) : undefined;
}

/**
 * Whether `variable` holds a client's module object: its default or namespace import, a named alias
 * of it (`import { got } from 'got'`), or an instance made by one of its factories and never
 * reassigned (`const api = axios.create(…)`).
 */
export function moduleBindingOf(variable: TSESLint.Scope.Variable, depth: number): ModuleBinding | undefined {
  const imported = importOf(variable);
  if (imported?.module) {
    const module = imported.module;
    const object = clientModels.find((client) => client.moduleObject?.modules.includes(module))?.moduleObject;
    if (!object) return undefined;
    const whole = imported.name === 'default' || imported.name === '*' || object.aliases?.includes(imported.name) === true;
    return whole ? { module, factoryCalls: [] } : undefined;
  }
  if (depth >= MAX_INSTANCE_DEPTH || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.node.type !== AST_NODE_TYPES.VariableDeclarator || !definition.node.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const init = unwrap(definition.node.init);
  if (init.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(init.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const parentObject = unwrap(callee.object);
  if (parentObject.type !== AST_NODE_TYPES.Identifier) return undefined;
  const parentVariable = ASTUtils.findVariable(variable.scope, parentObject);
  const parent = parentVariable ? moduleBindingOf(parentVariable, depth + 1) : undefined;
  const factory = memberName(callee);
  const object = parent && clientModels.find((client) => client.moduleObject?.modules.includes(parent.module))?.moduleObject;
  if (!parent || !object || factory === undefined || !object.factories.includes(factory)) return undefined;
  return { module: parent.module, factoryCalls: [...parent.factoryCalls, init] };
}

/** `importOf`, with an instance or alias of a client's module object reported as its default import. */
export function clientImportOf(variable: TSESLint.Scope.Variable): { module: string | null; name: string } | undefined {
  const binding = moduleBindingOf(variable, 0);
  return binding ? { module: binding.module, name: 'default' } : importOf(variable);
}
