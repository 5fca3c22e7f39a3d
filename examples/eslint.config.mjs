// Lints the example project with the plugin as built into ../dist, the way a user's project would
// load it from node_modules. `npm run demo` builds first.
import tsParser from '@typescript-eslint/parser';
import drain from '../dist/index.js';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  drain.configs.recommended,
];
