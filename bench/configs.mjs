// The configurations compared on the same files. All parse with the project service, so all pay
// for the TypeScript program; they differ only in the rules that run on it.
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

/** Name → rules; the order is the order of the tables. */
export function configurations(drain) {
  const nfp = { '@typescript-eslint/no-floating-promises': 'error' };
  const recommended = drain.configs.recommended.rules;
  return {
    'parse only': {},
    'no-floating-promises': nfp,
    'drain recommended': recommended,
    'drain strict': strictRules(drain),
    'no-floating-promises + drain recommended': { ...nfp, ...recommended },
  };
}

/** A flat config that lints every `.ts` file with type information and runs `rules`. */
export function flatConfig(drain, rules) {
  return [
    {
      files: ['**/*.ts'],
      plugins: { '@typescript-eslint': tseslint.plugin, drain },
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { projectService: true, tsconfigRootDir: repoRoot },
      },
      // The SDK sources disable rules of their own lint setup inline; those comments must neither
      // fail the run nor add work that differs between configurations.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      rules,
    },
  ];
}
