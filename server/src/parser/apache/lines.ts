// Apache httpd's line reading (server/util.c, ap_cfg_getline): a line ending in one backslash continues on
// the next, which is appended directly (no space, its leading blanks kept); httpd then trims the joined line.

/** Where a piece of a logical line starts in the joined text and in the source. */
interface Piece {
  readonly at: number;
  readonly source: number;
}

/** One logical line: physical lines joined at continuations, with the way back to source offsets. */
export interface LogicalLine {
  /** The joined text, untrimmed (blanks around it are skipped by every reader of it). */
  readonly text: string;
  /** 0-based number of its first physical line. */
  readonly line: number;
  /** Source span of its trimmed content; empty at the start of the line when the line is blank. */
  readonly start: number;
  readonly end: number;
  readonly pieces: readonly Piece[];
}

/** The source offset of the character at `at` in a logical line's text. */
export function sourceOffset(line: { readonly pieces: readonly Piece[] }, at: number): number {
  let piece = line.pieces[0];
  for (const p of line.pieces) {
    if (p.at > at) break;
    piece = p;
  }
  return piece.source + (at - piece.at);
}

/** The source span of the characters [from, to) of a logical line's text (to > from). */
export function sourceSpan(line: { readonly pieces: readonly Piece[] }, from: number, to: number): { start: number; end: number } {
  return { start: sourceOffset(line, from), end: sourceOffset(line, to - 1) + 1 };
}

const BLANK = /[ \t\f\v\r]/;

/** Splits a text into httpd's logical lines; blank ones are kept with empty content. */
export function readLogicalLines(text: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let offset = 0;
  let lineNumber = 0;
  while (offset <= text.length) {
    const first = lineNumber;
    let joined = '';
    const pieces: Piece[] = [];
    for (;;) {
      const newline = text.indexOf('\n', offset);
      let contentEnd = newline < 0 ? text.length : newline;
      if (contentEnd > offset && text[contentEnd - 1] === '\r') contentEnd--;
      // One backslash right before the line break continues the line; two are a literal backslash.
      const continues =
        newline >= 0 && contentEnd > offset && text[contentEnd - 1] === '\\' && !(contentEnd - 1 > offset && text[contentEnd - 2] === '\\');
      pieces.push({ at: joined.length, source: offset });
      joined += text.slice(offset, continues ? contentEnd - 1 : contentEnd);
      offset = newline < 0 ? text.length + 1 : newline + 1;
      lineNumber++;
      if (!continues) break;
    }
    let from = 0;
    while (from < joined.length && BLANK.test(joined[from])) from++;
    let to = joined.length;
    while (to > from && BLANK.test(joined[to - 1])) to--;
    const blank = { start: pieces[0].source, end: pieces[0].source };
    const { start, end } = from === to ? blank : sourceSpan({ pieces }, from, to);
    lines.push({ text: joined, line: first, start, end, pieces });
  }
  return lines;
}
