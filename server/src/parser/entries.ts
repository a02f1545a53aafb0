// Building entries: splitting a logical line into key, separator and value, and the compact entry objects
// a parse returns (a plain one-line entry, or one with offsets of its own).
import { BACKSLASH, COLON, CR, EQUALS, LF, isWhite } from './chars';
import { Comment, LogicalLine } from './naturalLines';
import { CommentLine, EntryLine, Escape, ParseProblem, PropertyEntry, Span } from './types';
import { decode, movedEscapes, OffsetMap, PackedEscapes, unpackEscapes } from './unescape';

/** Where a logical line's key ends and its value starts, and the separator between them (`=`, `:`, ` ` or none). */
export interface KeyValueSplit {
  keyEnd: number;
  valueStart: number;
  separator: string;
}

/** Reused by every call (a parse splits a million lines): callers read it at once. */
const split: KeyValueSplit = { keyEnd: 0, valueStart: 0, separator: '' };

/**
 * Splits `text[from, to)` as Properties.load does: the key runs to the first unescaped `=`, `:` or white
 * space; white space and at most one `=` or `:` after it separate it from the value.
 */
function splitKeyValue(text: string, from: number, to: number): KeyValueSplit {
  let keyEnd = from;
  let valueStart = to;
  let separator = '';
  let precedingBackslash = false;
  while (keyEnd < to) {
    const c = text.charCodeAt(keyEnd);
    if ((c === EQUALS || c === COLON) && !precedingBackslash) {
      valueStart = keyEnd + 1;
      separator = text[keyEnd];
      break;
    }
    if (isWhite(c) && !precedingBackslash) {
      valueStart = keyEnd + 1;
      separator = ' ';
      break;
    }
    precedingBackslash = c === BACKSLASH ? !precedingBackslash : false;
    keyEnd++;
  }
  while (valueStart < to) {
    const c = text.charCodeAt(valueStart);
    if (!isWhite(c)) {
      if (separator === ' ' && (c === EQUALS || c === COLON)) separator = text[valueStart];
      else break;
    }
    valueStart++;
  }
  split.keyEnd = keyEnd;
  split.valueStart = valueStart;
  split.separator = separator;
  return split;
}

/** The same split for text that holds no backslash (the common plain line): nothing can be escaped. */
export function splitPlainKeyValue(text: string, from: number, to: number): KeyValueSplit {
  return splitPlainAt(text, plainKeyEnd(text, from, to), to);
}

/** Where a key without backslashes that starts at `from` ends: the first `=`, `:` or white space, else `to`. */
export function plainKeyEnd(text: string, from: number, to: number): number {
  let keyEnd = from;
  while (keyEnd < to) {
    const c = text.charCodeAt(keyEnd);
    if (c === EQUALS || c === COLON || isWhite(c)) break;
    keyEnd++;
  }
  return keyEnd;
}

/**
 * The split of a plain line `[.., to)` whose key ends at `keyEnd` (the first `=`, `:` or white space, or
 * `to`): the separator and where the value starts.
 */
export function splitPlainAt(text: string, keyEnd: number, to: number): KeyValueSplit {
  let separator = '';
  if (keyEnd < to) {
    const c = text.charCodeAt(keyEnd);
    separator = c === EQUALS || c === COLON ? text[keyEnd] : ' ';
  }
  let valueStart = keyEnd < to ? keyEnd + 1 : to;
  while (valueStart < to) {
    const c = text.charCodeAt(valueStart);
    if (!isWhite(c)) {
      if (separator === ' ' && (c === EQUALS || c === COLON)) separator = text[valueStart];
      else break;
    }
    valueStart++;
  }
  split.keyEnd = keyEnd;
  split.valueStart = valueStart;
  split.separator = separator;
  return split;
}

export function toEntry(logical: LogicalLine, problems: ParseProblem[]): PropertyEntry {
  const line = logical.text;
  const limit = line.length;
  const lineStart = logical.lines.length ? logical.lines[0].start : 0;
  const map = new OffsetMap(logical.segments, lineStart);

  const { keyEnd: keyLen, valueStart, separator } = splitKeyValue(line, 0, limit);

  const escapes: PackedEscapes = [];
  const { text: key, malformed: keyMalformed } = decode(line, 0, keyLen, map, escapes, problems);
  const { text: value, malformed: valueMalformed } = decode(line, valueStart, limit, map, escapes, problems);
  const lines = logical.lines;
  const keySpan = map.span(0, keyLen);
  const separatorSpan = map.span(keyLen, valueStart);
  const valueSpan = map.span(valueStart, limit);
  return new Entry(
    lineStart,
    lines.length ? lines[lines.length - 1].end : lineStart,
    key,
    value,
    separator,
    keySpan.end,
    separatorSpan.start,
    separatorSpan.end,
    valueSpan.start,
    valueSpan.end,
    escapes.length ? escapes : NO_ESCAPES,
    keyMalformed || valueMalformed,
    lines.length > 1 ? lines : undefined,
  );
}

/**
 * A one-line entry without escapes, the common case, kept compact (a 50 MB file holds a million of them):
 * offsets as numbers, span objects made on access.
 */
class PlainEntry implements PropertyEntry {
  // Declared, not class fields: plain assignments in the constructor build the object faster.
  declare readonly start: number;
  declare readonly key: string;
  declare readonly value: string;
  declare readonly separator: string;
  declare protected readonly valueStart: number;

  constructor(start: number, key: string, value: string, separator: string, valueStart: number) {
    this.start = start;
    this.key = key;
    this.value = value;
    this.separator = separator;
    this.valueStart = valueStart;
  }

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
    return NO_ESCAPE_OBJECTS;
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
    separatorStart: number,
    separatorEnd: number,
    valueStart: number,
    valueEnd: number,
    escapeList: PackedEscapes,
    isMalformed: boolean,
    multiLine: EntryLine[] | undefined,
  ) {
    super(start, key, value, separator, valueStart);
    this.entryEnd = end;
    this.keyEndAt = keyEnd;
    this.separatorStart = separatorStart;
    this.separatorEnd = separatorEnd;
    this.valueEnd = valueEnd;
    this.escapeList = escapeList;
    this.isMalformed = isMalformed;
    this.multiLine = multiLine;
  }

  declare private readonly entryEnd: number;
  declare private readonly keyEndAt: number;
  declare private readonly separatorStart: number;
  declare private readonly separatorEnd: number;
  declare private readonly valueEnd: number;
  declare private readonly escapeList: PackedEscapes;
  declare private readonly isMalformed: boolean;
  declare private readonly multiLine: EntryLine[] | undefined;

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
    return this.escapeList === NO_ESCAPES ? NO_ESCAPE_OBJECTS : unpackEscapes(this.escapeList);
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
      this.escapeList === NO_ESCAPES ? NO_ESCAPES : movedEscapes(this.escapeList, delta),
      this.isMalformed,
      this.multiLine?.map(move),
    );
  }
}

const NO_ESCAPES: PackedEscapes = [];
const NO_ESCAPE_OBJECTS: Escape[] = [];

/**
 * One natural line that holds a backslash but does not continue: read in place, so offsets in the logical
 * line are source offsets less `start` and no offset map is needed. `plainKeyEnd`, when not -1, is where the
 * key ends as the scan found it, the key holding no backslash. `bounded`: no search runs past the line (a
 * scan that reads only a few lines of the whole document).
 */
export function lineEntry(
  text: string,
  start: number,
  end: number,
  problems: ParseProblem[],
  plainKeyEnd = -1,
  bounded = false,
): PropertyEntry {
  const { keyEnd, valueStart, separator } = plainKeyEnd < 0 ? splitKeyValue(text, start, end) : splitPlainAt(text, plainKeyEnd, end);
  const escapes: PackedEscapes = [];
  // The line holds a backslash, so this search stops inside it.
  const last = bounded ? text.lastIndexOf('\\', end - 1) : Infinity;
  // A key the scan split holds no backslash: nothing to decode.
  let key: string;
  let keyMalformed = false;
  if (plainKeyEnd >= 0) key = text.slice(start, keyEnd);
  else ({ text: key, malformed: keyMalformed } = decode(text, start, keyEnd, undefined, escapes, problems, last));
  const { text: value, malformed: valueMalformed } = decode(text, valueStart, end, undefined, escapes, problems, last);
  return new Entry(
    start,
    end,
    key,
    value,
    separator,
    keyEnd,
    keyEnd,
    valueStart,
    valueStart,
    end,
    escapes.length ? escapes : NO_ESCAPES,
    keyMalformed || valueMalformed,
    undefined,
  );
}

/**
 * A continued entry read in one pass over the source, for the common shape: key, separator and the start
 * of the value on the first line, and no backslash on any line but the one that continues it (a list
 * spread over lines). `eol` ends the first line, whose only backslash is its last character. Undefined
 * for any other shape (blank or backslash-only continuation lines, escapes, continuation at the end of
 * the text): the general reader takes those. `plainKeyEnd` is where the key ends, as the scan found it.
 */
export function continuedEntry(text: string, start: number, eol: number, plainKeyEnd: number): PropertyEntry | undefined {
  const n = text.length;
  const firstEnd = eol - 1;
  const { keyEnd, valueStart, separator } = splitPlainAt(text, plainKeyEnd, firstEnd);
  if (valueStart >= firstEnd) return undefined;
  let value = text.slice(valueStart, firstEnd);
  const lines: EntryLine[] = [{ start, end: eol }];
  let lineBreak = eol;
  for (;;) {
    if (lineBreak + 1 >= n) return undefined;
    let i = lineBreak + 1;
    if (text.charCodeAt(lineBreak) === CR && text.charCodeAt(i) === LF) i++;
    while (i < n && isWhite(text.charCodeAt(i))) i++;
    if (i >= n) return undefined;
    let c = text.charCodeAt(i);
    if (c === CR || c === LF) return undefined;
    let end = i;
    let backslash = -1;
    while (end < n) {
      c = text.charCodeAt(end);
      if (c === LF || c === CR) break;
      if (c === BACKSLASH && backslash < 0) backslash = end;
      end++;
    }
    lines.push({ start: i, end });
    if (backslash < 0) {
      value += text.slice(i, end);
      const key = text.slice(start, keyEnd);
      return new Entry(start, end, key, value, separator, keyEnd, keyEnd, valueStart, valueStart, end, NO_ESCAPES, false, lines);
    }
    if (backslash !== end - 1 || backslash === i) return undefined;
    value += text.slice(i, backslash);
    lineBreak = end;
  }
}

/** The common case: one natural line without any backslash, read straight from the source. */
export function plainEntry(text: string, start: number, end: number): PropertyEntry {
  return plainEntryAt(text, start, plainKeyEnd(text, start, end), end);
}

/** The same, when the scan knows where the key ends (see splitPlainAt). */
export function plainEntryAt(text: string, start: number, keyEnd: number, end: number): PropertyEntry {
  const { valueStart, separator } = splitPlainAt(text, keyEnd, end);
  return new PlainEntry(start, text.slice(start, keyEnd), text.slice(valueStart, end), separator, valueStart);
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
