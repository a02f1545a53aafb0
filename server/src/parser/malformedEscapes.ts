// The large-file scan: malformed \uXXXX escapes found without parsing the whole text.
import { parseProperties } from './scan';
import { ParseProblem } from './types';

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
