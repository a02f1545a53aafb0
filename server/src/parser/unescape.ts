// Unescaping: Java's loadConvert over a key or value of a logical line, recording every escape with its
// source span (through the logical line's segments) and every malformed \uXXXX escape as a problem.
import { BACKSLASH, CR, FORM_FEED, LETTER_F, LETTER_N, LETTER_R, LETTER_T, LETTER_U, LF, TAB } from './chars';
import { Segment } from './naturalLines';
import { Escape, EscapeKind, ParseProblem, Span } from './types';

export const MALFORMED_ESCAPE_MESSAGE =
  'Malformed \\uXXXX escape: Java rejects it, and OX then skips this whole file (it logs only a warning).';

/** Maps offsets of a logical line back to source offsets. */
export class OffsetMap {
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

/**
 * The escapes of an entry as numbers, four for each: source start, source end, kind (an index into
 * ESCAPE_KINDS, or MALFORMED_UNICODE) and the code unit it decodes to. A parse makes no object per escape;
 * `unpackEscapes` makes them when they are read.
 */
export type PackedEscapes = number[];

const ESCAPE_KINDS: readonly EscapeKind[] = ['unicode', 'control', 'literal'];
const UNICODE = 0,
  CONTROL = 1,
  LITERAL = 2,
  MALFORMED_UNICODE = 3;

export function unpackEscapes(packed: PackedEscapes): Escape[] {
  const escapes: Escape[] = [];
  for (let k = 0; k < packed.length; k += 4) {
    const kind = packed[k + 2];
    escapes.push(
      kind === MALFORMED_UNICODE
        ? { start: packed[k], end: packed[k + 1], kind: 'unicode', decoded: '', malformed: true }
        : { start: packed[k], end: packed[k + 1], kind: ESCAPE_KINDS[kind], decoded: String.fromCharCode(packed[k + 3]) },
    );
  }
  return escapes;
}

/** The same escapes `delta` characters further on. */
export function movedEscapes(packed: PackedEscapes, delta: number): PackedEscapes {
  const moved = packed.slice();
  for (let k = 0; k < moved.length; k += 4) {
    moved[k] += delta;
    moved[k + 1] += delta;
  }
  return moved;
}

/** What decode read; one object that every call fills in (callers read it at once). */
export interface Decoded {
  text: string;
  malformed: boolean;
}

const decoded: Decoded = { text: '', malformed: false };

/**
 * Java's loadConvert of `line` from `from` to `to`. `map` takes offsets of a logical line to the source;
 * without it `line` is the source itself (a logical line of one natural line read in place).
 */
export function decode(
  line: string,
  from: number,
  to: number,
  map: OffsetMap | undefined,
  escapes: PackedEscapes,
  problems: ParseProblem[],
  last = Infinity,
): Decoded {
  // `last`, when known, is the last backslash at or after `from` that a search may reach (the last one of
  // the line, when `line` is the whole document and the scan reads only a few lines): no search runs past
  // it, and none at all when it comes before `from`.
  const first = last < from ? -1 : line.indexOf('\\', from);
  decoded.malformed = false;
  if (first < 0 || first >= to) {
    decoded.text = line.slice(from, to);
    return decoded;
  }
  let out = line.slice(from, first);
  let k = first;
  while (k < to) {
    if (line.charCodeAt(k) !== BACKSLASH) {
      // Copy the run up to the next backslash in one piece.
      let next = k > last ? to : line.indexOf('\\', k);
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
    const next = line.charCodeAt(k + 1);
    if (next === LETTER_U) {
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
        out += String.fromCharCode(value);
        pushEscape(escapes, map, escStart, p, UNICODE, value);
        k = p;
      } else {
        // Java throws here; keep the raw text so every other line can still be served. The span
        // takes the offending character too, unless it is a backslash: that one starts the next escape.
        const end = p < to && line.charCodeAt(p) !== BACKSLASH ? p + 1 : p;
        decoded.malformed = true;
        out += line.slice(escStart, end);
        const span = map ? map.span(escStart, end) : { start: escStart, end };
        escapes.push(span.start, span.end, MALFORMED_UNICODE, 0);
        problems.push({ ...span, code: 'malformed-unicode-escape', message: MALFORMED_ESCAPE_MESSAGE });
        k = end;
      }
      continue;
    }
    const control = controlCharacter(next);
    out += String.fromCharCode(control < 0 ? next : control);
    pushEscape(escapes, map, escStart, k + 2, control < 0 ? LITERAL : CONTROL, control < 0 ? next : control);
    k += 2;
  }
  decoded.text = out;
  return decoded;
}

/** The control character that `\t`, `\r`, `\n` or `\f` stands for, by the code of the letter after the backslash; else -1. */
function controlCharacter(letter: number): number {
  switch (letter) {
    case LETTER_T:
      return TAB;
    case LETTER_R:
      return CR;
    case LETTER_N:
      return LF;
    case LETTER_F:
      return FORM_FEED;
    default:
      return -1;
  }
}

function pushEscape(escapes: PackedEscapes, map: OffsetMap | undefined, from: number, to: number, kind: number, code: number): void {
  if (map) escapes.push(map.start(from), map.end(to), kind, code);
  else escapes.push(from, to, kind, code);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
