import type * as ts from 'typescript';
import { typescript } from './typescript.js';

// The names a value may come from, read from syntax alone: an expression's (`valueSources`), a
// declaration's (`valueDeclarationSources`), a function's result (`functionSources`) and a written
// type's (`typeSources`), with type parameters standing for their constraints. producer-names.ts
// lists a program's producers from them; nothing here asks the checker.

/** Whether a written type mentions `this` or a type parameter of an enclosing declaration. */
export function dependsOnTypeParameters(type: ts.TypeNode): boolean {
  const ts = typescript();
  const mentioned = new Set<string>();
  let self = false;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.ThisType) self = true;
    else if (ts.isIdentifier(node)) mentioned.add(node.text);
    else ts.forEachChild(node, visit);
  };
  visit(type);
  return self || enclosingTypeParameters(type).some((parameter) => mentioned.has(parameter.name.text));
}

/**
 * Where a variable, property or parameter gets its value: its type annotation (in JavaScript, its
 * JSDoc type), else its initializer; a destructured name also from the property it reads.
 */
export function valueDeclarationSources(
  node: ts.VariableDeclaration | ts.BindingElement | ts.PropertyDeclaration | ts.PropertySignature | ts.PropertyAssignment | ts.ParameterDeclaration,
  file: ts.SourceFile,
): Set<string> {
  const ts = typescript();
  const sources = new Set<string>();
  const initializer = 'initializer' in node ? node.initializer : undefined;
  const declared = 'type' in node && node.type ? node.type : isJavaScript(file) ? ts.getJSDocType(node) : undefined;
  if (declared) {
    typeSources(declared, sources);
    // `interface Box<T> { value: T }`: the property is what its container is instantiated with.
    replaceTypeParameters(declared, sources);
  } else if (initializer) new ValueSources(sources).add(initializer);
  if (ts.isBindingElement(node) && node.propertyName && ts.isIdentifier(node.propertyName)) sources.add(node.propertyName.text);
  return sources;
}

export function unparenthesized(node: ts.Node): ts.Node {
  const ts = typescript();
  let value = node;
  while (ts.isParenthesizedExpression(value) || ts.isAsExpression(value) || ts.isSatisfiesExpression(value)) value = value.expression;
  return value;
}

export function isJavaScript(file: ts.SourceFile): boolean {
  return /\.[cm]?jsx?$/.test(file.fileName);
}

export function isFunctionValue(node: ts.Node): boolean {
  const ts = typescript();
  const value = unparenthesized(node);
  return ts.isArrowFunction(value) || ts.isFunctionExpression(value);
}

export function accessedName(target: ts.Expression): string | undefined {
  const ts = typescript();
  if (ts.isPropertyAccessExpression(target)) return target.name.text;
  if (ts.isElementAccessExpression(target) && ts.isStringLiteral(target.argumentExpression)) return target.argumentExpression.text;
  return undefined;
}

/**
 * A declared return type speaks for a function; without one, the values it returns do. A type
 * parameter stands for its constraint and default: an explicit type argument is seen at the call
 * (`calleeMayProduce`), and one inferred from the arguments passes on a value the caller already had.
 */
export function functionSources(fn: ts.SignatureDeclaration): Set<string> {
  const ts = typescript();
  const sources = new Set<string>();
  // In JavaScript, a JSDoc `@returns` is what the checker reads.
  const declared = fn.type ?? (isJavaScript(fn.getSourceFile()) ? ts.getJSDocReturnType(fn) : undefined);
  if (declared) {
    typeSources(declared, sources);
    replaceTypeParameters(fn, sources);
    return sources;
  }
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return sources;
  const values = new ValueSources(sources, fn);
  if (!ts.isBlock(body)) values.add(body);
  else {
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) return;
      if (ts.isReturnStatement(node) && node.expression) values.add(node.expression);
      ts.forEachChild(node, visit);
    };
    visit(body);
  }
  return sources;
}

/**
 * Replaces each type parameter in `sources` by its constraint and default, until none is left: a
 * constraint may name its own parameter (`T extends EventMap<T>`) or another one (`U extends T`),
 * and a parameter's name left in the list would tie it to every declaration of that name.
 */
export function replaceTypeParameters(node: ts.Node, sources: Set<string>): void {
  const parameters = new Map<string, ts.TypeParameterDeclaration>();
  // The innermost declaration of a name is the one in scope.
  for (const parameter of enclosingTypeParameters(node)) if (!parameters.has(parameter.name.text)) parameters.set(parameter.name.text, parameter);
  const pending = [...sources].filter((name) => parameters.has(name));
  const replaced = new Set<string>();
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    sources.delete(name);
    if (replaced.has(name)) continue;
    replaced.add(name);
    const parameter = parameters.get(name)!;
    const bounds = new Set<string>();
    if (parameter.constraint) typeSources(parameter.constraint, bounds);
    if (parameter.default) typeSources(parameter.default, bounds);
    for (const bound of bounds) {
      if (parameters.has(bound)) pending.push(bound);
      else sources.add(bound);
    }
  }
}

/** The type parameters in scope at `node`: its own, then those of the declarations around it. */
function enclosingTypeParameters(node: ts.Node): ts.TypeParameterDeclaration[] {
  const ts = typescript();
  const found: ts.TypeParameterDeclaration[] = [];
  for (let scope: ts.Node | undefined = node; scope && !ts.isSourceFile(scope); scope = scope.parent) {
    found.push(...((scope as { typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> }).typeParameters ?? []));
  }
  return found;
}

export function valueSources(expression: ts.Expression): Set<string> {
  const sources = new Set<string>();
  new ValueSources(sources).add(expression);
  return sources;
}

/**
 * The names a value may come from, following it back through `await`, conditionals, `.then()` and
 * the local variables of `owner` (by name: a near miss only adds names). A call contributes its
 * callee's name; a property read, the property's name. `new` and literals make values that were
 * not fetched, so they contribute nothing.
 */
export class ValueSources {
  private readonly locals: Map<string, (ts.Node | string)[]> | undefined;
  private readonly followed = new Set<string>();

  constructor(
    private readonly into: Set<string>,
    owner?: ts.SignatureDeclaration,
  ) {
    this.locals = owner && localValues(owner);
  }

  add(expression: ts.Node): void {
    const ts = typescript();
    const node = expression;
    if (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node)) {
      this.add(node.expression);
    } else if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      typeSources(node.type, this.into);
      this.add(node.expression);
    } else if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
      this.into.add(node.text);
      this.followLocal(node.text);
    } else if (ts.isCallExpression(node)) {
      this.addCall(node);
    } else if (ts.isPropertyAccessExpression(node)) {
      this.into.add(node.name.text);
    } else if (ts.isElementAccessExpression(node)) {
      if (ts.isStringLiteral(node.argumentExpression)) this.into.add(node.argumentExpression.text);
      else this.add(node.expression);
    } else if (ts.isConditionalExpression(node)) {
      this.add(node.whenTrue);
      this.add(node.whenFalse);
    } else if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      const { SyntaxKind } = ts;
      if (operator === SyntaxKind.BarBarToken || operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.QuestionQuestionToken) {
        this.add(node.left);
        this.add(node.right);
      } else if (operator === SyntaxKind.CommaToken || operator === SyntaxKind.EqualsToken) {
        this.add(node.right);
      }
    }
  }

  private addCall(call: ts.CallExpression): void {
    const ts = typescript();
    const callee = unparenthesized(call.expression);
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
      const name = accessedName(callee);
      // `producer().then((res) => res)`, `.catch()`, `.finally()` pass the response on.
      if (name === 'then' || name === 'catch' || name === 'finally') {
        this.add(callee.expression);
        for (const argument of call.arguments) {
          const fn = unparenthesized(argument);
          if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) functionSources(fn).forEach((source) => this.into.add(source));
        }
        return;
      }
      if (name !== undefined) this.into.add(name);
      // `undici.request()`, `ky.create()`: a client module object's methods.
      const object = unparenthesized(callee.expression);
      if (ts.isIdentifier(object)) this.into.add(object.text);
      return;
    }
    this.add(callee);
  }

  private followLocal(name: string): void {
    if (!this.locals || this.followed.has(name)) return;
    this.followed.add(name);
    for (const value of this.locals.get(name) ?? []) {
      if (typeof value === 'string') this.into.add(value);
      else if (typescript().isTypeNode(value)) typeSources(value, this.into);
      else this.add(value);
    }
  }
}

/**
 * What each local name of a function is assigned: initialisers, assignments, parameter types, and
 * for a destructured name, the property it was read from.
 */
function localValues(owner: ts.SignatureDeclaration): Map<string, (ts.Node | string)[]> {
  const ts = typescript();
  const values = new Map<string, (ts.Node | string)[]>();
  const record = (name: string, value: ts.Node | string) => {
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  };
  const javaScript = isJavaScript(owner.getSourceFile());
  for (const parameter of owner.parameters) {
    if (!ts.isIdentifier(parameter.name)) continue;
    // `fetchFn = fetch`; in JavaScript, a JSDoc `@param {typeof fetch} fetchFn`.
    const declared = parameter.type ?? (javaScript ? ts.getJSDocType(parameter) : undefined);
    if (declared) record(parameter.name.text, declared);
    if (parameter.initializer) record(parameter.name.text, parameter.initializer);
  }
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && node !== owner) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      if (node.type) record(node.name.text, node.type);
      else if (node.initializer) record(node.name.text, node.initializer);
    } else if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) {
      // `const { response } = await api.get(…).withResponse()`: the property's name, and the value.
      record(node.name.text, node.propertyName && ts.isIdentifier(node.propertyName) ? node.propertyName.text : node.name.text);
      let declaration: ts.Node = node.parent;
      while (ts.isBindingElement(declaration) || ts.isObjectBindingPattern(declaration) || ts.isArrayBindingPattern(declaration)) declaration = declaration.parent;
      if (ts.isVariableDeclaration(declaration) && declaration.initializer) record(node.name.text, declaration.initializer);
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) {
      record(node.left.text, node.right);
    }
    ts.forEachChild(node, visit);
  };
  const body = (owner as ts.FunctionLikeDeclaration).body;
  if (body) visit(body);
  return values;
}

/**
 * The names a type is made of, where they can make it a response or a function returning one:
 * members of an object type and parameters of a function type are left out (a value that has a
 * response property, or takes one, is not itself one), and so is a type predicate (a call of
 * `isResponse(x): x is Response` gives a boolean).
 */
export function typeSources(node: ts.Node, into: Set<string>): void {
  const ts = typescript();
  if (ts.isFunctionTypeNode(node) || ts.isConstructorTypeNode(node)) {
    typeSources(node.type, into);
    return;
  }
  if (ts.isTypeLiteralNode(node)) {
    for (const member of node.members) if (ts.isCallSignatureDeclaration(member) && member.type) typeSources(member.type, into);
    return;
  }
  if (ts.isConditionalTypeNode(node)) {
    // `T extends Promise<infer U> ? U : T`: what `infer` binds is a part of the checked type.
    const branches = new Set<string>();
    typeSources(node.trueType, branches);
    typeSources(node.falseType, branches);
    let inferred = false;
    const visit = (child: ts.Node): void => {
      if (ts.isInferTypeNode(child)) inferred = branches.delete(child.typeParameter.name.text) || inferred;
      else ts.forEachChild(child, visit);
    };
    visit(node.extendsType);
    if (inferred) typeSources(node.checkType, branches);
    branches.forEach((name) => into.add(name));
    return;
  }
  if (ts.isMappedTypeNode(node)) {
    // `{ [K in keyof T]: T[K] }`: the key is a name of the mapped type's own, not a type.
    const values = new Set<string>();
    if (node.type) typeSources(node.type, values);
    values.delete(node.typeParameter.name.text);
    values.forEach((name) => into.add(name));
    return;
  }
  // An array, a tuple or a list of keys holds responses at most; the checker never calls one a
  // response (`responseKindOfType`), so no name in it makes a call a producer.
  if (ts.isArrayTypeNode(node) || ts.isTupleTypeNode(node)) return;
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.KeyOfKeyword) return;
  // `value is Response`, `asserts value is Response`: calling it gives a boolean or nothing.
  if (ts.isTypePredicateNode(node)) return;
  if (ts.isTypeQueryNode(node)) {
    typeSources(node.exprName, into);
    return;
  }
  if (ts.isQualifiedName(node)) {
    into.add(node.right.text);
    return;
  }
  if (ts.isIdentifier(node)) {
    into.add(node.text);
    return;
  }
  ts.forEachChild(node, (child) => typeSources(child, into));
}
