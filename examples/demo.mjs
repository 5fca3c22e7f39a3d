// `npm run demo`: lints this example project with the built plugin and prints what it finds.
// `npm run demo -- --fix`: applies the autofixes to a copy of the project (never to examples/
// itself), prints what is left, and type-checks the fixed copy.
// The reports are the point of the demo, so they do not fail it; a crash, a parse error, a missing
// plugin or a fixed copy that no longer compiles does (exit 1).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import drain from '../dist/index.js';

const here = import.meta.dirname;
const fixing = process.argv.includes('--fix');
// Inside the repository, so the copy resolves @types/node, undici and axios from its node_modules.
const root = fixing ? join(here, '..', 'node_modules', '.cache', 'eslint-plugin-drain-demo') : here;
if (fixing) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(here, 'src'), join(root, 'src'), { recursive: true });
  cpSync(join(here, 'tsconfig.json'), join(root, 'tsconfig.json'));
}

const eslint = fixing
  ? new ESLint({
      cwd: root,
      fix: true,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['src/**/*.ts'],
          languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: root } },
        },
        drain.configs.recommended,
      ],
    })
  : new ESLint({ cwd: here });
const results = await eslint.lintFiles(['src']);
if (fixing) await ESLint.outputFixes(results);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const isDrain = (message) => message.ruleId?.startsWith('drain/');
const reports = results.flatMap((result) => result.messages.filter(isDrain));
const broken = results.flatMap((result) => result.messages.filter((message) => message.fatal || !isDrain(message)));
const files = results.filter((result) => result.messages.some(isDrain)).length;
if (fixing) {
  const fixed = results.filter((result) => result.output !== undefined).length;
  console.log(
    `eslint-plugin-drain demo --fix: fixed ${fixed} file(s) in ${root}; ${reports.length} report(s) left in ${files} ` +
      'file(s): those have no safe autofix, and the editor offers their suggestions.',
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const check = spawnSync(process.execPath, [tsc, '--noEmit', '-p', root], { encoding: 'utf8' });
  process.stdout.write(check.stdout);
  console.log(check.status === 0 ? 'tsc --noEmit on the fixed copy: no errors.' : 'tsc --noEmit on the fixed copy failed.');
  if (check.status !== 0) process.exitCode = 1;
} else {
  console.log(
    `eslint-plugin-drain demo: ${reports.length} report(s) in ${files} of ${results.length} files under examples/src ` +
      '(each file names the reports it expects in its header comment; `npm run demo -- --fix` fixes a copy).',
  );
}
if (broken.length > 0) {
  console.error(`demo: ${broken.length} message(s) did not come from the plugin's rules; see above.`);
  process.exitCode = 1;
}
