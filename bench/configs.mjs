// The configurations compared on the same files. The typed ones all parse with the project service,
// so all pay for the TypeScript program; they differ only in the rules that run on it. The untyped
// ones parse the same files without a program, as `recommended-untyped` does for JavaScript.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { repoRoot } from './corpus.mjs';

const require = createRequire(import.meta.url);

/**
 * The plugin as built into dist/, the way a user's node_modules has it. DRAIN_BENCH_PLUGIN points
 * at another build (a before/after comparison of an optimisation).
 */
export function loadPlugin() {
  const entry = process.env.DRAIN_BENCH_PLUGIN ?? join(repoRoot, 'dist', 'index.js');
  try {
    return require(entry);
  } catch (error) {
    throw new Error(`bench: cannot load ${entry} (${error.message}); run \`npm run build\` first.`);
  }
}

/** Every rule of the plugin at `error`, for when `configs.strict` is not there. */
function allRules(drain) {
  return Object.fromEntries(Object.keys(drain.rules).map((name) => [`drain/${name}`, 'error']));
}

export function strictRules(drain) {
  return drain.configs.strict?.rules ?? allRules(drain);
}

export const PARSE = 'parse only';
export const NFP = 'no-floating-promises';
export const REC = 'drain recommended';
export const STRICT = 'drain strict';
export const BOTH = 'no-floating-promises + drain recommended';
export const UNTYPED_PARSE = 'untyped parse only';
export const UNTYPED_REC = 'untyped drain recommended';

/** Name → { rules, typed }; the order is the order of the tables. */
export function configurations(drain) {
  const nfp = { '@typescript-eslint/no-floating-promises': 'error' };
  const recommended = drain.configs.recommended.rules;
  return {
    [PARSE]: { rules: {}, typed: true },
    [NFP]: { rules: nfp, typed: true },
    [REC]: { rules: recommended, typed: true },
    [STRICT]: { rules: strictRules(drain), typed: true },
    [BOTH]: { rules: { ...nfp, ...recommended }, typed: true },
    [UNTYPED_PARSE]: { rules: {}, typed: false },
    [UNTYPED_REC]: { rules: recommended, typed: false },
  };
}

/** A flat config that lints every `.ts`/`.tsx` file, with type information when `typed`, and runs `rules`. */
export function flatConfig(drain, { rules, typed }) {
  return [
    {
      files: ['**/*.ts', '**/*.tsx'],
      plugins: { '@typescript-eslint': tseslint.plugin, drain },
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: typed
          ? { projectService: true, tsconfigRootDir: repoRoot }
          : { program: null, project: false, projectService: false, ecmaFeatures: { jsx: true } },
      },
      // The sources disable rules of their own lint setup inline; those comments must neither
      // fail the run nor add work that differs between configurations.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      rules,
    },
  ];
}
