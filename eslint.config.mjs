// Lints this repository (`npm run lint`, which builds first). Rule sources are held to
// eslint-plugin-eslint-plugin; the runtime harness, which calls `fetch` itself, to our own plugin.
import { existsSync } from 'node:fs';
import { defineConfig, globalIgnores } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

// The built plugin, as users get it. Absent before the first build: lint the rest regardless.
const builtPlugin = new URL('./dist/index.js', import.meta.url);
const drain = existsSync(builtPlugin) ? (await import(builtPlugin.href)).default : undefined;
if (!drain) console.warn('eslint.config.mjs: dist/ is missing, so drain/* does not run; use `npm run lint`.');

export default defineConfig(
  globalIgnores([
    // Build output, wherever a tool puts a copy of it.
    '**/dist/',
    '**/*.d.ts',
    // Copies of the sources and build that the benchmarks snapshot.
    'bench/.*/',
    'coverage/',
    // Deliberate leaks: examples/ is judged by tests/examples.test.ts, the scenarios and sweep probes by the runtime suite.
    'examples/',
    'tests/fixtures/',
    'tests/runtime/scenarios/',
    'tests/runtime/sweep/',
    // Third-party SDK sources copied there by `npm run bench`: the benchmark's corpus, not ours to lint.
    'bench/.corpus/',
  ]),
  {
    files: ['**/*.ts'],
    // Registers the @typescript-eslint plugin too, so directives naming its rules resolve. No type
    // information here: the rules below do not need it, and not every script is in tsconfig.json.
    extends: [tseslint.configs.base],
  },
  {
    files: ['rules/**/*.ts', 'lib/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      // The sources are ES modules compiled to CommonJS; a `require` needs a reason (lib/types/typescript.ts).
      '@typescript-eslint/no-require-imports': 'error',
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Require|Disallow|Enforce) .+[^. ]$' }],
      // Messages are whole sentences about what happens at runtime.
      'eslint-plugin/report-message-format': ['error', '^[A-Z`].*\\.$'],
      // Not `require-meta-docs-url`: createRule adds the URL, so the source never has one.
    },
  },
  {
    files: ['tests/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
    rules: {
      'eslint-plugin/require-test-error-positions': 'error',
    },
  },
  drain
    ? {
        files: ['tests/runtime/**/*.ts'],
        extends: [drain.configs.recommended],
        // With types, as a user would run it: wrappers typed `Promise<Response>` count too.
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
      }
    : {},
);
