import { PropertiesDocument, PropertyEntry, Span } from '../../parser/types';
import type { OxDocument } from './propertiesDocument';

const BACKSLASH = 92;

/**
 * Whether Java joins the next natural line to the one ending at `offset`: the last line of an entry that ends in
 * an odd run of backslashes (a stray continuation, followed by a blank line or the end of the file).
 */
export function continuesAt(parsed: PropertiesDocument, offset: number): boolean {
  const entry = parsed.entries.find((e) => e.end === offset);
  if (!entry) return false;
  const lineStart = entry.lines[entry.lines.length - 1].start;
  let backslashes = 0;
  while (offset - backslashes > lineStart && parsed.text.charCodeAt(offset - backslashes - 1) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

/** The text to insert at `offset`, the end of a natural line, so that `line` follows it as a line of its own. */
export function lineAfter(parsed: PropertiesDocument, offset: number, line: string, eol: string): string {
  // After a stray continuation an empty line ends the entry first; else `line` would become part of its value.
  return `${eol}${continuesAt(parsed, offset) ? eol : ''}${line}`;
}

/** The text to insert at the end of the file so that `line` becomes its last line (ended by `eol`). */
export function lineAtEnd(parsed: PropertiesDocument, line: string, eol: string): string {
  const text = parsed.text;
  if (text === '') return `${line}${eol}`;
  const lastBreak = /(?:\r\n|\r|\n)$/.exec(text)?.[0];
  const lastLineEnd = text.length - (lastBreak?.length ?? 0);
  // The empty line after a stray continuation repeats the file's own last break: "\r" then "\n" would be one break.
  const blank = continuesAt(parsed, lastLineEnd) ? (lastBreak ?? eol) : '';
  return `${lastBreak ? '' : eol}${blank}${line}${eol}`;
}

/** A line holding only a backslash (after optional white space): Java joins it to the next line, where it adds nothing. */
const LONE_BACKSLASH = /^[ \t\f]*\\$/;
const BLANK = /^[ \t\f]*$/;

function lineText(doc: OxDocument, line: number): string {
  const start = doc.text.offsetAt({ line, character: 0 });
  const end = doc.text.offsetAt({ line: line + 1, character: 0 });
  return doc.parsed.text.slice(start, end).replace(/(?:\r\n|\r|\n)$/, '');
}

/**
 * The whole lines of an entry for deletion (see wholeLinesSpan), with the lines holding only a backslash right above
 * it: Java joins those to the entry. Left behind they would join the line after it instead (at the end of the file
 * they even make an entry with an empty key).
 */
export function entryLinesSpan(doc: OxDocument, entry: PropertyEntry): Span {
  const span = wholeLinesSpan(doc, entry);
  const startLine = doc.text.positionAt(entry.start).line;
  let first = startLine;
  while (first > 0 && LONE_BACKSLASH.test(lineText(doc, first - 1))) first--;
  const firstStart = doc.text.offsetAt({ line: first, character: 0 });
  // wholeLinesSpan takes the line break before an entry on the last line; so does the wider span, unless the line
  // above is blank: a lone backslash above that blank line would then reach the end of the file.
  const lastLine = span.start < doc.text.offsetAt({ line: startLine, character: 0 });
  if (!lastLine || first === 0 || BLANK.test(lineText(doc, first - 1))) return { start: firstStart, end: span.end };
  const text = doc.parsed.text;
  return { start: firstStart - (text[firstStart - 1] === '\n' && text[firstStart - 2] === '\r' ? 2 : 1), end: span.end };
}

/** The span of the whole lines an entry occupies, with the line break after them, for deletion. */
export function wholeLinesSpan(doc: OxDocument, entry: PropertyEntry): Span {
  const text = doc.text;
  const startLine = text.positionAt(entry.start).line;
  const endLine = text.positionAt(entry.end).line;
  const start = text.offsetAt({ line: startLine, character: 0 });
  if (endLine + 1 < text.lineCount) return { start, end: text.offsetAt({ line: endLine + 1, character: 0 }) };
  // Last line of the file: take the line break before it instead.
  const end = doc.parsed.text.length;
  if (startLine === 0) return { start, end };
  const prevLineEnd = text.offsetAt({ line: startLine, character: 0 });
  let breakStart = prevLineEnd - 1;
  if (breakStart > 0 && doc.parsed.text[breakStart] === '\n' && doc.parsed.text[breakStart - 1] === '\r') breakStart--;
  return { start: breakStart, end };
}
