import fc from 'fast-check';

/**
 * Pieces of .properties text that continue lines, escape, comment and separate: joined at random, they
 * cross every reading rule of Properties.load.
 */
export const PROPERTIES_PIECES: readonly string[] = [
  'k',
  'key',
  '=',
  ':',
  ' ',
  '\t',
  '\f',
  '\\',
  '\\\\',
  '\\\n',
  '\\\r\n',
  '\\\r',
  '\n',
  '\r\n',
  '\r',
  '#',
  '!',
  '\\u',
  '\\u00e9',
  '\\u00',
  'e9',
  'x',
  '\u00e9',
];

/** Text joined from up to `maxLength` pieces (PROPERTIES_PIECES and `extra`). */
export function propertiesTextOfPieces(maxLength: number, extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...PROPERTIES_PIECES, ...extra), { maxLength }).map((a) => a.join(''));
}
