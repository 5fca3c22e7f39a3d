import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type ESLint } from 'eslint';
import { rules } from '../../../rules/index.js';
import { scenariosDir } from './scenarios.js';

/** One report of the plugin on a scenario. */
export interface RuleReport {
  readonly ruleId: string;
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** Each suggestion's message id and the code with it applied, in the order ESLint lists them. */
  readonly suggestions: readonly { readonly messageId: string; readonly text: string }[];
}

/** Code after one of the rules' fixes: the autofix pass, or one suggestion applied alone. */
export interface FixVariant {
  /** `autofix`, or `suggestion N` (1-based across every report of the file). */
  readonly label: string;
  /** What the fix says it does: the suggestion's description, or the rules that fixed. */
  readonly description: string;
  readonly text: string;
}

/** What the rules say about one scenario file. */
export interface RuleVerdict {
  readonly reports: readonly RuleReport[];
  /** What `eslint --fix` writes; absent when no report has an autofix. */
  readonly autofix: string | undefined;
  readonly variants: readonly FixVariant[];
}

/**
 * Every rule in `rules/index.ts`, from source, with type information from the scenarios'
 * tsconfig: a rule added there is picked up without touching the suite.
 */
function lintConfig(options: Readonly<Record<string, unknown>>): Linter.Config[] {
  return [
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tsParser,
        parserOptions: { projectService: true, tsconfigRootDir: scenariosDir },
      },
      plugins: { drain: { rules } as unknown as ESLint.Plugin },
      rules: Object.fromEntries(Object.keys(rules).map((name) => [`drain/${name}`, ['error', options] as const])),
    },
  ];
}

/**
 * Lints scenario text as if it were `file`, and collects the code after each fix the rules offer.
 * `options` go to every rule (the scenario's `@rule-options`, or drain limits for bounded runs).
 */
export function lintScenario(file: string, text: string, options: Readonly<Record<string, unknown>> = {}): RuleVerdict {
  const filename = path.resolve(file);
  const linter = new Linter();
  const config = lintConfig(options);
  const messages = linter.verify(text, config, { filename });
  const broken = messages.filter((message) => message.fatal || !message.ruleId?.startsWith('drain/'));
  if (broken.length > 0) {
    throw new Error(`${file}: ${broken.map((message) => `${message.line}:${message.column} ${message.message}`).join('; ')}`);
  }
  const applied = (fix: { range: readonly [number, number]; text: string }): string =>
    text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
  const reports = messages.map((message) => ({
    ruleId: message.ruleId ?? '',
    messageId: message.messageId ?? '',
    line: message.line,
    column: message.column,
    message: message.message,
    suggestions: (message.suggestions ?? []).map((suggestion) => ({ messageId: suggestion.messageId ?? '', text: applied(suggestion.fix) })),
  }));

  const variants: FixVariant[] = [];
  let autofix: string | undefined;
  if (messages.some((message) => message.fix)) {
    const fixed = linter.verifyAndFix(text, config, { filename });
    if (fixed.fixed) {
      autofix = fixed.output;
      const fixers = [...new Set(messages.filter((message) => message.fix).map((message) => message.ruleId))];
      variants.push({ label: 'autofix', description: `--fix (${fixers.join(', ')})`, text: fixed.output });
    }
  }
  let index = 0;
  for (const message of messages) {
    for (const suggestion of message.suggestions ?? []) {
      index += 1;
      variants.push({ label: `suggestion ${index}`, description: `${message.ruleId}: ${suggestion.desc}`, text: applied(suggestion.fix) });
    }
  }
  return { reports, autofix, variants };
}
