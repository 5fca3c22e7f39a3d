import * as ts from 'typescript';
import * as path from 'node:path';
import { scenariosDir, sweepDir } from './scenarios.js';

/**
 * Type errors in the scenarios and sweep probes, against the repo's own @types/node, undici and node-fetch. The
 * root `tsc --noEmit` leaves the scenarios out (they are ESM with their own tsconfig).
 */
export function typeCheckScenarios(): string[] {
  return [scenariosDir, sweepDir].flatMap(typeCheckFolder);
}

function typeCheckFolder(folder: string): string[] {
  const configPath = path.join(folder, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(path.dirname(folder), diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message}`;
  });
}
