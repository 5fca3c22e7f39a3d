import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { rules } from '../rules/index.js';

/**
 * The plugin is assembled from several places that must agree: the rule files, `rules/index.ts`,
 * the plugin object and its configs, the docs and the tests. A rule that exists in one and not in
 * another is either unreachable, undocumented or untested; this test names which.
 */
const root = path.join(__dirname, '..');
const stems = (dir: string, suffix: string) =>
  readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith(suffix))
    .map((name) => name.slice(0, -suffix.length))
    .sort();

const ruleFiles = stems('rules', '.ts').filter((name) => name !== 'index');
const ruleNames = Object.keys(rules);
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };

describe('plugin', () => {
  it('meta names this package and version', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it('exports every rule file, in alphabetical order', () => {
    expect(ruleNames).toEqual([...ruleNames].sort());
    expect(ruleNames).toEqual(ruleFiles);
    expect(plugin.rules).toBe(rules);
  });

  it.each(ruleFiles)('rules/%s.ts is the rule of that name', async (name) => {
    const module = (await import(/* @vite-ignore */ path.join(root, 'rules', `${name}.ts`))) as { default: (typeof rules)[keyof typeof rules] };
    const rule = module.default;
    expect(rules[name as keyof typeof rules]).toBe(rule);
    expect(rule.name).toBe(name);
    expect(rule.meta.docs?.url).toBe(`https://github.com/eslint-plugin-drain/eslint-plugin-drain/blob/main/docs/rules/${name}.md`);
    expect(rule.meta.docs?.description).toMatch(/^(?:Require|Disallow|Enforce) .+[^. ]$/);
  });

  it('documents every rule and nothing else', () => {
    // supported-clients.md is the clients table both rule pages link to, not a rule page.
    expect(stems('docs/rules', '.md').filter((name) => name !== 'supported-clients')).toEqual(ruleFiles);
  });

  it('tests every rule', () => {
    // `tests/rules/<rule>.test.ts`, or a folder `tests/rules/<rule>/` of test files for a big rule.
    // Suites that cut across rules (`clients/`, `runtime-scenarios.test.ts`) live there too; a test
    // of a rule that is gone fails on its own, at the import.
    const dir = path.join(root, 'tests', 'rules');
    const tested = new Set([
      ...stems('tests/rules', '.test.ts'),
      ...readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && readdirSync(path.join(dir, entry.name)).some((name) => name.endsWith('.test.ts')))
        .map((entry) => entry.name),
    ]);
    expect(ruleFiles.filter((name) => !tested.has(name)), 'rules without tests').toEqual([]);
  });

  it('configs.recommended registers the plugin as drain and enables exactly the recommended rules', () => {
    const recommended = plugin.configs.recommended;
    expect(recommended.name).toBe('drain/recommended');
    expect(recommended.plugins.drain).toBe(plugin);
    const expected = Object.fromEntries(
      Object.entries(rules)
        .filter(([, rule]) => rule.meta.docs?.recommended === true)
        .map(([name]) => [`drain/${name}`, 'error']),
    );
    expect(recommended.rules).toEqual(expected);
  });

  it('every config only names rules the plugin has, under the drain prefix', () => {
    for (const [configName, config] of Object.entries(plugin.configs as Record<string, { name?: string; rules?: object }>)) {
      expect(config.name, configName).toBe(`drain/${configName}`);
      for (const ruleId of Object.keys(config.rules ?? {})) {
        expect(ruleId.startsWith('drain/') && ruleId.slice('drain/'.length) in rules, `${configName}: ${ruleId}`).toBe(true);
      }
    }
  });
});
