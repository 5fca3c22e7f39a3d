import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { clientModels } from './clients/index.js';

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

/** JSON schema properties for `AnalysisOptions`, merged into each rule's option object. */
export const analysisOptionsSchema: Record<string, JSONSchema4> = {
  producers: {
    type: 'array',
    description: 'Extra functions that return a response, by name (`getRaw`) or `object.method`.',
    items: {
      oneOf: [
        { type: 'string', minLength: 1 },
        {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            name: { type: 'string', minLength: 1, description: 'In `producers`: the function name, or `object.method`.' },
            client: {
              type: 'string',
              enum: clientModels.map((client) => client.id),
              description: 'In `producers`: whose response it returns (default `fetch`).',
            },
            returns: {
              type: 'string',
              enum: ['promise', 'value'],
              description: 'In `producers`: a promise of the response (default) or the response itself.',
            },
          },
        },
      ],
    },
    uniqueItems: true,
  },
  consumers: {
    type: 'array',
    description: 'Extra functions that read or release any response passed to them.',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
  },
};

/** A stable key, so rules configured alike share one analysis of a file. */
export function analysisKey(options: AnalysisOptions): string {
  return JSON.stringify([options.producers ?? [], options.consumers ?? []]);
}
