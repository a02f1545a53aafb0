// ISO-8859-1 as Properties.load(InputStream) reads it (one byte is one character), UTF-8 bytes seen through
// it, and the `\uXXXX` escapes that carry any other character.

/** The UTF-8 byte-order mark as an editor decodes it, and as its bytes EF BB BF read as ISO-8859-1. */
export const BOM_DECODED = '\uFEFF';
export const BOM_LATIN1 = '\u00EF\u00BB\u00BF';

/** Windows-1252 characters of bytes 0x80-0x9F: mojibake often passes through that code page. */
const CP1252: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

/** Upper-case hexadecimal, at least `width` digits. */
export function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

/** The one `\uXXXX` form of a UTF-16 unit (upper-case digits, as Properties.store writes them). */
export function unicodeEscape(code: number): string {
  return `\\u${hex(code, 4)}`;
}

/** `\uXXXX` for every UTF-16 unit (a character above U+FFFF becomes a surrogate pair, as Java reads it). */
export function unicodeEscapes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += unicodeEscape(text.charCodeAt(i));
  return out;
}

const BEYOND_LATIN1 = /[^\x00-\xff]/g;

/** The text with every character beyond ISO-8859-1 as `\uXXXX`, so that it survives being written as ISO-8859-1. */
export function escapeBeyondLatin1(text: string): string {
  return text.replace(BEYOND_LATIN1, (c) => unicodeEscape(c.charCodeAt(0)));
}

/** Text for a message: control characters (C0, C1) as `\uXXXX`, so nothing invisible is quoted. */
export function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => unicodeEscape(c.charCodeAt(0)));
}

/** The UTF-8 bytes of a text (a lone surrogate becomes U+FFFD, as editors write it). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return out;
}

/** The byte a character stands for when UTF-8 was read as ISO-8859-1 (or Windows-1252); -1 for none. */
function byteOf(code: number): number {
  return code <= 0xff ? code : (CP1252.get(code) ?? -1);
}

const isContinuation = (b: number) => b >= 0x80 && b <= 0xbf;

/** A complete UTF-8 sequence of 2-4 bytes starting at `i` (characters standing for bytes): its length and code point. */
export function utf8SequenceAt(text: string, i: number, end: number): { length: number; codePoint: number } | undefined {
  const lead = byteOf(text.charCodeAt(i));
  const size = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (!size || i + size > end) return undefined;
  const bytes = [lead];
  for (let k = 1; k < size; k++) {
    const b = byteOf(text.charCodeAt(i + k));
    if (!isContinuation(b)) return undefined;
    bytes.push(b);
  }
  // No overlong forms, no surrogates, nothing above U+10FFFF.
  const second = bytes[1];
  if (
    (lead === 0xe0 && second < 0xa0) ||
    (lead === 0xed && second > 0x9f) ||
    (lead === 0xf0 && second < 0x90) ||
    (lead === 0xf4 && second > 0x8f)
  ) {
    return undefined;
  }
  let codePoint = size === 2 ? lead & 0x1f : size === 3 ? lead & 0x0f : lead & 0x07;
  for (const b of bytes.slice(1)) codePoint = (codePoint << 6) | (b & 0x3f);
  return { length: size, codePoint };
}

/** "â€" (E2 80) cut short: the start of a punctuation mark of U+2000-U+203F whose last byte got lost. */
export function cutPunctuationAt(text: string, i: number, end: number): boolean {
  return i + 2 <= end && byteOf(text.charCodeAt(i)) === 0xe2 && byteOf(text.charCodeAt(i + 1)) === 0x80;
}

/**
 * The text OX 8 reads from these bytes (one character per byte, as the server reads files): UTF-8 decoded as
 * Java's InputStreamReader decodes it, each malformed sequence one U+FFFD. Java's lengths differ from a
 * browser's TextDecoder in one place: an encoded surrogate (ED A0 80) is one U+FFFD, not three.
 */
export function decodeUtf8AsJava(bytes: string): string {
  let out = '';
  let plainFrom = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    out += bytes.slice(plainFrom, i);
    const sequence = utf8SequenceAt(bytes, i, bytes.length);
    out += sequence ? String.fromCodePoint(sequence.codePoint) : '\uFFFD';
    i += sequence ? sequence.length : malformedLength(bytes, i);
    plainFrom = i;
  }
  return out + bytes.slice(plainFrom);
}

/** How many bytes from `i` Java's UTF-8 decoder takes as one malformed sequence (at least the lead byte). */
function malformedLength(bytes: string, i: number): number {
  const at = (k: number): number => (k < bytes.length ? bytes.charCodeAt(k) & 0xff : -1);
  const [b1, b2, b3] = [at(i), at(i + 1), at(i + 2)];
  if (b1 >= 0xe0 && b1 <= 0xef) {
    if ((b1 === 0xe0 && b2 >= 0 && (b2 & 0xe0) === 0x80) || !isContinuation(b2)) return 1;
    // A surrogate code point (ED A0-BF): the whole sequence of three.
    return isContinuation(b3) ? 3 : 2;
  }
  if (b1 >= 0xf0 && b1 <= 0xf4) {
    if ((b1 === 0xf0 && (b2 < 0x90 || b2 > 0xbf)) || (b1 === 0xf4 && (b2 & 0xf0) !== 0x80) || !isContinuation(b2)) return 1;
    // Past these checks a sequence is malformed only where it is cut short.
    return isContinuation(b3) ? 3 : 2;
  }
  return 1;
}
