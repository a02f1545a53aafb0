import { CommentLine, EntryLine, Escape, EscapeKind, ParseProblem, PropertiesDocument, PropertyEntry, Span } from './types';

// Reads a .properties text the way java.util.Properties.load(Reader) does (JDK 9+ LineReader and
// loadConvert), keeping the source offset of every piece. It never throws.

const SPACE = 32,
  TAB = 9,
  FORM_FEED = 12,
  CR = 13,
  LF = 10;
const BACKSLASH = 92,
  HASH = 35,
  BANG = 33,
  EQUALS = 61,
  COLON = 58;

export const MALFORMED_ESCAPE_MESSAGE =
  'Malformed \\uXXXX escape: Java rejects it, and OX then skips this whole file (it logs only a warning).';

/** A stretch of the logical line that is copied from one natural line. */
interface Segment {
  src: number;
  logical: number;
  length: number;
}

interface LogicalLine {
  text: string;
  segments: Segment[];
  lines: EntryLine[];
}

function isWhite(c: number): boolean {
  return c === SPACE || c === TAB || c === FORM_FEED;
}

/** A comment line; its text is read from the source on access. */
class Comment implements CommentLine {
  constructor(
    readonly start: number,
    readonly end: number,
    private readonly source: string,
  ) {}

  get marker(): string {
    return this.source[this.start];
  }

  get text(): string {
    return this.source.slice(this.start + 1, this.end);
  }

  /** The same comment `delta` characters further on in `source`. */
  moved(delta: number, source: string): Comment {
    return new Comment(this.start + delta, this.end + delta, source);
  }
}

class Scanner {
  private pos = 0;

  constructor(
    private readonly text: string,
    readonly comments: CommentLine[] = [],
  ) {}

  /** Records the comment starting at `start`; returns the offset after its line break (past the end at EOF). */
  comment(start: number): number {
    const text = this.text;
    const n = text.length;
    let j = start + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === CR || d === LF) break;
      j++;
    }
    this.comments.push(new Comment(start, j, text));
    return j + 1;
  }

  /** Continues reading at `offset`, the first character of a logical line. */
  seek(offset: number): void {
    this.pos = offset;
  }

  get position(): number {
    return this.pos;
  }

  /**
   * The next logical line, or undefined at the end of the text. Follows Java's LineReader, one natural line
   * at a time: only the parity of a line's trailing backslashes decides whether it continues.
   */
  next(): LogicalLine | undefined {
    const text = this.text;
    const n = text.length;
    const segments: Segment[] = [];
    const lines: EntryLine[] = [];
    let len = 0;
    let appended = false;
    let i = this.pos;
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (isWhite(c) || (!appended && (c === CR || c === LF))) i++;
        else break;
      }
      if (i >= n) {
        this.pos = n;
        return len === 0 ? undefined : logicalLine(text, segments, lines, len);
      }
      const c = text.charCodeAt(i);
      if (len === 0 && (c === HASH || c === BANG)) {
        i = this.comment(i);
        if (i > n) {
          this.pos = n;
          return undefined;
        }
        appended = false;
        continue;
      }
      if (c === CR || c === LF) {
        // A continuation followed by an empty line: the logical line ends here.
        i++;
        appended = false;
        if (len === 0) continue;
        this.pos = i;
        return logicalLine(text, segments, lines, len);
      }
      let eol = i;
      let trailingBackslashes = 0;
      while (eol < n) {
        const d = text.charCodeAt(eol);
        if (d === LF || d === CR) break;
        trailingBackslashes = d === BACKSLASH ? trailingBackslashes + 1 : 0;
        eol++;
      }
      segments.push({ src: i, logical: len, length: eol - i });
      lines.push({ start: i, end: eol });
      len += eol - i;
      const continued = trailingBackslashes % 2 === 1;
      const atEnd = eol >= n || eol + 1 >= n;
      if (continued) {
        // The backslash that continues a line is not part of the logical line.
        len -= 1;
        const last = segments[segments.length - 1];
        if (--last.length === 0) segments.pop();
      }
      if (!continued || atEnd) {
        this.pos = Math.min(n, eol + 1);
        return logicalLine(text, segments, lines, len);
      }
      i = eol + 1;
      if (text.charCodeAt(eol) === CR && text.charCodeAt(i) === LF) i++;
      if (len === 0) lines.pop(); // a line holding only a backslash starts nothing
      appended = true;
    }
  }
}

function logicalLine(text: string, segments: Segment[], lines: EntryLine[], len: number): LogicalLine {
  return { text: joinSegments(text, segments, len), segments, lines };
}

function joinSegments(text: string, segments: Segment[], len: number): string {
  if (segments.length === 1) return text.substr(segments[0].src, len);
  let out = '';
  for (const s of segments) out += text.substr(s.src, s.length);
  return out;
}

/** Maps offsets of a logical line back to source offsets. */
class OffsetMap {
  constructor(
    private readonly segments: Segment[],
    private readonly fallback: number,
  ) {}

  /** Source offset of the logical character at `index`. */
  start(index: number): number {
    const segs = this.segments;
    for (let k = segs.length - 1; k >= 0; k--) {
      const s = segs[k];
      if (index >= s.logical) {
        if (index < s.logical + s.length) return s.src + (index - s.logical);
        // Past the end of this segment: the start of the next one, if any.
        return k + 1 < segs.length ? segs[k + 1].src : s.src + s.length;
      }
    }
    return segs.length ? segs[0].src : this.fallback;
  }

  /** Source offset just after the logical character at `index - 1`. */
  end(index: number): number {
    if (index <= 0) return this.start(0);
    return this.start(index - 1) + 1;
  }

  span(from: number, to: number): Span {
    if (to <= from) {
      const at = this.start(from);
      return { start: at, end: at };
    }
    return { start: this.start(from), end: this.end(to) };
  }
}

interface Decoded {
  text: string;
  malformed: boolean;
}

function decode(line: string, from: number, to: number, map: OffsetMap, escapes: Escape[], problems: ParseProblem[]): Decoded {
  const first = line.indexOf('\\', from);
  if (first < 0 || first >= to) return { text: line.slice(from, to), malformed: false };
  let out = line.slice(from, first);
  let malformed = false;
  let k = first;
  while (k < to) {
    if (line.charCodeAt(k) !== BACKSLASH) {
      // Copy the run up to the next backslash in one piece.
      let next = line.indexOf('\\', k);
      if (next < 0 || next > to) next = to;
      out += line.slice(k, next);
      k = next;
      continue;
    }
    const escStart = k;
    if (k + 1 >= to) {
      // Unreachable for a logical line (its trailing backslashes pair up); never read past `to`.
      out += '\\';
      k++;
      continue;
    }
    const next = line[k + 1];
    if (next === 'u') {
      let value = 0;
      let digits = 0;
      let p = k + 2;
      while (digits < 4 && p < to) {
        const h = hexValue(line.charCodeAt(p));
        if (h < 0) break;
        value = value * 16 + h;
        digits++;
        p++;
      }
      if (digits === 4) {
        const decoded = String.fromCharCode(value);
        out += decoded;
        escapes.push(escapeAt(map, escStart, p, 'unicode', decoded));
        k = p;
      } else {
        // Java throws here; keep the raw text so every other line can still be served. The span
        // takes the offending character too, unless it is a backslash: that one starts the next escape.
        const end = p < to && line.charCodeAt(p) !== BACKSLASH ? p + 1 : p;
        malformed = true;
        out += line.slice(escStart, end);
        const span = map.span(escStart, end);
        escapes.push({ ...span, kind: 'unicode', decoded: '', malformed: true });
        problems.push({ ...span, code: 'malformed-unicode-escape', message: MALFORMED_ESCAPE_MESSAGE });
        k = end;
      }
      continue;
    }
    const decoded = next === 't' ? '\t' : next === 'r' ? '\r' : next === 'n' ? '\n' : next === 'f' ? '\f' : next;
    out += decoded;
    escapes.push(escapeAt(map, escStart, k + 2, decoded === next ? 'literal' : 'control', decoded));
    k += 2;
  }
  return { text: out, malformed };
}

function escapeAt(map: OffsetMap, from: number, to: number, kind: EscapeKind, decoded: string): Escape {
  return { start: map.start(from), end: map.end(to), kind, decoded };
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function toEntry(logical: LogicalLine, problems: ParseProblem[]): PropertyEntry {
  const line = logical.text;
  const limit = line.length;
  const lineStart = logical.lines.length ? logical.lines[0].start : 0;
  const map = new OffsetMap(logical.segments, lineStart);

  let keyLen = 0;
  let valueStart = limit;
  let separator = '';
  let precedingBackslash = false;
  while (keyLen < limit) {
    const c = line.charCodeAt(keyLen);
    if ((c === EQUALS || c === COLON) && !precedingBackslash) {
      valueStart = keyLen + 1;
      separator = line[keyLen];
      break;
    }
    if (isWhite(c) && !precedingBackslash) {
      valueStart = keyLen + 1;
      separator = ' ';
      break;
    }
    precedingBackslash = c === BACKSLASH ? !precedingBackslash : false;
    keyLen++;
  }
  while (valueStart < limit) {
    const c = line.charCodeAt(valueStart);
    if (!isWhite(c)) {
      if (separator !== '=' && separator !== ':' && (c === EQUALS || c === COLON)) separator = line[valueStart];
      else break;
    }
    valueStart++;
  }

  const escapes: Escape[] = [];
  const key = decode(line, 0, keyLen, map, escapes, problems);
  const value = decode(line, valueStart, limit, map, escapes, problems);
  const lines = logical.lines;
  const keySpan = map.span(0, keyLen);
  const separatorSpan = map.span(keyLen, valueStart);
  const valueSpan = map.span(valueStart, limit);
  return new Entry(
    lineStart,
    lines.length ? lines[lines.length - 1].end : lineStart,
    key.text,
    value.text,
    separator,
    keySpan.end,
    separatorSpan.start,
    separatorSpan.end,
    valueSpan.start,
    valueSpan.end,
    escapes.length ? escapes : NO_ESCAPES,
    key.malformed || value.malformed,
    lines.length > 1 ? lines : undefined,
  );
}

/**
 * A one-line entry without escapes, the common case, kept compact (a 50 MB file holds a million of them):
 * offsets as numbers, span objects made on access.
 */
class PlainEntry implements PropertyEntry {
  constructor(
    readonly start: number,
    readonly key: string,
    readonly value: string,
    readonly separator: string,
    protected readonly valueStart: number,
  ) {}

  /** Key and value are the source text itself, so their lengths give the offsets. */
  get end(): number {
    return this.valueStart + this.value.length;
  }

  protected get keyEnd(): number {
    return this.start + this.key.length;
  }

  get keySpan(): Span {
    return { start: this.start, end: this.keyEnd };
  }

  get separatorSpan(): Span {
    return { start: this.keyEnd, end: this.valueStart };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.end };
  }

  get lines(): EntryLine[] {
    return [{ start: this.start, end: this.end }];
  }

  get escapes(): Escape[] {
    return NO_ESCAPES;
  }

  get malformed(): boolean {
    return false;
  }

  /** The same entry `delta` characters further on (after an edit before it). */
  moved(delta: number, own = false): PlainEntry {
    const key = own ? ownCopy(this.key) : this.key;
    const value = own ? ownCopy(this.value) : this.value;
    return new PlainEntry(this.start + delta, key, value, this.separator, this.valueStart + delta);
  }
}

/**
 * A copy of a string that does not keep the text it was sliced from alive (V8 makes long slices views of
 * their source; prefixing forces a flat copy that the slice then refers to).
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Any other entry: continued over several lines or holding escapes, so its spans need their own offsets. */
class Entry extends PlainEntry {
  constructor(
    start: number,
    end: number,
    key: string,
    value: string,
    separator: string,
    keyEnd: number,
    private readonly separatorStart: number,
    private readonly separatorEnd: number,
    valueStart: number,
    private readonly valueEnd: number,
    private readonly escapeList: Escape[],
    private readonly isMalformed: boolean,
    private readonly multiLine: EntryLine[] | undefined,
  ) {
    super(start, key, value, separator, valueStart);
    this.entryEnd = end;
    this.keyEndAt = keyEnd;
  }

  private readonly entryEnd: number;
  private readonly keyEndAt: number;

  override get end(): number {
    return this.entryEnd;
  }

  protected override get keyEnd(): number {
    return this.keyEndAt;
  }

  override get separatorSpan(): Span {
    return { start: this.separatorStart, end: this.separatorEnd };
  }

  override get valueSpan(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  }

  override get lines(): EntryLine[] {
    return this.multiLine ?? [{ start: this.start, end: this.end }];
  }

  override get escapes(): Escape[] {
    return this.escapeList;
  }

  override get malformed(): boolean {
    return this.isMalformed;
  }

  override moved(delta: number, own = false): Entry {
    const move = <T extends Span>(span: T): T => ({ ...span, start: span.start + delta, end: span.end + delta });
    return new Entry(
      this.start + delta,
      this.end + delta,
      own ? ownCopy(this.key) : this.key,
      own ? ownCopy(this.value) : this.value,
      this.separator,
      this.keyEnd + delta,
      this.separatorStart + delta,
      this.separatorEnd + delta,
      this.valueStart + delta,
      this.valueEnd + delta,
      this.escapeList === NO_ESCAPES ? NO_ESCAPES : this.escapeList.map(move),
      this.isMalformed,
      this.multiLine?.map(move),
    );
  }
}

const NO_ESCAPES: Escape[] = [];

/** The common case: one natural line without any backslash, read straight from the source. */
function plainEntry(text: string, start: number, end: number): PropertyEntry {
  let keyEnd = start;
  let separator = '';
  while (keyEnd < end) {
    const c = text.charCodeAt(keyEnd);
    if (c === EQUALS || c === COLON) {
      separator = text[keyEnd];
      break;
    }
    if (isWhite(c)) {
      separator = ' ';
      break;
    }
    keyEnd++;
  }
  let valueStart = keyEnd < end ? keyEnd + 1 : end;
  while (valueStart < end) {
    const c = text.charCodeAt(valueStart);
    if (!isWhite(c)) {
      if (separator === ' ' && (c === EQUALS || c === COLON)) separator = text[valueStart];
      else break;
    }
    valueStart++;
  }
  return new PlainEntry(start, text.slice(start, keyEnd), text.slice(valueStart, end), separator, valueStart);
}

export function parseProperties(text: string): PropertiesDocument {
  const doc: PropertiesDocument = { text, entries: [], comments: [], problems: [] };
  scanProperties(doc, 0);
  return doc;
}

/**
 * Parses `doc.text` from `from`, the start of a logical line, appending to the document's entries, comments
 * and problems. After each logical line `stop(resume)` may end the scan; `resume` is where it would go on.
 * Returns where the scan ended.
 */
export function scanProperties(doc: PropertiesDocument, from: number, stop?: (resume: number) => boolean): number {
  const text = doc.text;
  const scanner = new Scanner(text, doc.comments);
  const entries = doc.entries;
  const problems = doc.problems;
  const n = text.length;
  // Where the next LF, CR and backslash are: native searches instead of a loop over every character.
  const find = (c: string, at: number) => {
    const found = text.indexOf(c, at);
    return found < 0 ? n : found;
  };
  let nextLF = find('\n', from);
  let nextCR = find('\r', from);
  let nextBackslash = find('\\', from);
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWhite(c) || c === CR || c === LF) {
      i++;
      continue;
    }
    if (c === HASH || c === BANG) {
      i = scanner.comment(i);
    } else {
      if (nextLF < i) nextLF = find('\n', i);
      if (nextCR < i) nextCR = find('\r', i);
      if (nextBackslash < i) nextBackslash = find('\\', i);
      const eol = nextLF < nextCR ? nextLF : nextCR;
      if (nextBackslash >= eol) {
        entries.push(plainEntry(text, i, eol));
        i = eol + 1;
      } else {
        let trailingBackslashes = 0;
        while (eol - trailingBackslashes - 1 >= i && text.charCodeAt(eol - trailingBackslashes - 1) === BACKSLASH) trailingBackslashes++;
        if (trailingBackslashes % 2 === 1) {
          // A continued line: the general reader follows Java's LineReader step by step.
          scanner.seek(i);
          const logical = scanner.next();
          if (logical) entries.push(toEntry(logical, problems));
          i = scanner.position;
        } else {
          const line: LogicalLine = {
            text: text.slice(i, eol),
            segments: [{ src: i, logical: 0, length: eol - i }],
            lines: [{ start: i, end: eol }],
          };
          entries.push(toEntry(line, problems));
          i = eol + 1;
        }
      }
    }
    if (stop?.(i)) return i;
  }
  return n;
}

/** An entry or comment of a previous parse, `delta` characters further on in `source`. */
export function movedItem<T extends PropertyEntry | CommentLine>(item: T, delta: number, source: string): T | undefined {
  if (item instanceof Comment) return item.moved(delta, source) as CommentLine as T;
  if (item instanceof PlainEntry) return item.moved(delta) as PropertyEntry as T;
  return undefined;
}

/**
 * The same entry with key and value strings of its own: an entry that outlives its parse (kept by the next
 * incremental reparse) must not keep that whole text alive.
 */
export function detachedEntry(entry: PropertyEntry): PropertyEntry {
  return entry instanceof PlainEntry ? entry.moved(0, true) : entry;
}

const HEX4 = /^[0-9A-Fa-f]{4}$/;

/**
 * The malformed `\uXXXX` escapes of a text without parsing all of it (for files too large to serve in
 * full): candidates are found with a plain search, and only the logical lines around them are parsed.
 */
export function findMalformedEscapes(text: string): ParseProblem[] {
  const problems: ParseProblem[] = [];
  let lastEnd = -1;
  for (let at = text.indexOf('\\u'); at >= 0; at = text.indexOf('\\u', at + 2)) {
    if (HEX4.test(text.substr(at + 2, 4)) || at < lastEnd) continue;
    // Back to a line whose predecessor does not end in a backslash: a logical line starts there.
    let start = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
    while (start > 0) {
      const prevEnd = text[start - 1] === '\n' && text[start - 2] === '\r' ? start - 2 : start - 1;
      if (text[prevEnd - 1] !== '\\') break;
      start = Math.max(text.lastIndexOf('\n', prevEnd - 1), text.lastIndexOf('\r', prevEnd - 1)) + 1;
    }
    // Forward to the end of the logical line that holds the candidate.
    let end = at;
    for (;;) {
      const lf = text.indexOf('\n', end);
      const cr = text.indexOf('\r', end);
      const eol = lf < 0 ? (cr < 0 ? text.length : cr) : cr < 0 ? lf : Math.min(lf, cr);
      end = eol;
      let backslashes = 0;
      while (text[eol - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0 || eol >= text.length) break;
      end = eol + 1;
    }
    for (const p of parseProperties(text.slice(start, end)).problems) problems.push({ ...p, start: p.start + start, end: p.end + start });
    lastEnd = end;
  }
  return problems;
}
