import type { JSONSchema4, JSONSchema4ObjectSchema } from '@typescript-eslint/utils/json-schema';

/** One property of an option object, with what its schema error should say it expects. */
export interface NamedOption {
  /** The property's schema: what ajv enforces and what eslint-doc-generator lists. */
  readonly schema: JSONSchema4;
  /** Completes "should have property <name> as …", e.g. `a boolean`. */
  readonly expected: string;
  /**
   * What the named check tests, when `schema` has nested `properties` of its own: the same value
   * space without them (eslint-doc-generator would list nested properties twice). The nested object
   * names its own properties. Defaults to `schema`.
   */
  readonly shape?: JSONSchema4;
}

// JSONSchema4 is draft 4, which has no `if`; the ajv 6 inside ESLint 9 and 10 implements it.
type ConditionalSchema = JSONSchema4ObjectSchema & { readonly if: JSONSchema4; readonly else: JSONSchema4 };

/**
 * The schema of a rule's option object whose wrongly typed properties are rejected by name.
 *
 * ESLint prints each schema error as `Value <data> <ajv message>.` and drops the path to it, so a
 * plain schema answers `producers: 'getRaw'` with `Value "getRaw" should be array.`, which does not
 * say which option is wrong. ajv 6 checks `dependencies` before `properties`, and the property form of
 * `dependencies` is the one message that reads as a sentence with text from the schema in it. So each
 * property gets a check that runs first and, only when the value does not fit, fails with
 * `Value {"producers":"getRaw"} should have property producers as an array of … when property producers is present.`
 * The `if`/`else` keeps it to that one line: ajv returns at the first error inside `else`, before it
 * adds its own `should match "else" schema`.
 */
export function namedOptions(options: Record<string, NamedOption>): JSONSchema4ObjectSchema {
  const properties: Record<string, JSONSchema4> = {};
  const dependencies: Record<string, JSONSchema4> = {};
  for (const [name, option] of Object.entries(options)) {
    properties[name] = option.schema;
    const check: ConditionalSchema = {
      type: 'object',
      // `patternProperties`, not `properties`: eslint-doc-generator lists every `properties` it finds.
      if: { type: 'object', patternProperties: { [`^${name}$`]: option.shape ?? option.schema } },
      else: { type: 'object', dependencies: { [name]: [`${name} as ${option.expected}`] } },
    };
    dependencies[name] = check;
  }
  return { type: 'object', additionalProperties: false, properties, dependencies };
}
