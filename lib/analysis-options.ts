import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { clientModels } from './clients/index.js';
import { type NamedOption, namedOptions } from './named-options.js';

/** A function the analysis should treat as producing a response, for untyped or opaque wrappers. */
export interface ProducerOption {
  /** `getRaw` for a function, `api.get` for a method called on `api`. */
  readonly name: string;
  /** Which client's response it returns; default `fetch`. */
  readonly client?: string;
  /** Whether it returns a promise of the response (default) or the response itself. */
  readonly returns?: 'promise' | 'value';
}

/** Options every rule shares, because they feed the one analysis all rules read. */
export interface AnalysisOptions {
  readonly producers?: readonly (string | ProducerOption)[];
  /** Functions that take over any response passed to them (they read or release it). */
  readonly consumers?: readonly string[];
}

const clientIds = clientModels.map((client) => client.id);

/** One entry of `producers`: a name, or an object with the name and what it returns. */
const producerItem: JSONSchema4 = {
  ...namedOptions({
    name: {
      schema: { type: 'string', minLength: 1, description: 'In `producers`: the function name, or `object.method`.' },
      expected: 'a non-empty string (in `producers`: the function name, or `object.method`)',
    },
    client: {
      schema: { type: 'string', enum: clientIds, description: 'In `producers`: whose response it returns (default `fetch`).' },
      expected: `one of ${clientIds.map((id) => JSON.stringify(id)).join(', ')} (in \`producers\`: whose response it returns)`,
    },
    returns: {
      schema: {
        type: 'string',
        enum: ['promise', 'value'],
        description: 'In `producers`: a promise of the response (default) or the response itself.',
      },
      expected: '"promise" or "value" (in `producers`: a promise of the response, or the response itself)',
    },
  }),
  // Type-specific keywords apply only to values of that type: `minLength` to names, the rest to objects.
  type: ['string', 'object'],
  minLength: 1,
  required: ['name'],
};

/** The schema of each of `AnalysisOptions`, merged into each rule's option object through `namedOptions`. */
export const analysisOptions: Record<keyof AnalysisOptions, NamedOption> = {
  producers: {
    schema: {
      type: 'array',
      description: 'Extra functions that return a response, by name (`getRaw`) or `object.method`.',
      items: producerItem,
      uniqueItems: true,
    },
    shape: { type: 'array', items: { type: ['string', 'object'], minLength: 1 }, uniqueItems: true },
    expected: 'an array of distinct function names or { name, client, returns } objects',
  },
  consumers: {
    schema: {
      type: 'array',
      description: 'Extra functions that read or release any response passed to them.',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
    },
    expected: 'an array of distinct function names',
  },
};

/** A stable key, so rules configured alike share one analysis of a file. */
export function analysisKey(options: AnalysisOptions): string {
  return JSON.stringify([options.producers ?? [], options.consumers ?? []]);
}
