// Natural-line reading: Java's LineReader, which joins continued natural lines into one logical line and
// skips comments and blank lines, keeping where each piece of the logical line came from.
import { BACKSLASH, BANG, CR, HASH, LF, isWhite } from './chars';
import { CommentLine, EntryLine } from './types';

/** A stretch of the logical line that is copied from one natural line. */
export interface Segment {
  src: number;
  logical: number;
  length: number;
}

export interface LogicalLine {
  text: string;
  segments: Segment[];
  lines: EntryLine[];
}

/** A comment line; its text is read from the source on access. */
export class Comment implements CommentLine {
  declare readonly start: number;
  declare readonly end: number;
  declare private readonly source: string;

  constructor(start: number, end: number, source: string) {
    this.start = start;
    this.end = end;
    this.source = source;
  }

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

export class Scanner {
  private pos = 0;

  constructor(
    private readonly text: string,
    readonly comments: CommentLine[] = [],
  ) {}

  /**
   * Records the comment starting at `start` and ending at `end` (its line break or the end of the text;
   * found here when not given); returns the offset after its line break (past the end at EOF).
   */
  comment(start: number, end = -1): number {
    const text = this.text;
    let j = end;
    if (j < 0) {
      const n = text.length;
      j = start + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === CR || d === LF) break;
        j++;
      }
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
