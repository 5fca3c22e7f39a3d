import * as tsParser from '@typescript-eslint/parser';
import { Linter, type ESLint } from 'eslint';
import plugin from '../../index.js';

/** `typed`: typescript-eslint's project service on every file; `untyped`: no type information. */
export type PassKind = 'typed' | 'untyped';

/** An exception that escaped `Linter#verify`: the plugin's when ESLint names a `drain/` rule. */
export interface Crash {
  readonly file: string;
  readonly pass: PassKind;
  /** `lint`, or `fix pass N` when the text being linted was already fixed. */
  readonly phase: string;
  readonly ruleId: string | undefined;
  readonly message: string;
  readonly stack: string;
}

/** A fixed file that fails one of the safety checks. */
export interface FixFailure {
  readonly file: string;
  readonly pass: PassKind;
  readonly check: 'parses' | 'converges' | 'no-new-report' | 'tsc';
  readonly detail: string;
  /** The changed lines of the fixed text, for the report. */
  readonly hunk?: string;
}

/** One report of the plugin on an unfixed file. */
export interface Finding {
  readonly ruleId: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly fixable: boolean;
  /** The reported line's text, whitespace collapsed: with the file and rule, what keys a verdict. */
  readonly source: string;
}

/** What one pass says about one file. */
export interface FileOutcome {
  readonly file: string;
  /** `parse-error`: ESLint's parser rejected the file (not the plugin's doing); nothing else ran. */
  readonly status: 'linted' | 'parse-error' | 'crash';
  readonly parseError?: string;
  readonly crash?: Crash;
  /** Reports of the unfixed file, by rule id. */
  readonly reports: Readonly<Record<string, number>>;
  /** The plugin's reports on the unfixed file, for the JSON report. */
  readonly findings?: readonly Finding[];
  readonly fixesApplied: number;
  /** The fixed text, when a fix changed the file. */
  readonly output?: string;
  readonly fixFailures: readonly FixFailure[];
}

// ESLint's own limit in `Linter#verifyAndFix`.
const MAX_FIX_PASSES = 10;
const PLUGIN_PREFIX = 'drain/';

const everyRule = Object.fromEntries(
  Object.keys(plugin.rules).map((name) => [`${PLUGIN_PREFIX}${name}`, 'error' as const]),
) as Linter.RulesRecord;

/**
 * Lints files with every rule of the plugin on and `--fix` semantics, in memory: nothing is written
 * back. The fix loop is ESLint's (`verifyAndFix`: up to 10 passes, fixes sorted by range, an
 * overlapping fix waits for the next pass), spelled out so that each applied fix is counted.
 */
export class SoakLinter {
  readonly #linter: Linter;
  readonly #configs = new Map<string, Linter.Config[]>();

  constructor(
    readonly pass: PassKind,
    /** The stage folder: ESLint's cwd, typescript-eslint's `tsconfigRootDir`. */
    readonly cwd: string,
  ) {
    this.#linter = new Linter({ cwd });
  }

  /** Lints `text` as `file`, fixes it when a rule offers fixes, and checks the fixed text. */
  lintFile(file: string, text: string): FileOutcome {
    const first = this.#verify(file, text, 'lint');
    if ('crash' in first) return { file, status: 'crash', crash: first.crash, reports: {}, fixesApplied: 0, fixFailures: [] };
    const fatal = first.messages.find((message) => message.fatal);
    if (fatal) {
      return { file, status: 'parse-error', parseError: `${fatal.line}:${fatal.column} ${fatal.message}`, reports: {}, fixesApplied: 0, fixFailures: [] };
    }
    const reports: Record<string, number> = {};
    const findings: Finding[] = [];
    const lines = text.split('\n');
    for (const message of first.messages) {
      if (!message.ruleId?.startsWith(PLUGIN_PREFIX)) continue;
      reports[message.ruleId] = (reports[message.ruleId] ?? 0) + 1;
      findings.push({
        ruleId: message.ruleId,
        line: message.line,
        column: message.column,
        message: message.message,
        fixable: !!message.fix,
        source: collapse(lines[message.line - 1] ?? ''),
      });
    }
    if (!first.messages.some((message) => message.fix)) {
      return { file, status: 'linted', reports, findings, fixesApplied: 0, fixFailures: [] };
    }

    const fixed = this.#fixLoop(file, text, first.messages);
    // The project service now holds the fixed text; give it the original back so that the files
    // linted after this one see the corpus as published.
    if (this.pass === 'typed') this.#linter.verify(text, typedConfig(this.cwd, sourceTypeOf(file, text)), { filename: file });
    if ('crash' in fixed) return { file, status: 'crash', crash: fixed.crash, reports, findings, fixesApplied: 0, fixFailures: [] };

    const failures: FixFailure[] = [];
    const fail = (check: FixFailure['check'], detail: string) =>
      failures.push({ file, pass: this.pass, check, detail, hunk: changedLines(text, fixed.output) });
    if (fixed.fatal) fail('parses', fixed.fatal);
    else if (!fixed.converged) fail('converges', `still offering fixes after ${MAX_FIX_PASSES} passes`);
    else {
      // What a second `eslint --fix` would see: no fix left (checked above), and no report that
      // was not on the original file already, unfixed.
      const ours = (message: Linter.LintMessage) => message.ruleId?.startsWith(PLUGIN_PREFIX) === true;
      const before = countKeys(first.messages.filter((message) => ours(message) && !message.fix), text);
      const remaining = fixed.messages.filter(ours);
      const after = reportKeys(remaining, fixed.output);
      remaining.forEach((message, index) => {
        const left = before.get(after[index]!) ?? 0;
        if (left === 0) fail('no-new-report', `${message.ruleId} at ${message.line}:${message.column}: ${message.message}`);
        else before.set(after[index]!, left - 1);
      });
    }
    return {
      file,
      status: 'linted',
      reports,
      findings,
      fixesApplied: fixed.applied,
      ...(fixed.output === text ? {} : { output: fixed.output }),
      fixFailures: failures,
    };
  }

  #fixLoop(
    file: string,
    text: string,
    firstMessages: Linter.LintMessage[],
  ):
    | { crash: Crash }
    | { output: string; applied: number; converged: boolean; fatal?: string; messages: Linter.LintMessage[] } {
    let output = text;
    let messages = firstMessages;
    let applied = 0;
    for (let pass = 1; ; pass++) {
      const fixes = messages
        .filter((message): message is Linter.LintMessage & { fix: Linter.LintMessage['fix'] & object } => !!message.fix)
        .sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
      if (fixes.length === 0) return { output, applied, converged: true, messages };
      if (pass > MAX_FIX_PASSES) return { output, applied, converged: false, messages };
      let next = '';
      let last = Number.NEGATIVE_INFINITY;
      for (const { fix } of fixes) {
        const [start, end] = fix.range;
        if (last >= start || start > end) continue;
        next += output.slice(Math.max(0, last), Math.max(0, start)) + fix.text;
        last = end;
        applied++;
      }
      output = next + output.slice(Math.max(0, last));
      const result = this.#verify(file, output, `fix pass ${pass}`);
      if ('crash' in result) return result;
      const fatal = result.messages.find((message) => message.fatal);
      if (fatal) {
        return { output, applied, converged: false, fatal: `${fatal.line}:${fatal.column} ${fatal.message}`, messages: [] };
      }
      messages = result.messages;
    }
  }

  #verify(file: string, text: string, phase: string): { messages: Linter.LintMessage[] } | { crash: Crash } {
    try {
      return { messages: this.#linter.verify(text, this.#config(file, text), { filename: file }) };
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      const ruleId = /\nRule: "([^"]+)"/.exec(err.message)?.[1];
      return {
        crash: {
          file,
          pass: this.pass,
          phase,
          ruleId,
          message: err.message.split('\nOccurred while linting')[0] ?? err.message,
          stack: (err.stack ?? '').split('\n').slice(0, 12).join('\n'),
        },
      };
    }
  }

  #config(file: string, text: string): Linter.Config[] {
    const sourceType = sourceTypeOf(file, text);
    const key = sourceType;
    let config = this.#configs.get(key);
    if (!config) {
      config = this.pass === 'typed' ? typedConfig(this.cwd, sourceType) : untypedConfig(sourceType);
      config.push({
        plugins: { drain: plugin as unknown as ESLint.Plugin },
        rules: everyRule,
        // Corpus files disable rules inline (`/* eslint-disable */` in generated code); the soak
        // wants every report the plugin makes, and unknown rule names must not become errors.
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      });
      this.#configs.set(key, config);
    }
    return config;
  }
}

const ALL_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

function typedConfig(cwd: string, sourceType: Linter.SourceType): Linter.Config[] {
  return [
    {
      files: ALL_FILES,
      languageOptions: {
        parser: tsParser,
        sourceType,
        parserOptions: { projectService: true, tsconfigRootDir: cwd },
      },
    },
  ];
}

function untypedConfig(sourceType: Linter.SourceType): Linter.Config[] {
  return [
    { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser, sourceType } },
    {
      files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
      languageOptions: { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
  ];
}

const ESM_SYNTAX = /^\s*(?:import\s*[\w{*'"]|export\s)|\bimport\.meta\b/m;

/**
 * What the file's own project would configure: `.mjs`/`.mts` and TypeScript are modules, `.cjs`
 * is CommonJS, and a `.js` file is a module when it has ESM syntax (published builds often sit in
 * packages without `"type": "module"` and rely on a bundler's `module` field).
 */
export function sourceTypeOf(file: string, text: string): Linter.SourceType {
  if (/\.c[jt]s$/.test(file)) return 'commonjs';
  if (/\.(?:m?ts|tsx|mjs)$/.test(file)) return 'module';
  return ESM_SYNTAX.test(text) ? 'module' : 'commonjs';
}

// Messages name lines ("the function returns at line 14") that move when a fix inserts a line;
// the reported source text and the message without line numbers identify a report across a fix.
function countKeys(messages: Linter.LintMessage[], text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of reportKeys(messages, text)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function reportKeys(messages: Linter.LintMessage[], text: string): string[] {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const offset = (line: number, column: number) => (lineStarts[line - 1] ?? text.length) + column - 1;
  return messages.map((message) => {
    const start = offset(message.line, message.column);
    const end = message.endLine === undefined ? start : offset(message.endLine, message.endColumn ?? message.column);
    return `${message.ruleId}|${message.message.replace(/\bline \d+/g, 'line N')}|${text.slice(start, end)}`;
  });
}

/** `text` on one line with runs of whitespace as one space, at most 160 characters. */
export function collapse(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

/** The lines a fix changed, with a line of context, as `-`/`+` lines (at most 30). */
export function changedLines(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = Math.max(0, head - 1);
  const lines = [
    ...a.slice(from, head).map((line) => `  ${from + 1}: ${line}`),
    ...a.slice(head, a.length - tail).map((line) => `- ${line}`),
    ...b.slice(head, b.length - tail).map((line) => `+ ${line}`),
  ];
  return lines.length > 30 ? [...lines.slice(0, 30), `  … ${lines.length - 30} more lines`].join('\n') : lines.join('\n');
}
