/**
 * Calls that only look at a value: passing a response to them reads nothing and hands nothing off.
 * Keys are a callee's object name (`console`) or `''` for a bare function name.
 */
export const inertSinks: Readonly<Record<string, readonly string[] | '*'>> = {
  console: '*',
  JSON: ['stringify'],
  // The last ones are ky's and axios's type guards for the errors they reject with.
  '': ['String', 'Boolean', 'Number', 'isHTTPError', 'isKyError', 'isTimeoutError', 'isAxiosError', 'isCancel'],
  axios: ['isAxiosError', 'isCancel'],
  Object: ['keys', 'entries', 'values', 'getOwnPropertyNames'],
  util: ['inspect', 'format'],
};
