import { posix } from 'node:path';
import type * as ts from 'typescript';
import { bareModule, clientModels, clientModules, responseTypeNames, type ClientModel } from '../clients/index.js';
import { typescript } from './typescript.js';

/**
 * The names under which a program may call something that returns a response.
 *
 * Asking the checker whether a call returns a response costs more than the rest of a lint, and
 * nearly every call in a file is not a producer. A call can only return a response if the
 * function it resolves to is declared in a client's declaration file or in a source file of the
 * program (`producerByType` drops every other declaration). So one syntactic pass over those files
 * lists what may produce: functions whose declared return type names a response type, or, without
 * one, whose returned values come from something that does; properties, methods and module-level
 * variables typed or initialised that way; types that alias, extend or return one. A call whose
 * callee name is not in the list is not a producer, and the checker is never asked about it. The
 * list errs on the side of names: a name that collides with a producer's costs one checker question.
 *
 * Parameters and local variables are left out of the list: their names are common (`res`, `value`)
 * and only mean something in their own function, so a call of one is judged there
 * (`mayHoldProducer`).
 *
 * Each file is read once per `ts.SourceFile`, and a program re-uses the `SourceFile` of every file
 * an edit did not touch, so re-linting one file re-reads one file.
 */
export interface ProducerNames {
  has(name: string): boolean;
}

/** One declaration: the names it binds, and the names its value may come from. */
interface Declared {
  readonly names: readonly string[];
  /**
   * `undefined` when it binds a client module (`import nodeFetch from 'node-fetch'`): it may produce
   * whatever the rest of the program says.
   */
  readonly sources: readonly string[] | undefined;
  /**
   * A renamed import or re-export from a relative module (`import { b as Birpc } from './chunk.js'`):
   * the sources are that module's exports, not whatever else in the program has the same name.
   */
  readonly module?: string;
}

const perProgram = new WeakMap<ts.Program, ProducerNames>();

/** The names of the program that may produce responses, computed once per program. */
export function producerNames(program: ts.Program): ProducerNames {
  let names = perProgram.get(program);
  if (!names) perProgram.set(program, (names = collect(program)));
  return names;
}

/**
 * Whether a parameter or local variable may hold a producer, judged by its type annotation, else by
 * where its value comes from. A parameter without an annotation gets its type from the call it is
 * passed to, which no declaration shows, so it may.
 */
export function mayHoldProducer(
  declaration: ts.ParameterDeclaration | ts.VariableDeclaration | ts.BindingElement,
  names: ProducerNames,
): boolean {
  if (typescript().isParameter(declaration) && !declaration.type) return true;
  return [...valueDeclarationSources(declaration, declaration.getSourceFile())].some((name) => names.has(name));
}

/** What one file contributes. */
interface FileNames {
  readonly fileName: string;
  readonly declarations: readonly Declared[];
  /** Names the file exports under a new name (`export { TypedResponse as b }`). */
  readonly aliases: readonly string[];
  /** The clients whose declaration file this is. */
  readonly clients: readonly ClientModel[];
  /** Equal for two versions of a file that contribute the same (an edit inside a function body). */
  fingerprint(): string;
}

/** The last result per project, re-used when a new program's files contribute the same. */
const lastByProject = new Map<string, { readonly files: readonly FileNames[]; readonly names: ProducerNames }>();

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

/** Whether a type annotation may be a response type: a parameter typed `T` is read as `T`'s constraint. */
export function typeMayBeResponse(annotation: ts.TypeNode, names: ProducerNames): boolean {
  const sources = new Set<string>();
  typeSources(annotation, sources);
  replaceTypeParameters(annotation, sources);
  return [...sources].some((name) => names.has(name));
}

function collect(program: ts.Program): ProducerNames {
  // Binding sets the parent pointers that reading a declaration follows; rules have a checker anyway.
  program.getTypeChecker();
  const files: FileNames[] = [];
  for (const file of program.getSourceFiles()) {
    const names = namesOf(file);
    if (names) files.push(names);
  }
  // Each keystroke in an editor makes a new program, and nearly always the names stay the same.
  const project = String(program.getCompilerOptions().configFilePath ?? program.getRootFileNames()[0]);
  const last = lastByProject.get(project);
  if (last && last.files.length === files.length && last.files.every((file, i) => file === files[i] || file.fingerprint() === files[i]!.fingerprint())) {
    lastByProject.set(project, { files, names: last.names });
    return last.names;
  }
  const names = solve(files, program);
  lastByProject.set(project, { files, names });
  return names;
}

function solve(files: readonly FileNames[], program: ts.Program): ProducerNames {
  // The clients' response types: every program starts from these. A default export (got's `Request`)
  // is found by its file instead, since `default` names something in every module.
  const known = new Set<string>(responseTypeNames);
  /** Declarations waiting on a name: once it is known, so are the names they bind. */
  const waiting = new Map<string, Declared[]>();
  const pending: string[] = [...known];
  const learn = (name: string) => {
    if (known.has(name)) return;
    known.add(name);
    pending.push(name);
  };
  const present = new Set<ClientModel>();
  const aliases = new Map(files.filter((file) => file.aliases.length > 0).map((file) => [file.fileName, new Set(file.aliases)]));
  for (const file of files) {
    file.clients.forEach((client) => present.add(client));
    for (const declared of file.declarations) {
      if (declared.sources === undefined) {
        for (const name of declared.names) learn(name);
        continue;
      }
      const fromModule = declared.module === undefined ? undefined : relativeModuleFile(file.fileName, declared.module, program);
      const exported = fromModule === undefined ? undefined : aliases.get(fromModule);
      // Bundled declaration files rename their exports to one or two letters (`b`, `T`), which would
      // otherwise tie every chunk's `b` to every other's.
      const own = exported ? declared.sources.map((source) => (exported.has(source) ? qualified(fromModule!, source) : source)) : declared.sources;
      // Names bound together are one thing (`export default function apiFetch`): knowing one is
      // knowing all.
      const sources = declared.names.length > 1 ? [...own, ...declared.names] : own;
      for (const source of sources) {
        // Every module has a `default`: one module's says nothing of another's.
        if (source === 'default') continue;
        let list = waiting.get(source);
        if (!list) waiting.set(source, (list = []));
        list.push(declared);
      }
    }
  }
  // A client's API may be declared in ways no syntactic reading follows (got's methods are the keys
  // of `Record<HTTPAlias, GotRequestFunction>`), so the names the models know are taken as read.
  for (const client of present) {
    // A client recognised by options only (axios) never makes a call a producer by its type.
    if (client.types.length === 0) continue;
    // `default` (calling the module itself) is named by the importer, and known from the import.
    const named = [...client.producers.map((producer) => producer.name), ...(client.optionProducers ?? []).flatMap((producer) => producer.names)];
    named.filter((name) => name !== 'default').forEach(learn);
  }
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const declared of waiting.get(name) ?? []) for (const bound of declared.names) learn(bound);
    waiting.delete(name);
  }
  return known;
}

/** The name under which one file's export is known to the modules that import it by a new name. */
function qualified(fileName: string, name: string): string {
  return `${fileName}#${name}`;
}

/** The module an import or export specifier names, if it names one (`export { a as b }` does not). */
function specifierModule(specifier: ts.ImportSpecifier | ts.ExportSpecifier): string | undefined {
  const ts = typescript();
  let declaration: ts.Node = specifier.parent;
  while (!ts.isImportDeclaration(declaration) && !ts.isExportDeclaration(declaration)) declaration = declaration.parent;
  const module = declaration.moduleSpecifier;
  return module !== undefined && ts.isStringLiteral(module) ? module.text : undefined;
}

/**
 * The program's file that a relative specifier names, found the way TypeScript maps a `.js`
 * specifier to its declarations; `undefined` when none is in the program (the import then follows
 * the name, as every other import does).
 */
function relativeModuleFile(from: string, specifier: string, program: ts.Program): string | undefined {
  const base = posix.join(posix.dirname(from), specifier);
  const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
  const candidates = [base, `${stem}.d.ts`, `${stem}.d.mts`, `${stem}.d.cts`, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, `${base}.d.ts`, `${base}.ts`, `${base}/index.d.ts`, `${base}/index.ts`];
  return candidates.find((candidate) => program.getSourceFile(candidate) !== undefined);
}

/** `null` for a declaration file that no client owns: it cannot declare a producer. */
const perFile = new WeakMap<ts.SourceFile, FileNames | null>();

function namesOf(file: ts.SourceFile): FileNames | undefined {
  let found = perFile.get(file);
  if (found === undefined) perFile.set(file, (found = readFile(file)));
  return found ?? undefined;
}

function readFile(file: ts.SourceFile): FileNames | null {
  const clients = file.isDeclarationFile ? clientModels.filter((client) => client.declarationFiles.test(file.fileName)) : [];
  if (file.isDeclarationFile && clients.length === 0 && STANDARD_LIBRARY.test(file.fileName)) return null;
  // Another library's functions never produce (`producerByType` drops what they declare), but its
  // variables and properties may be typed as a client's function: `declare const fetch: typeof
  // globalThis.fetch` in a fetch polyfill, whose calls resolve to the DOM's declaration.
  const declarations = readDeclarations(file, !file.isDeclarationFile || clients.length > 0);
  // got declares its stream as the default export of its core module.
  if (declaresDefaultResponse(file)) {
    for (const declared of declarations.filter((entry) => entry.names.includes('default'))) {
      declarations.push({ names: declared.names, sources: undefined });
    }
  }
  // Only an edited file is ever compared by content, so the text is made when first asked for.
  let text: string | undefined;
  const aliases = declarations.filter((declared) => declared.names.length === 1 && declared.names[0]!.startsWith(`${file.fileName}#`)).map((declared) => declared.names[0]!.slice(file.fileName.length + 1));
  return { fileName: file.fileName, declarations, aliases, clients, fingerprint: () => (text ??= JSON.stringify(declarations)) };
}

/** TypeScript's own `lib.*.d.ts`, apart from the DOM's (a client's): no fetch function in them. */
const STANDARD_LIBRARY = /[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/;

function readDeclarations(file: ts.SourceFile, functionsProduce: boolean): Declared[] {
  const ts = typescript();
  const { SyntaxKind } = ts;
  const found: Declared[] = [];
  const add = (names: readonly string[], sources: Set<string> | undefined, module?: string) => {
    if (names.length > 0 && (sources === undefined || sources.size > 0)) {
      found.push(module === undefined ? { names, sources: sources && [...sources] } : { names, sources: sources && [...sources], module });
    }
  };

  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case SyntaxKind.FunctionDeclaration:
      case SyntaxKind.MethodDeclaration:
      case SyntaxKind.MethodSignature:
      case SyntaxKind.GetAccessor:
      case SyntaxKind.FunctionExpression:
      case SyntaxKind.ArrowFunction:
        if (functionsProduce && !isResponseMember(node)) add(boundNames(node), functionSources(node as ts.SignatureDeclaration));
        break;
      case SyntaxKind.VariableDeclaration:
      case SyntaxKind.BindingElement:
        // Locals are judged in their own function (`mayHoldProducer`).
        if (!isInsideFunction(node)) addValueDeclaration(node as ts.VariableDeclaration | ts.BindingElement);
        break;
      case SyntaxKind.PropertyDeclaration:
      case SyntaxKind.PropertySignature:
      case SyntaxKind.PropertyAssignment:
        if (!isResponseMember(node)) addValueDeclaration(node as ts.PropertyDeclaration | ts.PropertySignature | ts.PropertyAssignment);
        break;
      case SyntaxKind.Parameter:
        // `constructor(private downloadFn: () => Promise<Response>)` declares a property.
        if (ts.isParameterPropertyDeclaration(node, node.parent)) addValueDeclaration(node);
        break;
      case SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        // `this.fetch = options.fetch ?? fetch`, `api.get = (url) => …`.
        if (binary.operatorToken.kind === SyntaxKind.EqualsToken && !ts.isIdentifier(binary.left)) {
          const name = accessedName(binary.left);
          if (name !== undefined) {
            add([name], isFunctionValue(binary.right) ? functionSources(unparenthesized(binary.right) as ts.SignatureDeclaration) : valueSources(binary.right));
          }
        }
        break;
      }
      case SyntaxKind.InterfaceDeclaration:
      case SyntaxKind.ClassDeclaration:
      case SyntaxKind.ClassExpression:
      case SyntaxKind.TypeAliasDeclaration:
        add(boundNames(node), typeDeclarationSources(node as ts.InterfaceDeclaration | ts.ClassLikeDeclaration | ts.TypeAliasDeclaration));
        break;
      case SyntaxKind.ImportSpecifier:
      case SyntaxKind.ExportSpecifier: {
        const specifier = node as ts.ImportSpecifier | ts.ExportSpecifier;
        // `export { default as Dispatcher }`: a default export is found under its own name.
        if (!specifier.propertyName || specifier.propertyName.text === 'default') break;
        const module = specifierModule(specifier);
        const relative = module !== undefined && module.startsWith('.') ? module : undefined;
        add([specifier.name.text], new Set([specifier.propertyName.text]), relative);
        // The same name again, as this file's: what a renamed import of it from this file follows.
        if (ts.isExportSpecifier(specifier) && module === undefined) {
          add([qualified(file.fileName, specifier.name.text)], new Set([specifier.propertyName.text]));
        }
        break;
      }
      case SyntaxKind.ImportClause:
      case SyntaxKind.ImportEqualsDeclaration: {
        // A default import is named by the importer: `import nodeFetch from 'node-fetch'`. One from
        // the program's own modules is judged at the call (`calleeMayProduce`).
        const named = node as ts.ImportClause | ts.ImportEqualsDeclaration;
        if (named.name && isClientImport(node)) add([named.name.text], undefined);
        break;
      }
      case SyntaxKind.ExportAssignment:
        add(['default'], valueSources((node as ts.ExportAssignment).expression));
        break;
    }
    // Declarations inside a type are members of an object type (`{ get(): Promise<Response> }`);
    // the rest of a type (references, function types, unions of keywords) declares nothing.
    if (!ts.isTypeNode(node) || ts.isTypeLiteralNode(node) || ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node) || ts.isParenthesizedTypeNode(node)) {
      ts.forEachChild(node, visit);
    }
  };

  const addValueDeclaration = (
    node: ts.VariableDeclaration | ts.BindingElement | ts.PropertyDeclaration | ts.PropertySignature | ts.PropertyAssignment | ts.ParameterDeclaration,
  ): void => {
    const initializer = 'initializer' in node ? node.initializer : undefined;
    if (initializer && requiresClient(initializer)) {
      add(boundNames(node), undefined);
      return;
    }
    // A function value is a declaration of its own, named after this one.
    if (initializer && isFunctionValue(initializer)) return;
    add(boundNames(node), valueDeclarationSources(node, file));
  };

  /** The names a declaration binds; a function value takes the name of what it is assigned to. */
  const boundNames = (node: ts.Node): string[] => {
    const names: string[] = [];
    const named = (node as { name?: ts.Node }).name;
    if (named) bindingNames(named, names);
    if ((ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isClassExpression(node)) && node.parent) {
      let holder = node.parent;
      while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent;
      if (ts.isVariableDeclaration(holder) || ts.isPropertyDeclaration(holder) || ts.isPropertyAssignment(holder)) {
        bindingNames(holder.name, names);
      } else if (ts.isExportAssignment(holder)) {
        names.push('default');
      }
    }
    const modifiers = (node as { modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers;
    if (modifiers?.some((modifier) => modifier.kind === SyntaxKind.DefaultKeyword)) names.push('default');
    return names;
  };

  const bindingNames = (name: ts.Node, into: string[]): void => {
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) into.push(name.text);
    else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const element of name.elements) if (ts.isBindingElement(element)) bindingNames(element.name, into);
    }
  };

  /**
   * An interface or class is a response if it extends one; a callable type if it returns one. Its
   * type parameters stand for their constraints: `type Awaitable<T> = T | Promise<T>` is a response
   * only where a response is its argument, and the use (`Awaitable<Response>`) names that itself.
   */
  const typeDeclarationSources = (node: ts.InterfaceDeclaration | ts.ClassLikeDeclaration | ts.TypeAliasDeclaration): Set<string> => {
    const sources = new Set<string>();
    if (ts.isTypeAliasDeclaration(node)) {
      typeSources(node.type, sources);
      replaceTypeParameters(node, sources);
      return sources;
    }
    for (const clause of node.heritageClauses ?? []) {
      for (const type of clause.types) {
        new ValueSources(sources).add(type.expression);
        for (const argument of type.typeArguments ?? []) typeSources(argument, sources);
      }
    }
    for (const member of node.members) {
      if (ts.isCallSignatureDeclaration(member) && member.type) typeSources(member.type, sources);
    }
    replaceTypeParameters(node, sources);
    return sources;
  };

  const isClientImport = (node: ts.Node): boolean => {
    let declaration: ts.Node | undefined = node;
    while (declaration && !ts.isImportDeclaration(declaration) && !ts.isImportEqualsDeclaration(declaration) && !ts.isExportDeclaration(declaration)) {
      declaration = declaration.parent;
    }
    if (!declaration) return false;
    const specifier = ts.isImportEqualsDeclaration(declaration)
      ? ts.isExternalModuleReference(declaration.moduleReference) ? declaration.moduleReference.expression : undefined
      : declaration.moduleSpecifier;
    return specifier !== undefined && ts.isStringLiteral(specifier) && isClientModule(specifier.text);
  };

  /** `require('undici')`, `await import('undici')`. */
  const requiresClient = (initializer: ts.Expression): boolean => {
    let value: ts.Node = initializer;
    while (ts.isAwaitExpression(value) || ts.isParenthesizedExpression(value)) value = value.expression;
    if (!ts.isCallExpression(value) || value.arguments.length !== 1) return false;
    const [argument] = value.arguments;
    const requires = ts.isIdentifier(value.expression) ? value.expression.text === 'require' : value.expression.kind === SyntaxKind.ImportKeyword;
    return requires && ts.isStringLiteral(argument!) && isClientModule(argument.text);
  };

  /**
   * Members of a response type, and of its constructor (`declare var Response: { json(): Response }`):
   * a method of a response never makes a new one that holds a connection, and `Response.json()`
   * builds one in memory, so `json` and `error` must not become producer names.
   */
  const isResponseMember = (node: ts.Node): boolean => {
    if (!file.isDeclarationFile) return false;
    const container = node.parent;
    if (container && ts.isTypeLiteralNode(container)) {
      const holder = container.parent;
      return holder !== undefined && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && responseTypeNames.has(holder.name.text);
    }
    if (container && (ts.isInterfaceDeclaration(container) || ts.isClassDeclaration(container)) && container.name) {
      return responseTypeNames.has(container.name.text);
    }
    return false;
  };

  visit(file);
  return found;
}

/**
 * Where a variable, property or parameter gets its value: its type annotation (in JavaScript, its
 * JSDoc type), else its initializer; a destructured name also from the property it reads.
 */
function valueDeclarationSources(
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

/** A client declaration file that declares its response type as its default export (got). */
function declaresDefaultResponse(file: ts.SourceFile): boolean {
  return clientModels.some((client) => client.types.some((signature) => signature.symbol === 'default' && signature.files.test(file.fileName)));
}

function isClientModule(specifier: string): boolean {
  return clientModules.has(bareModule(specifier));
}

function isInsideFunction(node: ts.Node): boolean {
  const ts = typescript();
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isClassStaticBlockDeclaration(current)) return true;
    if (ts.isSourceFile(current) || ts.isModuleBlock(current)) return false;
  }
  return false;
}

function unparenthesized(node: ts.Node): ts.Node {
  const ts = typescript();
  let value = node;
  while (ts.isParenthesizedExpression(value) || ts.isAsExpression(value) || ts.isSatisfiesExpression(value)) value = value.expression;
  return value;
}

function isJavaScript(file: ts.SourceFile): boolean {
  return /\.[cm]?jsx?$/.test(file.fileName);
}

function isFunctionValue(node: ts.Node): boolean {
  const ts = typescript();
  const value = unparenthesized(node);
  return ts.isArrowFunction(value) || ts.isFunctionExpression(value);
}

function accessedName(target: ts.Expression): string | undefined {
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
function functionSources(fn: ts.SignatureDeclaration): Set<string> {
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
function replaceTypeParameters(node: ts.Node, sources: Set<string>): void {
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

function valueSources(expression: ts.Expression): Set<string> {
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
class ValueSources {
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
function typeSources(node: ts.Node, into: Set<string>): void {
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
