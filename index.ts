import { readPackageMeta } from './lib/package-meta.js';
import { rules } from './rules/index.js';

const meta = readPackageMeta();

type RuleId = `drain/${keyof typeof rules}`;
type RuleEntry = 'error' | 'warn' | 'off' | ['error' | 'warn', ...unknown[]];

/**
 * The configs' types say only what ESLint's own `Linter.Config` needs (as typescript-eslint's
 * `CompatiblePlugin` does): typescript-eslint's `FlatConfig` interfaces are not assignable to it, so
 * `defineConfig({ extends: [drain.configs.recommended] })` would not type-check in an `eslint.config.mts`.
 * Object types, not interfaces, so that they meet ESLint's index signatures.
 */
type DrainConfig = {
  name: `drain/${string}`;
  plugins: { drain: { meta: { name: string; version: string } } };
  languageOptions?: { parserOptions: { program: null; project: false; projectService: false } };
  rules: Record<RuleId, RuleEntry>;
};

/**
 * A rule as ESLint's `Plugin` type accepts it. typescript-eslint's `RuleModule` is not assignable to it
 * (the two `RuleContext` types differ), which would make `{ plugins: { drain } }` fail to type-check.
 */
type CompatibleRule = {
  meta?: object;
  // `any`, as in ESLint's RuleVisitor: listener arguments are not checked against each other.
  create(context: never): Record<string, ((...args: any[]) => void) | undefined>;
};

const plugin = {
  meta,
  rules: rules as Record<keyof typeof rules, CompatibleRule>,
  configs: {} as Record<'recommended' | 'strict' | 'recommended-untyped', DrainConfig>,
};

/** Recommended rules: every report is a connection that is not reused. Uses type information when the parser has it. */
plugin.configs.recommended = {
  name: 'drain/recommended',
  plugins: { drain: plugin },
  rules: {
    'drain/no-unconsumed-body': 'error',
    'drain/no-undrained-close': 'error',
  },
};

/**
 * Recommended, plus closes that follow a size or content-type check and cancels on error paths:
 * every close of a body that nothing read and that may be large, for code that should always drain.
 */
plugin.configs.strict = {
  name: 'drain/strict',
  plugins: { drain: plugin },
  rules: {
    'drain/no-unconsumed-body': 'error',
    'drain/no-undrained-close': ['error', { reportDeliberate: true, reportErrorPaths: true }],
  },
};

/**
 * Recommended, with type information switched off, like typescript-eslint's `disable-type-checked`:
 * for JavaScript files in a repository whose TypeScript files are linted with `projectService`, where
 * the project service would otherwise reject files outside every tsconfig. The rules then recognise
 * clients by name and import.
 */
plugin.configs['recommended-untyped'] = {
  name: 'drain/recommended-untyped',
  plugins: { drain: plugin },
  languageOptions: { parserOptions: { program: null, project: false, projectService: false } },
  rules: { ...plugin.configs.recommended.rules },
};

export = plugin;
