import type * as ts from 'typescript';
import { bareModule, clientModels, clientModules, responseTypeNames, type ClientModel } from '../clients/index.js';
import { typescript } from './typescript.js';
import {
  accessedName,
  functionSources,
  isFunctionValue,
  replaceTypeParameters,
  typeSources,
  unparenthesized,
  valueDeclarationSources,
  ValueSources,
  valueSources,
} from './value-sources.js';

// What one source file declares that may produce a response: each name it binds and the names its
// value may come from (`namesOf`, read once per `ts.SourceFile`), for producer-names.ts to solve
// over the program.

/** One declaration: the names it binds, and the names its value may come from. */
export interface Declared {
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

/** What one file contributes. */
export interface FileNames {
  readonly fileName: string;
  readonly declarations: readonly Declared[];
  /** Names the file exports under a new name (`export { TypedResponse as b }`). */
  readonly aliases: readonly string[];
  /** The clients whose declaration file this is. */
  readonly clients: readonly ClientModel[];
  /** Equal for two versions of a file that contribute the same (an edit inside a function body). */
  fingerprint(): string;
}

/** The name under which one file's export is known to the modules that import it by a new name. */
export function qualified(fileName: string, name: string): string {
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

/** `null` for a declaration file that no client owns: it cannot declare a producer. */
const perFile = new WeakMap<ts.SourceFile, FileNames | null>();

export function namesOf(file: ts.SourceFile): FileNames | undefined {
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
