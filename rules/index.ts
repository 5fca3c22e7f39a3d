import noUnconsumedBody from './no-unconsumed-body.js';
import noUndrainedClose from './no-undrained-close.js';

/** Every rule of the plugin, by name. */
export const rules = {
  'no-unconsumed-body': noUnconsumedBody,
  'no-undrained-close': noUndrainedClose,
};
