import { clientModels } from '../clients/index.js';
import { type NamedOption, namedOptions } from '../named-options.js';

/** A function of the user's own that drains a response, which fixes call instead of inline code. */
export interface DrainHelperOption {
  /** Where to import it from: a package, an alias, or a path relative to ESLint's working directory. */
  readonly module: string;
  /** Its exported name (`default` for the default export). */
  readonly export: string;
  /** The clients whose responses it takes; every client when left out. */
  readonly clients?: readonly string[];
}

/** How the drains that fixes insert are bounded, and by whose code: options both rules share. */
export interface DrainOptions {
  readonly drainTimeoutMs?: number;
  readonly drainMaxBytes?: number;
  readonly drainWith?: DrainHelperOption;
}

/** The bounds an inline drain is written with. */
export interface DrainLimits {
  readonly ms: number;
  readonly bytes: number;
}

/**
 * One second: a body still arriving after that is endless (an event stream, a long poll) or too
 * large for the link, and a new connection costs less than waiting longer (docs/drain-limits.md has
 * the measurement and the reasoning for real networks).
 */
export const DEFAULT_DRAIN_TIMEOUT_MS = 1000;

/** 2 MiB: past it, closing and reconnecting beats reading on, even over a slow, distant link (same section). */
export const DEFAULT_DRAIN_MAX_BYTES = 2 * 1024 * 1024;

const clientIds = clientModels.map((client) => client.id);

const helperSchema = namedOptions({
  module: {
    schema: { type: 'string', minLength: 1, description: 'In `drainWith`: the module to import the helper from.' },
    expected: 'a non-empty string (in `drainWith`: the module to import the helper from)',
  },
  export: {
    schema: { type: 'string', minLength: 1, description: 'In `drainWith`: the helper\'s exported name (`default` for a default export).' },
    expected: 'a non-empty string (in `drainWith`: the exported name of the helper)',
  },
  clients: {
    schema: {
      type: 'array',
      items: { type: 'string', enum: clientIds },
      uniqueItems: true,
      description: 'In `drainWith`: the clients whose responses the helper takes (default: all).',
    },
    expected: `an array of distinct client names from ${clientIds.map((id) => JSON.stringify(id)).join(', ')} (in \`drainWith\`)`,
  },
});

/** The schema of each of `DrainOptions`, merged into both rules' option objects. */
export const drainOptions: Record<keyof DrainOptions, NamedOption> = {
  drainTimeoutMs: {
    schema: {
      type: 'integer',
      minimum: 1,
      description: `How long an inserted drain reads before it closes the body instead (default ${DEFAULT_DRAIN_TIMEOUT_MS}).`,
    },
    expected: 'a positive integer (milliseconds)',
  },
  drainMaxBytes: {
    schema: {
      type: 'integer',
      minimum: 1,
      description: `How many bytes an inserted \`undici.request\` drain reads before it closes the body instead (default ${DEFAULT_DRAIN_MAX_BYTES}).`,
    },
    expected: 'a positive integer (bytes)',
  },
  drainWith: {
    schema: { ...helperSchema, required: ['module', 'export'], description: 'Your own drain function, which fixes import and call instead of inline code.' },
    shape: { type: 'object' },
    expected: 'an object { module, export, clients }',
  },
};

/** The limits an inline drain uses, from the rule's options. */
export function drainLimits(options: DrainOptions): DrainLimits {
  return { ms: options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS, bytes: options.drainMaxBytes ?? DEFAULT_DRAIN_MAX_BYTES };
}
