import { isOxDocument, OxDocument, OxEntry } from '../model/properties/propertiesDocument';
import { javaTrim } from '../parser/javaText';
import { parseProperties } from '../parser/propertiesParser';
import { Finding, Rule } from './rule';

// OX loads every file below etc/ with Properties.load(InputStream): one byte is one ISO-8859-1 character.
// The editor may have decoded the file otherwise (UTF-8), and the server and CLI read disk files as latin1;
// this rule finds text OX would read differently from what the file seems to say.

/** The UTF-8 byte-order mark as the editor decodes it, and as its bytes EF BB BF read as ISO-8859-1. */
const BOM_DECODED = '\uFEFF';
const BOM_LATIN1 = '\u00EF\u00BB\u00BF';

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

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');

/** `\uXXXX` for every UTF-16 unit (a character above U+FFFF becomes a surrogate pair, as Java reads it). */
function escapes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += `\\u${hex(text.charCodeAt(i), 4)}`;
  return out;
}

/** Text for a message: control characters (C0, C1) as `\uXXXX`, so nothing invisible is quoted. */
function printable(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\u${hex(c.charCodeAt(0), 4)}`);
}

/** The UTF-8 bytes of a text (a lone surrogate becomes U+FFFD, as editors write it). */
function utf8Bytes(text: string): number[] {
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
function utf8SequenceAt(text: string, i: number, end: number): { length: number; codePoint: number } | undefined {
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
function cutPunctuationAt(text: string, i: number, end: number): boolean {
  return i + 2 <= end && byteOf(text.charCodeAt(i)) === 0xe2 && byteOf(text.charCodeAt(i + 1)) === 0x80;
}

/** The start of a replacement: a character right after an escaping backslash takes that backslash along. */
function replacementStart(e: OxEntry, offset: number): number {
  const escape = e.entry.escapes.find((x) => x.kind === 'literal' && x.start < offset && x.end > offset);
  return escape ? escape.start : offset;
}

function isSecretValue(e: OxEntry, offset: number): boolean {
  return !!e.known?.def.secret && offset >= e.entry.valueSpan.start;
}

/** What line 1 turns into behind a byte-order mark, for the message. */
function bomConsequence(doc: OxDocument, bomLength: number): string {
  const text = doc.parsed.text;
  const lineEnd = text.slice(bomLength).search(/\r|\n/);
  const firstLine = text.slice(bomLength, lineEnd < 0 ? text.length : bomLength + lineEnd).replace(/^[ \t\f]+/, '');
  // The entry OX reads holds the mark; the same lines without it name the setting that was meant.
  const first = doc.entries[0];
  if (firstLine !== '' && firstLine[0] !== '#' && firstLine[0] !== '!' && first?.entry.start === 0) {
    const meant = parseProperties(text.slice(bomLength, first.entry.end)).entries[0];
    const key = meant ? javaTrim(meant.key) : '';
    if (key) return `OX does not see the setting "${printable(key)}".`;
  }
  return 'the line becomes a stray key. That is harmless only as long as no setting moves to line 1.';
}

function bomFinding(doc: OxDocument): Finding | undefined {
  const text = doc.parsed.text;
  const length = text.startsWith(BOM_DECODED) ? 1 : text.startsWith(BOM_LATIN1) ? 3 : 0;
  if (!length) return undefined;
  return {
    start: 0,
    end: length,
    message:
      'The file starts with a UTF-8 byte-order mark. OX reads the file as ISO-8859-1, takes the mark for the characters "ï»¿" ' +
      `and puts them in front of line 1: ${bomConsequence(doc, length)}`,
    fixes: [
      { title: 'Remove the byte-order mark', preferred: true, intents: [{ kind: 'replace-text', doc, start: 0, end: length, text: '' }] },
    ],
  };
}

/** UTF-8 read as ISO-8859-1 (`Ã¤` for ä): information, with the escape of the intended character as the fix. */
function mojibakeFinding(doc: OxDocument, e: OxEntry, text: string, start: number, length: number, codePoint: number | undefined): Finding {
  const seen = text.slice(start, start + length);
  const secret = isSecretValue(e, start);
  const tail = 'the file seems to be saved as UTF-8, but OX reads ISO-8859-1 and gets';
  if (codePoint === undefined) {
    return {
      start,
      end: start + length,
      severity: 'information',
      message: secret
        ? `This secret value seems to hold the start of a UTF-8 punctuation mark: ${tail} other characters here. Write the intended character as a \\uXXXX escape (U+2000 to U+203F).`
        : `"${printable(seen)}" looks like the start of a UTF-8 punctuation mark (a dash, quote or ellipsis, U+2000 to U+203F): ${tail} "${printable(seen)}" here. Write the intended character as a \\uXXXX escape.`,
    };
  }
  const intended = String.fromCodePoint(codePoint);
  const escaped = escapes(intended);
  const from = replacementStart(e, start);
  return {
    start,
    end: start + length,
    severity: 'information',
    message: secret
      ? `This secret value seems to hold UTF-8 text: ${tail} other characters here. Write the intended character as a \\uXXXX escape.`
      : `"${printable(seen)}" looks like UTF-8 for "${intended}": ${tail} "${printable(seen)}" here. Write "${intended}" as ${escaped}.`,
    fixes: [
      {
        title: secret ? 'Replace with the \\uXXXX escape of the intended character' : `Replace with ${escaped} (${intended})`,
        preferred: true,
        intents: [{ kind: 'replace-text', doc, start: from, end: start + length, text: escaped }],
      },
    ],
  };
}

/** A run of characters above U+00FF: the escapes are the fix. */
function wideFinding(doc: OxDocument, e: OxEntry, text: string, start: number, end: number): Finding {
  const run = text.slice(start, end);
  const points = [...run];
  const many = points.length > 1;
  const bytes = utf8Bytes(run);
  const escaped = escapes(run);
  const set = 'the character set OX reads this file in';
  const message = isSecretValue(e, start)
    ? `This secret value holds ${many ? `${points.length} characters` : 'a character'} outside ISO-8859-1, ${set}: saved as UTF-8, OX reads other characters here. Write ${many ? 'them as \\uXXXX escapes' : 'it as a \\uXXXX escape'}.`
    : `"${run}" (${points.map((p) => `U+${hex(p.codePointAt(0)!, 4)}`).join(' ')}) ${many ? 'are' : 'is'} not in ISO-8859-1, ${set}: ` +
      `saved as UTF-8, OX reads ${many ? 'their' : 'its'} bytes ${bytes.map((b) => hex(b, 2)).join(' ')} as ${bytes.length} other characters. ` +
      `Write ${many ? 'them' : 'it'} as ${escaped}.`;
  return {
    start,
    end,
    message,
    fixes: [
      {
        title: isSecretValue(e, start) ? 'Replace with \\uXXXX escapes' : `Replace with ${escaped}`,
        preferred: true,
        intents: [{ kind: 'replace-text', doc, start: replacementStart(e, start), end, text: escaped }],
      },
    ],
  };
}

/** The first character above U+007F: only from there on can OX read a character differently. */

const NON_ASCII = /[^\x00-\x7f]/g;

/** What OX reads differently at `i`, inside entry `e`: the finding and where scanning goes on. */
function findingAt(doc: OxDocument, e: OxEntry, text: string, i: number): { finding?: Finding; next: number } {
  const end = e.entry.end;
  const sequence = utf8SequenceAt(text, i, end);
  if (sequence) return { finding: mojibakeFinding(doc, e, text, i, sequence.length, sequence.codePoint), next: i + sequence.length };
  if (cutPunctuationAt(text, i, end)) return { finding: mojibakeFinding(doc, e, text, i, 2, undefined), next: i + 2 };
  if (text.charCodeAt(i) <= 0xff) return { next: i + 1 };
  // A run of such characters is one finding (none of them can start a UTF-8 sequence).
  let j = i + 1;
  while (j < end && text.charCodeAt(j) > 0xff) j++;
  return { finding: wideFinding(doc, e, text, i, j), next: j };
}

/** Characters OX reads differently in keys and values from offset `from` on (comments do not matter to OX). */
function entryFindings(doc: OxDocument, from: number): Finding[] {
  const text = doc.parsed.text;
  const entries = doc.entries;
  const out: Finding[] = [];
  const scan = new RegExp(NON_ASCII.source, 'g');
  scan.lastIndex = from;
  let k = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    const at = m.index;
    while (k < entries.length && entries[k].entry.end <= at) k++;
    if (k >= entries.length) break;
    const e = entries[k];
    if (at < e.entry.start) continue; // a comment or a blank line
    const { finding, next } = findingAt(doc, e, text, at);
    if (finding) out.push(finding);
    scan.lastIndex = next;
  }
  return out;
}

/** Text OX would read differently: a byte-order mark, characters beyond ISO-8859-1, UTF-8 read as ISO-8859-1. */
export const encodingRule: Rule = {
  id: 'encoding',
  defaultSeverity: 'warning',
  summary:
    'Text OX reads differently because it reads ISO-8859-1: a byte-order mark, characters above U+00FF, or UTF-8 read as ISO-8859-1 ("Ã¤" for ä).',
  // A rule about the bytes of ISO-8859-1 files: it reads the .properties text itself.
  check: ({ doc }) => {
    if (!isOxDocument(doc)) return [];
    const bom = bomFinding(doc);
    const findings = entryFindings(doc, bom ? bom.end : 0);
    return bom ? [bom, ...findings] : findings;
  },
};
