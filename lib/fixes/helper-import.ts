import * as path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { DrainHelperOption } from './drain-options.js';
import { sourceStyle } from './source-style.js';

/** The user's drain helper as one file can call it: the callee text, and the import it needs first. */
export interface FileHelper {
  /** `consumeBody`, `consumeBody2` when that name is taken, or `http.consumeBody` through a namespace. */
  readonly callee: string;
  /** The edit that imports it; none when the file already does. */
  readonly importEdit: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined;
}

/** Where the file imports from, and how: ES `import` declarations or CommonJS `require` calls. */
interface ModuleSyntax {
  readonly esm: boolean;
  readonly imports: readonly TSESTree.ImportDeclaration[];
  /** Top-level `const x = require('…')` declarations. */
  readonly requires: readonly TSESTree.VariableDeclaration[];
}

/**
 * How `file` calls the helper, reusing an import of it, adding the name to an import of its module,
 * or adding an import (ESM or CommonJS, as the file already does). A relative module is taken from
 * ESLint's working directory and rewritten relative to the file.
 */
export function fileHelper(sourceCode: Readonly<TSESLint.SourceCode>, option: DrainHelperOption, cwd: string, file: string): FileHelper {
  const specifier = specifierFor(option.module, cwd, file);
  const syntax = moduleSyntax(sourceCode, file);
  return syntax.esm ? viaImport(sourceCode, syntax, specifier, option.export) : viaRequire(sourceCode, syntax, specifier, option.export);
}

/** `./src/http/consume.js` (from ESLint's working directory) as `file` imports it; other specifiers as they are. */
export function specifierFor(module: string, cwd: string, file: string): string {
  if (!/^\.\.?(?:\/|$)/.test(module)) return module;
  const relative = path.relative(path.dirname(path.resolve(cwd, file)), path.resolve(cwd, module)).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function moduleSyntax(sourceCode: Readonly<TSESLint.SourceCode>, file: string): ModuleSyntax {
  const body = sourceCode.ast.body;
  const imports = body.filter((node): node is TSESTree.ImportDeclaration => node.type === AST_NODE_TYPES.ImportDeclaration);
  const requires = body.filter(
    (node): node is TSESTree.VariableDeclaration =>
      node.type === AST_NODE_TYPES.VariableDeclaration && node.declarations.some((declarator) => requiredModule(declarator.init) !== undefined),
  );
  const exports = body.some((node) => node.type.startsWith('Export'));
  // A file that already says which one it is decides; otherwise its extension, then the parser.
  let esm: boolean;
  if (imports.length > 0 || exports) esm = true;
  else if (requires.length > 0) esm = false;
  else if (/\.c[jt]s$/.test(file)) esm = false;
  else esm = /\.(?:m[jt]s|tsx?)$/.test(file) || sourceCode.ast.sourceType === 'module';
  return { esm, imports, requires };
}

function viaImport(sourceCode: Readonly<TSESLint.SourceCode>, syntax: ModuleSyntax, specifier: string, name: string): FileHelper {
  const { semicolon, eol } = sourceStyle(sourceCode);
  const declarations = syntax.imports.filter((node) => node.source.value === specifier && node.importKind !== 'type');
  for (const declaration of declarations) {
    for (const item of declaration.specifiers) {
      if (item.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { callee: `${item.local.name}.${name}`, importEdit: undefined };
      const imported =
        item.type === AST_NODE_TYPES.ImportDefaultSpecifier ? 'default' : item.imported.type === AST_NODE_TYPES.Identifier ? item.imported.name : item.imported.value;
      if (imported === name && !(item.type === AST_NODE_TYPES.ImportSpecifier && item.importKind === 'type')) return { callee: item.local.name, importEdit: undefined };
    }
  }
  const local = freeName(sourceCode, name === 'default' ? 'drainBody' : name);
  const named = name === 'default' ? local : local === name ? name : `${name} as ${local}`;
  // Add to an existing `import { a } from 'm'` (or `import d from 'm'`) rather than import twice.
  const extendable = declarations.find((node) => node.specifiers.length > 0 && node.specifiers.every((item) => item.type !== AST_NODE_TYPES.ImportNamespaceSpecifier));
  if (extendable && name !== 'default') {
    const last = extendable.specifiers.at(-1)!;
    const braces = extendable.specifiers.some((item) => item.type === AST_NODE_TYPES.ImportSpecifier);
    return { callee: local, importEdit: (fixer) => fixer.insertTextAfter(last, braces ? `, ${named}` : `, { ${named} }`) };
  }
  const clause = name === 'default' ? local : `{ ${named} }`;
  const statement = `import ${clause} from ${quoted(sourceCode, specifier)}${semicolon}`;
  const after = syntax.imports.at(-1);
  return { callee: local, importEdit: insertTopLevel(sourceCode, after, statement, eol) };
}

function viaRequire(sourceCode: Readonly<TSESLint.SourceCode>, syntax: ModuleSyntax, specifier: string, name: string): FileHelper {
  const { semicolon, eol } = sourceStyle(sourceCode);
  for (const statement of syntax.requires) {
    for (const declarator of statement.declarations) {
      if (requiredModule(declarator.init) !== specifier) continue;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) {
        return { callee: name === 'default' ? declarator.id.name : `${declarator.id.name}.${name}`, importEdit: undefined };
      }
      if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
      for (const property of declarator.id.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed && propertyKey(property.key) === name && property.value.type === AST_NODE_TYPES.Identifier) {
          return { callee: property.value.name, importEdit: undefined };
        }
      }
    }
  }
  const local = freeName(sourceCode, name === 'default' ? 'drainBody' : name);
  const binding = name === 'default' ? local : local === name ? `{ ${name} }` : `{ ${name}: ${local} }`;
  const statement = `const ${binding} = require(${quoted(sourceCode, specifier)})${semicolon}`;
  const after = syntax.requires.at(-1) ?? directivesEnd(sourceCode);
  return { callee: local, importEdit: insertTopLevel(sourceCode, after, statement, eol) };
}

/** After `after` on a line of its own, or before the first statement when there is nothing to follow. */
function insertTopLevel(
  sourceCode: Readonly<TSESLint.SourceCode>,
  after: TSESTree.Node | undefined,
  statement: string,
  eol: string,
): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  if (after) return (fixer) => fixer.insertTextAfter(after, `${eol}${statement}`);
  const first = sourceCode.ast.body[0];
  if (first) return (fixer) => fixer.insertTextBefore(first, `${statement}${eol}`);
  return (fixer) => fixer.insertTextAfterRange([0, 0], `${statement}${eol}`);
}

/** The last `'use strict'` style directive, which a `require` must come after. */
function directivesEnd(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | undefined {
  let last: TSESTree.Node | undefined;
  for (const node of sourceCode.ast.body) {
    if (node.type !== AST_NODE_TYPES.ExpressionStatement || !node.directive) break;
    last = node;
  }
  return last;
}

function requiredModule(init: TSESTree.Expression | null): string | undefined {
  if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'require') return undefined;
  const [argument] = init.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

function propertyKey(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : undefined;
}

/** `base`, or `base2`, `base3`… whichever the module scope and everything under it leave free. */
function freeName(sourceCode: Readonly<TSESLint.SourceCode>, base: string): string {
  const taken = new Set<string>();
  const visit = (scope: TSESLint.Scope.Scope): void => {
    for (const variable of scope.variables) taken.add(variable.name);
    for (const reference of scope.through) taken.add(reference.identifier.name);
    scope.childScopes.forEach(visit);
  };
  visit(sourceCode.scopeManager!.globalScope!);
  let name = base;
  for (let counter = 2; taken.has(name); counter++) name = `${base}${counter}`;
  return name;
}

/** The specifier in the quotes the file's first import or require uses. */
function quoted(sourceCode: Readonly<TSESLint.SourceCode>, specifier: string): string {
  const double = /^\s*(?:import\b[^'"\n]*|.*\brequire\()"/m.test(sourceCode.text) && !/^\s*(?:import\b[^'"\n]*|.*\brequire\()'/m.test(sourceCode.text);
  return double ? JSON.stringify(specifier) : `'${specifier.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
