import { isOxDocument, OxDocument, OxEntry } from '../model/properties/propertiesDocument';
import { javaTrim } from '../parser/javaText';
import { BOM_DECODED, BOM_LATIN1, cutPunctuationAt, hex, printable, unicodeEscapes, utf8Bytes, utf8SequenceAt } from '../parser/latin1';
import { parseProperties } from '../parser/propertiesParser';
import { Finding, Rule } from './rule';
import { SECRET_VALUE_WORDS } from '../values/redact';
import { propertiesCharsetOf } from '../catalog/propertiesCharset';
import { NodeVersion } from '../model/packages/nodeVersion';
import { nodeVersionOf, versionWords } from './versionSupport';
import { TextDecoding } from '../model/document';

// OX 7.x loads every file below etc/ with Properties.load(InputStream): one byte is one ISO-8859-1 character;
// OX 8 reads UTF-8 (schemas/versions/charset.json). With an unknown version the ISO-8859-1 findings are information.
// The editor may have decoded the file otherwise (UTF-8), and the server and CLI read disk files as latin1;
// this rule finds text OX would read differently from what the file seems to say.

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

/** How the node reads the file: a version that reads UTF-8, ISO-8859-1, or an unknown version. */
type Reading = { utf8: NodeVersion } | 'latin1' | 'unknown';

/** The mark stands in front of line 1 in both readings: as "ï»¿" (ISO-8859-1) or as U+FEFF (UTF-8). */
function bomFinding(doc: OxDocument, reading: Reading): Finding | undefined {
  const text = doc.parsed.text;
  const length = text.startsWith(BOM_DECODED) ? 1 : text.startsWith(BOM_LATIN1) ? 3 : 0;
  if (!length) return undefined;
  const reads =
    reading === 'latin1'
      ? 'OX reads the file as ISO-8859-1, takes the mark for the characters "ï»¿" and puts them'
      : reading === 'unknown'
        ? 'The node\'s OX version is unknown: OX 7.x reads the file as ISO-8859-1 and takes the mark for the characters "ï»¿", OX 8 reads UTF-8 and keeps it as the character U+FEFF; either way it stands'
        : `This node runs ${versionWords(reading.utf8)}, which reads the file as UTF-8 but keeps the mark as the character U+FEFF and puts it`;
  return {
    start: 0,
    end: length,
    message: `The file starts with a UTF-8 byte-order mark. ${reads} in front of line 1: ${bomConsequence(doc, length)}`,
    fixes: [
      { title: 'Remove the byte-order mark', preferred: true, intents: [{ kind: 'replace-text', doc, start: 0, end: length, text: '' }] },
    ],
  };
}

/** The one fix of a run written as `\\uXXXX` escapes; a secret value's title quotes none of them. */
function escapeFixes(doc: OxDocument, e: OxEntry, start: number, end: number, escaped: string): Finding['fixes'] {
  const title = isSecretValue(e, start) ? 'Replace with \\uXXXX escapes' : `Replace with ${escaped}`;
  return [{ title, preferred: true, intents: [{ kind: 'replace-text', doc, start: replacementStart(e, start), end, text: escaped }] }];
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
        ? `${SECRET_VALUE_WORDS.value(true)} seems to hold the start of a UTF-8 punctuation mark: ${tail} other characters here. Write the intended character as a \\uXXXX escape (U+2000 to U+203F).`
        : `"${printable(seen)}" looks like the start of a UTF-8 punctuation mark (a dash, quote or ellipsis, U+2000 to U+203F): ${tail} "${printable(seen)}" here. Write the intended character as a \\uXXXX escape.`,
    };
  }
  const intended = String.fromCodePoint(codePoint);
  const escaped = unicodeEscapes(intended);
  const from = replacementStart(e, start);
  return {
    start,
    end: start + length,
    severity: 'information',
    message: secret
      ? `${SECRET_VALUE_WORDS.value(true)} seems to hold UTF-8 text: ${tail} other characters here. Write the intended character as a \\uXXXX escape.`
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
  const escaped = unicodeEscapes(run);
  const set = 'the character set OX reads this file in';
  const message = isSecretValue(e, start)
    ? `${SECRET_VALUE_WORDS.value(true)} holds ${many ? `${points.length} characters` : 'a character'} outside ISO-8859-1, ${set}: saved as UTF-8, OX reads other characters here. Write ${many ? 'them as \\uXXXX escapes' : 'it as a \\uXXXX escape'}.`
    : `"${run}" (${points.map((p) => `U+${hex(p.codePointAt(0)!, 4)}`).join(' ')}) ${many ? 'are' : 'is'} not in ISO-8859-1, ${set}: ` +
      `saved as UTF-8, OX reads ${many ? 'their' : 'its'} bytes ${bytes.map((b) => hex(b, 2)).join(' ')} as ${bytes.length} other characters. ` +
      `Write ${many ? 'them' : 'it'} as ${escaped}.`;
  return {
    start,
    end,
    message,
    fixes: escapeFixes(doc, e, start, end, escaped),
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

/** A run of ISO-8859-1 characters (bytes) in `e` from `i` on that do not start a UTF-8 sequence: where it ends. */
function notUtf8RunEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const code = text.charCodeAt(j);
    if (code < 0x80 || code > 0xff || utf8SequenceAt(text, j, end)) break;
    j++;
  }
  return j;
}

/** Bytes that are no UTF-8, in a file read byte by byte: a node that reads UTF-8 gets U+FFFD for them. */
function notUtf8Finding(doc: OxDocument, e: OxEntry, text: string, start: number, end: number, reader: string): Finding {
  const run = text.slice(start, end);
  const many = run.length > 1;
  const escaped = unicodeEscapes(run);
  const secret = isSecretValue(e, start);
  const bytes = [...run].map((c) => hex(c.charCodeAt(0), 2)).join(' ');
  const what = secret
    ? `${SECRET_VALUE_WORDS.value(true)} holds ${many ? `${run.length} bytes` : 'a byte'} that ${many ? 'are' : 'is'} not UTF-8`
    : `"${printable(run)}" (${many ? 'bytes' : 'byte'} ${bytes}) ${many ? 'are' : 'is'} not UTF-8`;
  return {
    start,
    end,
    message:
      `${what}: ${reader} reads the file as UTF-8 and gets the replacement character U+FFFD in ${many ? 'their' : 'its'} place. ` +
      `The file seems to be saved as ISO-8859-1, which OX 7.x reads. Write ${many ? 'them' : 'it'} as ${secret ? (many ? '\\uXXXX escapes' : 'a \\uXXXX escape') : escaped}, which both read alike.`,
    fixes: escapeFixes(doc, e, start, end, escaped),
  };
}

/**
 * Characters beyond ASCII in a file the editor decoded as UTF-8 (or a template, which configuration management
 * reads and renders as UTF-8): saved so, a node that reads ISO-8859-1 gets their bytes.
 */
function savedAsUtf8Finding(doc: OxDocument, e: OxEntry, text: string, start: number, end: number): Finding {
  const run = text.slice(start, end);
  const many = [...run].length > 1;
  const bytes = utf8Bytes(run);
  const escaped = unicodeEscapes(run);
  const seen = String.fromCharCode(...bytes);
  const secret = isSecretValue(e, start);
  const what = secret ? `${SECRET_VALUE_WORDS.value(true)} holds ${many ? 'characters' : 'a character'} beyond ASCII` : `"${run}"`;
  return {
    start,
    end,
    message:
      (doc.template
        ? `${what} ${secret ? 'that configuration management renders' : `${many ? 'are' : 'is'} rendered`} as UTF-8, as configuration management writes templates out; `
        : `${what} ${secret ? 'that the editor saves' : `${many ? 'are' : 'is'} saved`} as UTF-8, the encoding this editor uses for the file; `) +
      `OX 7.x reads ISO-8859-1 and gets ${secret ? `${bytes.length} other characters` : `the bytes ${bytes.map((b) => hex(b, 2)).join(' ')} as "${printable(seen)}"`}. ` +
      `Write ${many ? 'them' : 'it'} as ${secret ? (many ? '\\uXXXX escapes' : 'a \\uXXXX escape') : escaped}` +
      // Configuration management writes what a template renders as UTF-8, however the editor saves the template.
      (doc.template ? '.' : ', or reopen the file with the encoding ISO-8859-1.'),
    fixes: escapeFixes(doc, e, start, end, escaped),
  };
}

/** Each run found by `at` in keys and values from offset `from` on (comments do not matter to OX). */
function scanEntries(
  doc: OxDocument,
  from: number,
  at: (e: OxEntry, text: string, i: number) => { finding?: Finding; next: number },
): Finding[] {
  const text = doc.parsed.text;
  const entries = doc.entries;
  const out: Finding[] = [];
  const scan = new RegExp(NON_ASCII.source, 'g');
  scan.lastIndex = from;
  let k = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    const i = m.index;
    while (k < entries.length && entries[k].entry.end <= i) k++;
    if (k >= entries.length) break;
    const e = entries[k];
    if (i < e.entry.start) continue; // a comment or a blank line
    const { finding, next } = at(e, text, i);
    if (finding) out.push(finding);
    scan.lastIndex = next;
  }
  return out;
}

/** Under ISO-8859-1, of a file read byte by byte: mojibake and characters no byte holds. */
const latin1Findings = (doc: OxDocument, from: number) => scanEntries(doc, from, (e, text, i) => findingAt(doc, e, text, i));

/** Under UTF-8, of a file read byte by byte: bytes that are no UTF-8. */
function utf8Findings(doc: OxDocument, from: number, reader: string): Finding[] {
  return scanEntries(doc, from, (e, text, i) => {
    const end = e.entry.end;
    const sequence = utf8SequenceAt(text, i, end);
    if (sequence) return { next: i + sequence.length };
    const runEnd = notUtf8RunEnd(text, i, end);
    return runEnd > i ? { finding: notUtf8Finding(doc, e, text, i, runEnd, reader), next: runEnd } : { next: i + 1 };
  });
}

/** Under ISO-8859-1, of a file the editor decoded as UTF-8: every run beyond ASCII. */
function savedAsUtf8Findings(doc: OxDocument, from: number): Finding[] {
  return scanEntries(doc, from, (e, text, i) => {
    let j = i + 1;
    while (j < e.entry.end && text.charCodeAt(j) > 0x7f) j++;
    return { finding: savedAsUtf8Finding(doc, e, text, i, j), next: j };
  });
}

const ONLY_7X = ' This holds if the node runs OX 7.x; its OX version is unknown, and OX 8 reads the file as UTF-8, as written.';
const ONLY_8 = ' This holds if the node runs OX 8; its OX version is unknown, and OX 7.x reads each byte as the character shown.';

/** Findings that hold under one reading only, for a node whose version is unknown: information that says so. */
const assuming = (findings: Finding[], note: string): Finding[] =>
  findings.map((f) => ({ ...f, severity: 'information', message: f.message + note }));

/** What OX reads differently, by how the text was decoded and which character set the node reads. */
function readingFindings(doc: OxDocument, from: number, decoding: TextDecoding, reading: Reading): Finding[] {
  if (decoding === 'utf8') {
    if (typeof reading === 'object') return [];
    const findings = savedAsUtf8Findings(doc, from);
    return reading === 'unknown' ? assuming(findings, ONLY_7X) : findings;
  }
  if (reading === 'latin1') return latin1Findings(doc, from);
  if (typeof reading === 'object') return utf8Findings(doc, from, `this node runs ${versionWords(reading.utf8)}, which`);
  // An unknown version: both readings, each said to be an assumption; text the first reports is not reported twice.
  const as7 = assuming(latin1Findings(doc, from), ONLY_7X);
  const as8 = assuming(utf8Findings(doc, from, 'OX 8'), ONLY_8).filter((f) => !as7.some((g) => g.start < f.end && f.start < g.end));
  return [...as7, ...as8].sort((a, b) => a.start - b.start);
}

/** Text OX would read differently: a byte-order mark, characters beyond ISO-8859-1, UTF-8 read as ISO-8859-1. */
export const encodingRule: Rule = {
  id: 'encoding',
  scope: 'file',
  defaultSeverity: 'warning',
  title:
    'Text OX reads differently from what the file seems to say: a byte-order mark, and on OX 7.x, which reads ISO-8859-1, a character above U+00FF in a key or value or UTF-8 read as ISO-8859-1 ("Ã¤" for ä).',
  fixable: true,
  readsNode: true,
  // A rule about the bytes of the file: it reads the .properties text itself.
  check: ({ doc, workspace }) => {
    if (!isOxDocument(doc)) return [];
    const version = nodeVersionOf(doc, workspace);
    const reading: Reading = !version ? 'unknown' : propertiesCharsetOf(version.version) === 'UTF-8' ? { utf8: version } : 'latin1';
    const bom = bomFinding(doc, reading);
    const findings = readingFindings(doc, bom ? bom.end : 0, workspace?.decodingOf(doc.uri) ?? 'latin1', reading);
    return bom ? [bom, ...findings] : findings;
  },
};
