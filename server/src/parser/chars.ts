// Character codes of the .properties syntax.

export const SPACE = 32,
  TAB = 9,
  FORM_FEED = 12,
  CR = 13,
  LF = 10;
export const BACKSLASH = 92,
  HASH = 35,
  BANG = 33,
  EQUALS = 61,
  COLON = 58;
/** The letters after a backslash that stand for a character: `\uXXXX`, `\t`, `\r`, `\n`, `\f`. */
export const LETTER_U = 117,
  LETTER_T = 116,
  LETTER_R = 114,
  LETTER_N = 110,
  LETTER_F = 102;

/** White space between key and value as Java's LineReader sees it. */
export function isWhite(c: number): boolean {
  return c === SPACE || c === TAB || c === FORM_FEED;
}
