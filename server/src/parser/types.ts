/** Offsets are UTF-16 code unit offsets into the document text; `end` is exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** One natural (physical) line that belongs to an entry; the first one holds the key. */
export type EntryLine = Span;

export type EscapeKind = 'unicode' | 'control' | 'literal';

/** A backslash escape of the raw text. A `\uXXXX` escape may span a continuation line break. */
export interface Escape extends Span {
  kind: EscapeKind;
  /** The character it decodes to; empty for a malformed `\u` escape. */
  decoded: string;
  malformed?: boolean;
}

export interface PropertyEntry extends Span {
  /** Decoded key, exactly as java.util.Properties.load reads it (not trimmed). */
  key: string;
  /** Decoded value, exactly as java.util.Properties.load reads it (not trimmed; OX trims). */
  value: string;
  /** Raw key text in the source. Spans continuation lines when the key itself is continued. */
  keySpan: Span;
  /** Separator including surrounding white space; empty (start === end) when the key has no value. */
  separatorSpan: Span;
  /** The character that separates key and value: '=', ':', ' ' (white space only) or '' (none). */
  separator: string;
  /** Raw value text in the source (from its first character to the end of the logical line). */
  valueSpan: Span;
  /** The natural lines of this entry, continuation lines after the first. */
  lines: EntryLine[];
  escapes: Escape[];
  /** True when a `\uXXXX` escape in key or value is malformed: Java refuses the whole file. */
  malformed: boolean;
}

export interface CommentLine extends Span {
  /** '#' or '!' */
  marker: string;
  /** Text after the marker. */
  text: string;
}

export interface ParseProblem extends Span {
  code: 'malformed-unicode-escape';
  message: string;
}

export interface PropertiesDocument {
  text: string;
  entries: PropertyEntry[];
  comments: CommentLine[];
  problems: ParseProblem[];
}
