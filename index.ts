import type { TSESLint } from '@typescript-eslint/utils';
import { readPackageMeta } from './lib/package-meta.js';
import { rules } from './rules/index.js';

const meta = readPackageMeta();

type RuleLevels = Record<`drain/${keyof typeof rules}`, 'error' | 'warn' | 'off'>;

const plugin = {
  meta,
  rules,
  configs: {} as {
    recommended: { name: string; plugins: { drain: TSESLint.FlatConfig.Plugin }; rules: RuleLevels };
  },
};

/** Recommended rules: every report is a connection that is not reused. */
plugin.configs.recommended = {
  name: 'drain/recommended',
  plugins: { drain: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: {
    'drain/no-unconsumed-body': 'error',
    'drain/no-undrained-close': 'error',
  },
};

export = plugin;
