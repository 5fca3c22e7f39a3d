import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { OriginContext, Producer } from '../../../lib/tracking/origin-context.js';
import { mayBeProducerCall, producerOf, typedProducer } from '../../../lib/tracking/response-origins.js';
import { producerNames } from '../../../lib/types/producer-names.js';
import { fixturesDir } from '../../rule-tester.js';

/**
 * The name index decides which calls the checker is asked about at all. It must never hide a call
 * whose type makes it a producer: a miss is a leak the rules stop reporting, silently.
 */
const namesDir = path.join(fixturesDir, 'producer-names');

function fixtureProgram(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(fixturesDir, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  })!;
  return ts.createProgram(['api.ts', 'callers.ts'].map((file) => path.join(namesDir, file)), config.options);
}

describe('producerNames', () => {
  const names = producerNames(fixtureProgram());

  it.each([
    ['fetch', 'the global, declared by undici-types through @types/node'],
    ['request', "undici's, whose declarations are in the program"],
    ['getJson', 'annotated Promise<Response>'],
    ['loadPage', 'no annotation; returns a local that holds fetch()'],
    ['ping', 'returns fetch(url).then((res) => res)'],
    ['Fetcher', 'a function type returning Promise<Response>'],
    ['send', 'an interface method and a class field arrow function'],
    ['get', 'an object literal method'],
    ['head', 'an object literal arrow property'],
    ['fetchImpl', 'a property typed typeof fetch'],
    ['fetcher', 'a getter returning the fetch function'],
    ['raw', "returns a destructured `response`, read from what `withResponse` returns"],
    ['download', 'assigned to a property: exportsStyle.download = …'],
    ['fetchAs', 'a type parameter whose default is Response'],
    ['downloadFn', 'a constructor parameter property typed () => Promise<Response>'],
    ['fetchWithRetry', 'returns what its default-valued parameter fetchFn = fetch returns'],
    ['fetchFromChunk', 'imported by a new name from a bundled chunk that exports a fetch function as `T`'],
  ])('knows %s (%s)', (name) => {
    expect(names.has(name)).toBe(true);
  });

  it.each([
    ['getCount', 'returns Promise<number>, though its body calls fetch'],
    ['identity', 'returns its type parameter, which has no constraint'],
    ['callers', 'returns an array'],
    ['withResponse', 'returns an object literal'],
    ['Client', 'a class that extends nothing'],
    ['Transport', 'an interface whose method returns one: it is not itself callable'],
    ['json', "a member of undici's Response: methods of a response never make a new one"],
    ['error', "a static member of Response, which builds one in memory"],
    ['Settings', 'imported by a new name from another chunk, whose `T` is an options type'],
    ['Awaitable', 'a generic alias whose type parameter may be a response: its uses name what it is'],
    ['value', "a property typed by its container's type parameter"],
    ['StatusAndResponse', 'a tuple that holds a response'],
    ['responses', 'returns an array of responses'],
    ['isFetchResponse', 'a type guard for responses, which returns a boolean'],
  ])('does not know %s (%s)', (name) => {
    expect(names.has(name)).toBe(false);
  });
});

describe('the checker is asked about few calls, and the answers do not change', () => {
  /**
   * Calls the checker types as producers that the index misses, on purpose (docs/performance.md).
   * None: `identity(a)` returns its argument, so the response it gives back is `a`'s, followed through
   * the call rather than made by it.
   */
  const knownMisses: string[] = [];

  const corpus = [
    ...['producer-names', 'cross-file', 'fixable'].flatMap((dir) =>
      readdirSync(path.join(fixturesDir, dir))
        .filter((file) => file.endsWith('.ts'))
        .map((file) => path.join(fixturesDir, dir, file)),
    ),
  ];

  const seen = { calls: 0, producers: [] as string[], asked: 0, misses: [] as string[], changed: [] as string[] };
  const describeProducer = (producer: Producer | undefined) => producer && `${producer.client.id} ${producer.view}`;
  const rule: TSESLint.RuleModule<never> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      const services = ESLintUtils.getParserServices(context);
      const origin: OriginContext = {
        scopeOf: (node) => context.sourceCode.getScope(node),
        types: { services, checker: services.program.getTypeChecker() },
      };
      const where = (call: TSESTree.CallExpression) =>
        `${path.relative(fixturesDir, context.filename)}: ${context.sourceCode.getText(call).replace(/\s+/g, ' ')}`;
      return {
        CallExpression(call) {
          seen.calls++;
          const asked = mayBeProducerCall(call, origin);
          if (asked) seen.asked++;
          // What resolving every call with the checker says, against what the rules use.
          const resolved = describeProducer(typedProducer(call, origin));
          const usedProducer = producerOf(call, origin);
          const used = describeProducer(usedProducer);
          // A client without type signatures (axios: one `AxiosResponse` for every responseType) is
          // told by its literal option alone, which the checker cannot see.
          const byOptionOnly = !resolved && usedProducer?.client.types.length === 0;
          if (resolved) seen.producers.push(where(call));
          if (resolved && !asked) seen.misses.push(where(call));
          else if (resolved !== used && !byOptionOnly) seen.changed.push(`${where(call)}: ${resolved} → ${used}`);
        },
      };
    },
  };

  it('on every call of the fixture projects', () => {
    const linter = new Linter({ configType: 'flat', cwd: fixturesDir });
    for (const file of corpus) {
      const messages = linter.verify(
        ts.sys.readFile(file)!,
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
            plugins: { probe: { rules: { calls: rule as never } } },
            rules: { 'probe/calls': 'error' },
          },
        ],
        { filename: file },
      );
      expect(messages.filter((message) => message.fatal).map((message) => `${file}: ${message.message}`)).toEqual([]);
    }
    expect(seen.misses).toEqual(knownMisses);
    // A callee with one plain signature is typed from its annotation, without resolving the call.
    expect(seen.changed).toEqual([]);
    // Not vacuous: the corpus has producers of every shape, and most calls are never asked about.
    expect(seen.producers.length).toBeGreaterThan(60);
    expect(seen.asked).toBeLessThan(seen.calls / 2);
  });
});
