// Reads a .properties text the way java.util.Properties.load(Reader) does (JDK 9+ LineReader and
// loadConvert), keeping the source offset of every piece. It never throws.
import { BACKSLASH, BANG, CR, HASH, LF, isWhite } from './chars';
import { continuedEntry, lineEntry, plainEntryAt, plainKeyEnd, toEntry } from './entries';
import { Scanner } from './naturalLines';
import { PropertiesDocument, PropertyEntry } from './types';

/**
 * Where a scan can put its entries instead of `doc.entries`: a one-line entry without any backslash as its
 * source offsets only (its line is `text[start, end)`), any other entry as the object the reader made.
 */
export interface EntrySink {
  /** A plain entry `text[start, end)` whose key ends at `keyEnd` (see splitPlainAt). */
  plain(start: number, keyEnd: number, end: number): void;
  entry(entry: PropertyEntry): void;
}

export function parseProperties(text: string): PropertiesDocument {
  const doc: PropertiesDocument = { text, entries: [], comments: [], problems: [] };
  scanProperties(doc, 0);
  return doc;
}

/** The entry whose logical line starts at `start` (an entry's own start), read alone: the same as a full parse reads. */
export function readEntry(text: string, start: number): PropertyEntry | undefined {
  const doc: PropertiesDocument = { text, entries: [], comments: [], problems: [] };
  scanProperties(doc, start, () => true);
  return doc.entries[0];
}

/**
 * Parses `doc.text` from `from`, the start of a logical line, appending to the document's entries, comments
 * and problems. After each logical line `stop(resume)` may end the scan; `resume` is where it would go on.
 * Returns where the scan ended. With a `sink`, entries go there instead.
 */
export function scanProperties(doc: PropertiesDocument, from: number, stop?: (resume: number) => boolean, sink?: EntrySink): number {
  const text = doc.text;
  const scanner = new Scanner(text, doc.comments);
  // With a sink, doc.entries is not read: it may be made from what the sink gets.
  const entries = sink ? [] : doc.entries;
  const add = sink ? (entry: PropertyEntry) => sink.entry(entry) : (entry: PropertyEntry) => entries.push(entry);
  const problems = doc.problems;
  const n = text.length;
  // Where the next LF, CR and backslash are: native searches instead of a loop over every character. The
  // same for the characters that end a plain line's key: each search starts past the last one found, so a
  // scan of the whole text searches it once for each of them instead of looping over every key character.
  const find = (c: string, at: number) => {
    const found = text.indexOf(c, at);
    return found < 0 ? n : found;
  };
  // A scan that may stop after a few lines (a reparse, an entry read again) searches only the line it is on
  // for a CR or a backslash, and loops over the key: searching the rest of the text for each character that
  // does not occur again would cost more than the lines it reads.
  const whole = !stop;
  const findInLine = (c: string, at: number, lineEnd: number) => {
    const found = text.slice(at, lineEnd).indexOf(c);
    return found < 0 ? lineEnd : at + found;
  };
  let nextLF = find('\n', from);
  let nextCR = whole ? find('\r', from) : -1;
  let nextBackslash = whole ? find('\\', from) : -1;
  let nextEquals = -1;
  let nextColon = -1;
  let nextSpace = -1;
  let nextTab = -1;
  let nextFormFeed = -1;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWhite(c) || c === CR || c === LF) {
      i++;
      continue;
    }
    if (nextLF < i) nextLF = find('\n', i);
    if (nextCR < i) nextCR = whole ? find('\r', i) : findInLine('\r', i, nextLF);
    if (c === HASH || c === BANG) {
      i = scanner.comment(i, nextLF < nextCR ? nextLF : nextCR);
    } else {
      const eol = nextLF < nextCR ? nextLF : nextCR;
      if (nextBackslash < i) nextBackslash = whole ? find('\\', i) : findInLine('\\', i, eol);
      // Where the key ends if no backslash comes before it (then none can escape a separator).
      let keyEnd: number;
      if (whole) {
        if (nextEquals < i) nextEquals = find('=', i);
        keyEnd = nextEquals < eol ? nextEquals : eol;
        if (nextColon < i) nextColon = find(':', i);
        if (nextColon < keyEnd) keyEnd = nextColon;
        if (nextSpace < i) nextSpace = find(' ', i);
        if (nextSpace < keyEnd) keyEnd = nextSpace;
        if (nextTab < i) nextTab = find('\t', i);
        if (nextTab < keyEnd) keyEnd = nextTab;
        if (nextFormFeed < i) nextFormFeed = find('\f', i);
        if (nextFormFeed < keyEnd) keyEnd = nextFormFeed;
      } else keyEnd = plainKeyEnd(text, i, eol);
      if (nextBackslash >= eol) {
        if (sink) sink.plain(i, keyEnd, eol);
        else entries.push(plainEntryAt(text, i, keyEnd, eol));
        i = eol + 1;
      } else {
        let trailingBackslashes = 0;
        while (eol - trailingBackslashes - 1 >= i && text.charCodeAt(eol - trailingBackslashes - 1) === BACKSLASH) trailingBackslashes++;
        if (trailingBackslashes % 2 === 0) {
          add(lineEntry(text, i, eol, problems, keyEnd < nextBackslash ? keyEnd : -1, !whole));
          i = eol + 1;
        } else {
          // A continued line: one pass over the source for the common shape, else the general reader,
          // which follows Java's LineReader step by step.
          const entry = nextBackslash === eol - 1 ? continuedEntry(text, i, eol, Math.min(keyEnd, eol - 1)) : undefined;
          if (entry) {
            add(entry);
            i = Math.min(n, entry.end + 1);
          } else {
            scanner.seek(i);
            const logical = scanner.next();
            if (logical) add(toEntry(logical, problems));
            i = scanner.position;
          }
        }
      }
    }
    if (stop?.(i)) return i;
  }
  return n;
}
