/**
 * Calls that only look at a value: passing a response to them reads nothing and hands nothing off.
 * Keys are a callee's object name (`console`) or `''` for a bare function name.
 */
export const inertSinks: Readonly<Record<string, readonly string[] | '*'>> = {
  console: '*',
  JSON: ['stringify'],
  '': ['String', 'Boolean', 'Number'],
  Object: ['keys', 'entries', 'values', 'getOwnPropertyNames'],
  util: ['inspect', 'format'],
};
