// Helpers for tests that lay out .properties text in different but equivalent ways.

/**
 * Offsets of `line` where a continuation (backslash, line break, indentation) may go without changing
 * what Java reads: at the start of an escape or character, or inside the hex digits of a \uXXXX escape,
 * but never before white space (the next line's leading white space is skipped) and never at 0 or the end.
 */
export function safeSplitPoints(line: string): number[] {
  const points: number[] = [];
  const ok = (p: number) => p > 0 && p < line.length && !' \t\f'.includes(line[p]);
  let i = 0;
  while (i < line.length) {
    if (ok(i)) points.push(i);
    if (line[i] === '\\' && line[i + 1] === 'u') {
      for (let p = i + 2; p < i + 6; p++) if (ok(p)) points.push(p);
      i += 6;
    } else if (line[i] === '\\') {
      i += 2;
    } else {
      i++;
    }
  }
  return points;
}
