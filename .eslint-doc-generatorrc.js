// eslint-doc-generator reads the built plugin (package.json `main` → dist/), so `npm run docs` and
// `npm run lint:docs` build first. `--check` (lint:docs, part of `npm test`) fails when the README
// rules table, a rule doc's header or its options list no longer matches the rules' `meta`.

/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  ruleDocTitleFormat: 'prefix-name',
  // Every page has an Options section, "This rule has no options." included; DG would reject it for
  // rules without options, so tests/docs.test.ts checks the section and its options-list markers.
  ruleDocSectionOptions: false,
  ruleDocSectionInclude: ['Rule Details', 'Examples', 'Known Limitations', 'When Not To Use It'],
  ruleDocNotices: ['configs', 'fixableAndHasSuggestions', 'requiresTypeChecking', 'options', 'description'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options', 'requiresTypeChecking'],
  // `recommended` (✅) and `strict` (🔒) have default emojis; every other config needs one.
  configEmoji: [['recommended-untyped', '☑️']],
  // Absolute, like the rule URLs createRule makes: the same link works in the README and in docs/rules.
  urlConfigs: 'https://github.com/eslint-plugin-drain/eslint-plugin-drain#configs',
};
