import * as fs from 'node:fs';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import * as ts from 'typescript';
import type { SoakTarget } from './soak-run.js';

/** The imports of one target that its generated tsconfig cannot resolve. */
export interface UnresolvedImports {
  readonly label: string;
  /** Import statements, `import()` calls, `require()` calls and JSDoc `@import`s seen. */
  readonly imports: number;
  /** Module specifier → how many files import it without resolving it. */
  readonly unresolved: Readonly<Record<string, number>>;
}

/**
 * Resolves every import of every file of `target` the way its `tsconfig.json` would. A typed pass
 * over a package whose imports do not resolve sees `any` where the client's types should be, and
 * the rules stay silent there: this tells a corpus that is really typed from one that only looks
 * typed. Resolution only, no type checking: a second or two per package.
 */
export function unresolvedImports(target: SoakTarget): UnresolvedImports {
  const configPath = path.join(target.root, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const cache = ts.createModuleResolutionCache(target.root, (name) => name, parsed.options);
  // Modules that the tsconfig's own declaration files declare ambiently (`declare module 'x'`).
  const ambient = new Set<string>();
  for (const file of parsed.fileNames.filter((name) => /\.d\.[cm]?ts$/.test(name))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/^\s*declare module ['"]([^'"]+)['"]/gm)) ambient.add(match[1]!);
  }
  const unresolved: Record<string, number> = {};
  let imports = 0;
  for (const file of target.files) {
    const text = fs.readFileSync(file, 'utf8');
    const specifiers = new Set(ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName));
    // `preProcessFile` does not read JSDoc; checked JavaScript imports its types this way.
    for (const match of text.matchAll(/@import\s+(?:\{[^}]*\}|\*\s+as\s+\w+|\w+)\s+from\s+['"]([^'"]+)['"]/g)) {
      specifiers.add(match[1]!);
    }
    for (const specifier of specifiers) {
      imports++;
      // @types/node declares the built-in modules as ambient modules, which no file resolution finds.
      if (isBuiltin(specifier) || ambient.has(specifier)) continue;
      const resolved = ts.resolveModuleName(specifier, file, parsed.options, ts.sys, cache).resolvedModule;
      if (!resolved) unresolved[specifier] = (unresolved[specifier] ?? 0) + 1;
    }
  }
  return { label: target.label, imports, unresolved };
}
