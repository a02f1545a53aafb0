// Unescaping: Java's loadConvert over a key or value of a logical line, recording every escape with its
// source span (through the logical line's segments) and every malformed \uXXXX escape as a problem.
import { BACKSLASH } from './chars';
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

export interface Decoded {
  text: string;
  malformed: boolean;
}

/**
 * Java's loadConvert of `line` from `from` to `to`. `map` takes offsets of a logical line to the source;
 * without it `line` is the source itself (a logical line of one natural line read in place).
 */
export function decode(
  line: string,
  from: number,
  to: number,
  map: OffsetMap | undefined,
  escapes: Escape[],
  problems: ParseProblem[],
): Decoded {
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
        const span = map ? map.span(escStart, end) : { start: escStart, end };
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

function escapeAt(map: OffsetMap | undefined, from: number, to: number, kind: EscapeKind, decoded: string): Escape {
  return map ? { start: map.start(from), end: map.end(to), kind, decoded } : { start: from, end: to, kind, decoded };
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
