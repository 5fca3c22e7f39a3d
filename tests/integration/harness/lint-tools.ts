import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { environments } from './matrix.js';
import { cleanEnv } from './process.js';
import { consumerEnv, installedVersion, repoRoot } from './workspace.js';

/** The SARIF formatter the README's code-scanning set-up uses, at the version the test installs. */
export const sarifFormatter = { name: '@microsoft/eslint-formatter-sarif', version: '3.1.0' };

/** Ships the SARIF 2.1.0 JSON schema (and the ajv it validates with); the SARIF test reads only that. */
const sarifSchemaPackage = { name: '@microsoft/jest-sarif', version: '1.0.0-beta.0' };

/** The oxlint version pinned in package.json's devDependencies, or undefined when `npm ci` did not install it. */
export function oxlintVersion(): string | undefined {
  try {
    return installedVersion('oxlint');
  } catch {
    return undefined;
  }
}

/**
 * Why oxlint cannot run on this machine, or undefined when it can. oxlint's binary comes from an
 * optional dependency per platform (`@oxlint/binding-linux-x64-gnu`, …); npm skips it quietly where
 * none fits, and `oxlint` then fails at start. Checked once with the copy `npm ci` installed here.
 */
export function oxlintUnavailable(): string | undefined {
  const version = oxlintVersion();
  if (!version) return 'oxlint is not installed (run `npm ci`)';
  try {
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'oxlint', 'bin', 'oxlint'), '--version'], {
      env: cleanEnv(),
      stdio: 'pipe',
      timeout: 60_000,
    });
    return undefined;
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? error);
    const reason = /^\w*Error: (.*)$/m.exec(stderr)?.[1] ?? stderr.trim().split('\n')[0];
    return `oxlint ${version} has no native binary that runs on ${process.platform}-${process.arch}: ${reason}`;
  }
}

/**
 * One install for the tools that sit next to ESLint: oxlint (at the pinned version), the SARIF
 * formatter and the SARIF schema, with the ESLint and typescript-eslint of this repository and the
 * packed plugin. Shared by the oxlint and SARIF tests; made once, then reused.
 */
export function lintToolsEnv(): Promise<string> {
  const { current } = environments();
  return consumerEnv('lint-tools', {
    ...current,
    oxlint: oxlintVersion() ?? 'latest',
    [sarifFormatter.name]: sarifFormatter.version,
    [sarifSchemaPackage.name]: sarifSchemaPackage.version,
  });
}

/** The `oxlint` command of an environment, run by this Node (its bin is a Node script). */
export function oxlintCommand(envDir: string): [string, string[]] {
  return [process.execPath, [path.join(envDir, 'node_modules', 'oxlint', 'bin', 'oxlint')]];
}

/** The SARIF 2.1.0 schema and the ajv of the schema package, for {@link validateSarif}. */
function sarifSchema(envDir: string): { schema: object; draft4: object; Ajv: new (options: object) => AjvInstance } {
  const packageDir = path.join(envDir, 'node_modules', ...sarifSchemaPackage.name.split('/'));
  const schema = JSON.parse(fs.readFileSync(path.join(packageDir, 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const load = createRequire(path.join(packageDir, 'package.json'));
  const ajvEntry = load.resolve('ajv');
  const ajvDir = ajvEntry.slice(0, ajvEntry.lastIndexOf(`${path.sep}lib${path.sep}`));
  const draft4 = JSON.parse(fs.readFileSync(path.join(ajvDir, 'lib', 'refs', 'json-schema-draft-04.json'), 'utf8')) as object;
  return { schema, draft4, Ajv: load(ajvEntry) as new (options: object) => AjvInstance };
}

interface AjvInstance {
  addMetaSchema(schema: object): void;
  validate(schema: object, data: unknown): boolean;
  errorsText(errors?: unknown): string;
  errors?: unknown;
}

/** Schema errors of a SARIF log against SARIF 2.1.0 (draft-04 schema, ajv 6), or `[]` when it is valid. */
export function validateSarif(envDir: string, log: unknown): string[] {
  const { schema, draft4, Ajv } = sarifSchema(envDir);
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(draft4);
  return ajv.validate(schema, log) ? [] : [ajv.errorsText(ajv.errors)];
}
