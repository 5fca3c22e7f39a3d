import * as path from 'node:path';
import * as ts from 'typescript';

/** A fixed file whose `tsc --noEmit` diagnostics gained an error the original did not have. */
export interface NewTscError {
  readonly file: string;
  readonly errors: readonly string[];
}

/**
 * Runs what `tsc --noEmit -p <project>` checks for each fixed file, once on the published text and
 * once on the fixed text (the second program reuses the first, so only the fixed files are
 * re-parsed), and returns the errors that only the fixed text has. Positions move with a fix, so
 * errors are compared by code and message.
 */
export function newTscErrors(tsconfigPath: string, fixed: ReadonlyMap<string, string>): NewTscError[] {
  if (fixed.size === 0) return [];
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${tsconfigPath}`);
  const options = parsed.options;
  const original = ts.createProgram({ rootNames: parsed.fileNames, options, host: ts.createCompilerHost(options, true) });

  const host = ts.createCompilerHost(options, true);
  const byPath = new Map([...fixed].map(([file, text]) => [path.resolve(file), text]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = byPath.get(path.resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    // The very object the first program parsed: TypeScript then reuses it instead of parsing the
    // libraries and declarations again.
    // Not a redirect (a second copy of a package TypeScript already read), which a host may not return.
    const parsed = original.getSourceFile(fileName);
    const redirect = parsed !== undefined && (parsed as { redirectInfo?: unknown }).redirectInfo !== undefined;
    return parsed && !redirect ? parsed : getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => byPath.get(path.resolve(fileName)) ?? readFile(fileName);
  const changed = ts.createProgram({ rootNames: parsed.fileNames, options, host, oldProgram: original });

  const found: NewTscError[] = [];
  for (const file of byPath.keys()) {
    const before = errorCounts(original, file);
    const errors: string[] = [];
    for (const error of errorList(changed, file)) {
      const left = before.get(error) ?? 0;
      if (left === 0) errors.push(error);
      else before.set(error, left - 1);
    }
    if (errors.length > 0) found.push({ file, errors });
  }
  return found;
}

function errorList(program: ts.Program, file: string): string[] {
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) return [`the program no longer contains ${file}`];
  return ts
    .getPreEmitDiagnostics(program, sourceFile)
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`);
}

function errorCounts(program: ts.Program, file: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const error of errorList(program, file)) counts.set(error, (counts.get(error) ?? 0) + 1);
  return counts;
}
