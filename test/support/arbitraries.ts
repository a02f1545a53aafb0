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

/**
 * More for edits that add and remove whole lines: complete lines, a key the catalog knows, a second line break
 * (so more of them) and a character outside Latin-1.
 */
export const PROPERTIES_LINE_PIECES: readonly string[] = [
  'com.openexchange.hazelcast.group.name',
  '\n',
  '\u20ac',
  'a=b\n',
  '# c\n',
  '  \\\n',
];

/** Text joined from up to `maxLength` pieces (PROPERTIES_PIECES and `extra`). */
export function propertiesTextOfPieces(maxLength: number, extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...PROPERTIES_PIECES, ...extra), { maxLength }).map((a) => a.join(''));
}
