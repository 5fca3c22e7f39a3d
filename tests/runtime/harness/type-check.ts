import * as ts from 'typescript';
import * as path from 'node:path';
import { scenariosDir } from './scenarios.js';

/**
 * Type errors in the scenarios, against the repo's own @types/node, undici and node-fetch. The
 * root `tsc --noEmit` leaves the scenarios out (they are ESM with their own tsconfig).
 */
export function typeCheckScenarios(): string[] {
  const configPath = path.join(scenariosDir, 'tsconfig.json');
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
    return `${path.relative(scenariosDir, diagnostic.file.fileName)}:${line + 1}:${character + 1} ${message}`;
  });
}
