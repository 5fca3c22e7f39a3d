import noUnconsumedBody from './no-unconsumed-body.js';

/** Every rule of the plugin, by name. */
export const rules = {
  'no-unconsumed-body': noUnconsumedBody,
};
