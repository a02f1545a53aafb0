// How secret values (catalog `secret: true`: passwords, salts, keys) are kept out of everything the tool
// shows. One policy for messages, hover, outlines, the effective configuration and every CLI format.
import type { ValueWords } from './checkValue';

/** How a verdict on a secret names its value: never a character of it, nor a piece (a unit, a list entry). */
export const SECRET_VALUE_WORDS: ValueWords = {
  value: (start) => (start ? 'This secret value' : 'this secret value'),
  again: 'it',
  piece: () => undefined,
};
