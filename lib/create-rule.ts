import { ESLintUtils } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields every rule of this plugin declares. */
export interface PluginDocs {
  /** In `configs.recommended`. */
  readonly recommended?: boolean;
  /** The rule uses type information when present but never needs it. */
  readonly requiresTypeChecking?: boolean;
}

/** Rule factory: adds the documentation URL from the rule's name. */
export const createRule = ESLintUtils.RuleCreator<PluginDocs>(
  (name) => `https://github.com/eslint-plugin-drain/eslint-plugin-drain/blob/main/docs/rules/${name}.md`,
);
