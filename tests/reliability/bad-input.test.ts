import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { oddSyntaxFiles } from '../../scripts/soak/odd-syntax.js';

/**
 * What the plugin does with input it cannot use: options that do not fit the schema, files without
 * type information, files that do not parse, and client declarations it has never seen. In every
 * case the user gets ESLint's own, clear error or a quiet pass, never an exception from a rule.
 */
const drain = plugin as unknown as ESLint.Plugin;
const ruleNames = Object.keys(plugin.rules);
// Flat config only matches a file through a `files` pattern that names its extension.
const allFiles = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const everyRule = Object.fromEntries(ruleNames.map((name) => [`drain/${name}`, 'error' as const])) as Linter.RulesRecord;

interface Schema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly minLength?: number;
  readonly minimum?: number;
  readonly uniqueItems?: boolean;
  readonly items?: Schema;
  readonly properties?: Record<string, Schema>;
}

function optionSchema(name: string): Schema | undefined {
  const schema = (plugin.rules as Record<string, { meta: { schema?: unknown } }>)[name]!.meta.schema;
  return Array.isArray(schema) ? (schema[0] as Schema | undefined) : undefined;
}

const jsonSamples: Record<string, unknown> = {
  string: 'not-valid',
  number: 40_404,
  boolean: true,
  object: { not: 'valid' },
  array: ['not', 'valid'],
  null: null,
};

/** Values `schema` rejects: every JSON type it does not take, then values of its type that break its rules. */
function wrongValues(schema: Schema): unknown[] {
  const types = [schema.type ?? []].flat();
  const values = Object.entries(jsonSamples)
    // JSON Schema's integers are numbers: the number sample may be one.
    .filter(([type]) => !types.includes(type) && !(type === 'number' && types.includes('integer')))
    .map(([, value]) => value);
  if (types.includes('integer')) values.push(1.5);
  if (schema.minimum !== undefined) values.push(schema.minimum - 1);
  if (schema.enum) values.push('not-a-choice');
  if (types.includes('string') && schema.minLength) values.push('');
  if (schema.items) values.push(...wrongValues(schema.items).map((item) => [item]));
  if (schema.uniqueItems) values.push(['same', 'same']);
  return values;
}

/** A valid value of each option that has nested options, to put one wrong nested value into. */
const validNested: Record<string, Record<string, unknown>> = {
  producers: { name: 'api.get' },
  drainWith: { module: '@acme/http', export: 'consumeBody' },
};

/**
 * Every option of every rule, nested ones placed inside a `producers` entry or a `drainWith` object
 * that is otherwise valid, with each value its schema rejects.
 */
function wrongOptionCases(): { rule: string; option: string; options: Record<string, unknown> }[] {
  return ruleNames.flatMap((rule) =>
    Object.entries(optionSchema(rule)?.properties ?? {}).flatMap(([option, schema]) => [
      ...wrongValues(schema).map((value) => ({ rule, option, options: { [option]: value } })),
      ...Object.entries(schema.items?.properties ?? {}).flatMap(([nested, nestedSchema]) =>
        wrongValues(nestedSchema).map((value) => ({
          rule,
          option: nested,
          options: { [option]: [{ ...validNested[option], [nested]: value }] },
        })),
      ),
      ...Object.entries(schema.properties ?? {}).flatMap(([nested, nestedSchema]) =>
        wrongValues(nestedSchema).map((value) => ({
          rule,
          option: nested,
          options: { [option]: { ...validNested[option], [nested]: value } },
        })),
      ),
    ]),
  );
}

/** The error ESLint throws for `rules`, or `undefined` when it accepts them. */
function configError(rules: Linter.RulesRecord): string | undefined {
  try {
    new Linter().verify('fetch(url);', [{ plugins: { drain }, rules }], 'file.js');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('invalid rule options are rejected by the schema', () => {
  const optionCases = wrongOptionCases();

  it('every option and nested option has cases', () => {
    expect(new Set(optionCases.map(({ rule, option }) => `${rule}:${option}`))).toEqual(
      new Set([
        ...['producers', 'consumers', 'name', 'client', 'returns', 'drainTimeoutMs', 'drainMaxBytes', 'drainWith', 'module', 'export', 'clients'].flatMap(
          (option) => ruleNames.map((rule) => `${rule}:${option}`),
        ),
        'no-undrained-close:reportDeliberate',
        'no-undrained-close:reportErrorPaths',
      ]),
    );
  });

  it.each(ruleNames)('drain/%s: an unknown option is named in the message', (name) => {
    const message = configError({ [`drain/${name}`]: ['error', { notAnOption: true }] });
    expect(message).toContain(`drain/${name}`);
    if (optionSchema(name)?.properties) {
      expect(message).toContain('Unexpected property "notAnOption"');
    }
  });

  it.each(ruleNames)('drain/%s: a second option object is rejected', (name) => {
    const message = configError({ [`drain/${name}`]: ['error', {}, {}] });
    expect(message).toContain(`drain/${name}`);
  });

  it.each(ruleNames)('drain/%s: an option that is not an object is rejected', (name) => {
    const message = configError({ [`drain/${name}`]: ['error', 'strict'] });
    expect(message).toContain(`drain/${name}`);
    expect(message).toContain('"strict"');
  });

  // Plain schemas get `Value "getRaw" should be array.` from ESLint, which prints no option path;
  // lib/named-options.ts makes the one error line name the option and say what it takes.
  it.each(optionCases)('drain/$rule: `$option` set to a wrong value is named: $options', ({ rule, option, options }) => {
    const message = configError({ [`drain/${rule}`]: ['error', options] });
    expect(message).toContain(`drain/${rule}`);
    expect(message).toMatch(new RegExp(`^\\tValue .* should have property ${option} as .+ when property ${option} is present\\.$`, 'm'));
    expect(message!.match(/^\tValue /gm)).toHaveLength(1);
  });

  it.each(ruleNames)('drain/%s: a producer object without `name` is named', (name) => {
    const message = configError({ [`drain/${name}`]: ['error', { producers: [{ client: 'fetch' }] }] });
    expect(message).toContain(`Value {"client":"fetch"} should have required property 'name'.`);
  });

  it.each(ruleNames)('drain/%s: an unknown key in a producer object is named', (name) => {
    const message = configError({ [`drain/${name}`]: ['error', { producers: [{ name: 'get', module: 'undici' }] }] });
    expect(message).toContain('Unexpected property "module". Expected properties: "name", "client", "returns".');
  });

  it.each(ruleNames)('drain/%s: a drainWith object without `module` is named', (name) => {
    const message = configError({ [`drain/${name}`]: ['error', { drainWith: { export: 'consumeBody' } }] });
    expect(message).toContain(`Value {"export":"consumeBody"} should have required property 'module'.`);
  });

  it.each(ruleNames)('drain/%s: an unknown key in a drainWith object is named', (name) => {
    const message = configError({ [`drain/${name}`]: ['error', { drainWith: { module: 'm', export: 'e', async: true } }] });
    expect(message).toContain('Unexpected property "async". Expected properties: "module", "export", "clients".');
  });

  it.each(ruleNames)('drain/%s: every valid shape of every option is accepted', (name) => {
    const accepted = optionSchema(name)?.properties ?? {};
    const valid: Record<string, unknown> = {
      producers: ['getRaw', { name: 'api.get' }, { name: 'http.get', client: 'node-http', returns: 'value' }, { name: 'ky.get', client: 'ky', returns: 'promise' }],
      consumers: ['discardBody', 'api.drain'],
      reportDeliberate: true,
      reportErrorPaths: true,
      drainTimeoutMs: 250,
      drainMaxBytes: 1 << 20,
      drainWith: { module: './src/http/consume.js', export: 'default', clients: ['fetch', 'node-http'] },
    };
    expect(configError({ [`drain/${name}`]: ['error', Object.fromEntries(Object.entries(valid).filter(([key]) => key in accepted))] })).toBeUndefined();
  });

  it('the default options are accepted', () => {
    expect(configError(everyRule)).toBeUndefined();
  });
});

describe('without type information no rule throws', () => {
  const snippets: Record<string, string> = {
    ...oddSyntaxFiles({ longFileLines: 400 }),
    // Code whose meaning only types would settle: wrappers, overloads, declared clients.
    'wrappers.ts': `
declare function api(path: string): Promise<Response>;
declare const client: { get(url: string): Promise<{ body: NodeJS.ReadableStream; statusCode: number }> };
export async function a(p: string) {
  const res = await api(p);
  if (!res.ok) return null;
  return res.json();
}
export async function b(u: string) {
  const res = await client.get(u);
  if (res.statusCode !== 200) throw new Error('x');
  res.body.resume();
}
`,
    'shadowed.js': `
function fetch() { return { ok: true }; }
const http = { get: (url, cb) => cb({ statusCode: 200 }) };
export async function c(url) {
  const res = await fetch(url);
  if (!res.ok) return;
  http.get(url, (r) => { if (r.statusCode) return; });
}
`,
    'commonjs.cjs': `
const { request } = require('undici');
const nodeFetch = require('node-fetch');
module.exports = async function d(url) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 400) return statusCode;
  const res = await nodeFetch(url);
  if (res.status === 204) return 0;
  return body.text();
};
`,
  };

  const setups: { label: string; config: (file: string) => Linter.Config[] }[] = [
    {
      label: 'default parser (JavaScript)',
      config: (file) => [
        {
          files: allFiles,
          languageOptions: {
            ecmaVersion: 'latest',
            sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module',
            parserOptions: { ecmaFeatures: { jsx: true } },
          },
        },
      ],
    },
    {
      label: 'typescript-eslint parser without a project',
      config: (file) => [
        { files: allFiles, languageOptions: { parser: tsParser, sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module' } },
      ],
    },
  ];
  const optionSets: { label: string; options: Record<string, unknown> }[] = [
    { label: 'default options', options: {} },
    { label: 'producers and consumers', options: { producers: ['getRaw', { name: 'api.get' }], consumers: ['drainIt'] } },
  ];

  const cases = setups.flatMap((setup) =>
    optionSets.flatMap((optionSet) =>
      Object.keys(snippets)
        // The default parser has no TypeScript syntax; `with` is not allowed in TypeScript files.
        .filter((file) => (setup.label.startsWith('default') ? /\.(?:[cm]?js|jsx)$/.test(file) : true))
        .map((file) => ({ setup: setup.label, options: optionSet.label, file })),
    ),
  );

  it('the rules do run on these files: the odd-syntax set draws reports without types', () => {
    const messages = new Linter({ cwd: '/virtual' }).verify(
      snippets['labeled-loops.ts']!,
      [...setups[1]!.config('labeled-loops.ts'), { plugins: { drain }, rules: everyRule }],
      { filename: '/virtual/labeled-loops.ts' },
    );
    expect(messages.filter((message) => message.ruleId === 'drain/no-unconsumed-body').length).toBeGreaterThan(0);
  });

  it.each(cases)('$setup, $options: $file', ({ setup, options, file }) => {
    const configFor = setups.find((entry) => entry.label === setup)!.config;
    const rules = Object.fromEntries(
      ruleNames.map((name) => {
        const accepts = optionSchema(name)?.properties ?? {};
        const own = Object.fromEntries(Object.entries(optionSets.find((entry) => entry.label === options)!.options).filter(([key]) => key in accepts));
        return [`drain/${name}`, ['error', own]];
      }),
    ) as Linter.RulesRecord;
    const config: Linter.Config[] = [...configFor(file), { plugins: { drain }, rules }];
    const messages = new Linter({ cwd: '/virtual' }).verify(snippets[file]!, config, { filename: `/virtual/${file}` });
    // Anything but the plugin's own reports (a parse error, an unmatched file) fails the case.
    expect(messages.filter((message) => !message.ruleId?.startsWith('drain/')).map((message) => message.message)).toEqual([]);
  });
});

describe('a file that does not parse is ESLint\'s parse error', () => {
  const broken = 'export async function load(url) {\n  const res = await fetch(url;\n  return res.json();\n}\n';

  it.each([
    { label: 'default parser', languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } as Linter.LanguageOptions, file: 'broken.js' },
    { label: 'typescript-eslint parser', languageOptions: { parser: tsParser } as Linter.LanguageOptions, file: 'broken.ts' },
  ])('$label: one fatal message without a rule id, and no exception', ({ languageOptions, file }) => {
    const messages = new Linter({ cwd: '/virtual' }).verify(
      broken,
      [{ files: allFiles, languageOptions }, { plugins: { drain }, rules: everyRule }],
      { filename: `/virtual/${file}` },
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ fatal: true, ruleId: null, line: 2 });
    expect(messages[0]!.message).toMatch(/^Parsing error: /);
  });

  it('through the ESLint API with --fix: counted as a fatal error, the text left alone', async () => {
    const eslint = new ESLint({
      cwd: os.tmpdir(),
      overrideConfigFile: true,
      overrideConfig: [{ plugins: { drain }, rules: everyRule }],
      fix: true,
    });
    const [result] = await eslint.lintText(broken, { filePath: path.join(os.tmpdir(), 'broken.js') });
    expect(result!.fatalErrorCount).toBe(1);
    expect(result!.messages.map((message) => message.ruleId)).toEqual([null]);
    expect(result!.output).toBeUndefined();
  });
});

describe('responses from unknown client versions do not crash the rules', () => {
  // A project whose client declarations are not the ones the plugin knows: newer majors typed
  // loosely, bodies typed `unknown` or `number`, no `@types/node` and no DOM, so the global
  // `fetch` does not resolve at all.
  const fakePackages: Record<string, Record<string, string>> = {
    undici: {
      'package.json': '{ "name": "undici", "version": "99.0.0", "types": "index.d.ts" }',
      'index.d.ts': `
export interface ResponseData { statusCode: number; headers: any; body: unknown }
export declare function request(url: string, options?: any): Promise<ResponseData>;
export declare function fetch(input: any, init?: any): Promise<any>;
export declare function stream(url: string, options: any, factory: any): Promise<any>;
`,
    },
    'node-fetch': {
      'package.json': '{ "name": "node-fetch", "version": "9.0.0", "types": "index.d.ts" }',
      'index.d.ts': `
export interface Response { ok: boolean; status: number; body: number }
export default function fetch(url: string): Promise<Response>;
`,
    },
    axios: {
      'package.json': '{ "name": "axios", "version": "9.0.0", "types": "index.d.ts" }',
      'index.d.ts': `
declare const axios: { get(url: string, config?: any): Promise<any>; request(config: any): Promise<{ data: unknown }> };
export default axios;
`,
    },
    got: {
      'package.json': '{ "name": "got", "version": "99.0.0", "types": "index.d.ts" }',
      'index.d.ts': 'declare const got: any;\nexport default got;\n',
    },
    ky: {
      'package.json': '{ "name": "ky", "version": "9.0.0", "types": "index.d.ts" }',
      'index.d.ts': 'declare const ky: { get(url: string): { json(): Promise<unknown> } & Promise<{ status: number }> };\nexport default ky;\n',
    },
  };

  const snippets: Record<string, string> = {
    'undici-any.ts': `
import { request, fetch, stream } from 'undici';
export async function a(url: string) {
  const { statusCode, body } = await request(url);
  if (statusCode >= 400) return statusCode;
  const res = await fetch(url);
  if (!res.ok) throw new Error('x');
  await stream(url, {}, () => null);
  return body;
}
`,
    'node-fetch-odd.ts': `
import fetch from 'node-fetch';
export async function b(url: string) {
  const res = await fetch(url);
  if (!res.ok) return res.status;
  return res.body + 1;
}
`,
    'axios-got-ky.ts': `
import axios from 'axios';
import got from 'got';
import ky from 'ky';
export async function c(url: string) {
  const a = await axios.get(url, { responseType: 'stream' });
  if (a.status !== 200) return;
  const g = await got.stream(url);
  g.destroy();
  const k = await ky.get(url);
  if (k.status > 299) throw new Error('k');
}
`,
    'missing-declarations.ts': `
import { request } from 'undici-next';
export async function d(url: string) {
  const res = await fetch(url);
  if (!res.ok) return null;
  const { body } = await request(url);
  body.destroy();
  return res.text();
}
`,
    'declared-any.ts': `
declare const client: any;
export async function e(url: string) {
  const res = await client.fetch(url);
  if (!res.ok) return null;
  return 1;
}
`,
    'local-response.ts': `
class Response { status = 200; body: ReadableStream | number = 0 }
declare function get(url: string): Promise<Response>;
export async function f(url: string) {
  const res = await get(url);
  if (res.status > 399) return;
  return res;
}
`,
  };

  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drain-unknown-clients-'));
    for (const [name, files] of Object.entries(fakePackages)) {
      fs.mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'node_modules', name, file), text);
    }
    for (const [file, text] of Object.entries(snippets)) fs.writeFileSync(path.join(dir, file), text);
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022'], types: [], strict: true, noEmit: true },
        include: ['*.ts'],
      }),
    );
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function lint(file: string, typed: boolean): Linter.LintMessage[] {
    const languageOptions: Linter.LanguageOptions = typed
      ? { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: dir } }
      : { parser: tsParser };
    return new Linter({ cwd: dir }).verify(
      snippets[file]!,
      [{ files: ['**/*.ts'], languageOptions }, { plugins: { drain }, rules: everyRule }],
      { filename: path.join(dir, file) },
    );
  }

  it.each(Object.keys(snippets).flatMap((file) => [true, false].map((typed) => ({ file, typed }))))(
    '$file (typed: $typed)',
    ({ file, typed }) => {
      const messages = lint(file, typed);
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      for (const message of messages) expect(message.ruleId).toMatch(/^drain\//);
    },
  );

  it('stays silent on a response typed `any` from an unknown callee', () => {
    expect(lint('declared-any.ts', true)).toEqual([]);
  });
});
