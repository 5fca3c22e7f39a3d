// `npm run demo`: lints this example project with the built plugin and prints what it finds.
// The reports are the point of the demo, so they do not fail it; a crash, a parse error or a
// missing plugin does (exit 1), because then the reports are not to be trusted.
import { ESLint } from 'eslint';

const here = import.meta.dirname;
const eslint = new ESLint({ cwd: here });
const results = await eslint.lintFiles(['src']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const reports = results.flatMap((result) => result.messages.filter((message) => message.ruleId?.startsWith('drain/')));
const broken = results.flatMap((result) =>
  result.messages.filter((message) => message.fatal || !message.ruleId?.startsWith('drain/')),
);
const files = results.filter((result) => result.messages.some((message) => message.ruleId?.startsWith('drain/'))).length;
console.log(
  `eslint-plugin-drain demo: ${reports.length} report(s) in ${files} of ${results.length} files under examples/src ` +
    '(each file names the reports it expects in its header comment; examples/fixed/ shows what --fix makes of them).',
);
if (broken.length > 0) {
  console.error(`demo: ${broken.length} message(s) did not come from the plugin's rules; see above.`);
  process.exitCode = 1;
}
