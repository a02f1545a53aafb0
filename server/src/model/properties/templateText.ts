// What the .properties reader parses of a template: the scan's masked text (template/scan.ts), adjusted for
// the two places where a Java properties line needs more than a same-length mask.
import { parseProperties } from '../../parser/propertiesParser';
import { TemplateScan } from '../../template/scan';

/**
 * The template's text to parse, every position unchanged:
 * - a control or comment tag before the first or after the last literal of a line (`{% if x %}key=v{% endif %}`)
 *   is blanked, not masked, so the key and value around it read as written (Java skips leading white space of
 *   a line and trims a value);
 * - a control line that a continuation runs into ends in a backslash, so the continuation goes on past it as
 *   in the rendered file, where the line is gone (Jinja's trim_blocks, ERB's `-%>`). `continuedPast` lists
 *   those lines: a value that runs past one depends on the template.
 */
export function propertiesTemplateText(content: string, scan: TemplateScan): { text: string; continuedPast: number[] } {
  const chars = scan.masked.split('');
  const { lineStarts, lineOf } = scan;
  const lineEnd = (line: number) => (line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : content.length);

  // Control and comment tags at the edges of text lines.
  const byLine = new Map<number, typeof scan.tags>();
  for (const tag of scan.tags) {
    const line = lineOf(tag.start);
    if (scan.lineClasses[line] !== 'text' || lineOf(Math.max(tag.start, tag.end - 1)) !== line) continue;
    byLine.set(line, [...(byLine.get(line) ?? []), tag]);
  }
  for (const [line, tags] of byLine) {
    const from = lineStarts[line];
    const to = lineEnd(line);
    const blank = (start: number, end: number) => chars.fill(' ', start, end);
    // From the line's start: white space and silent tags, up to the first literal or expression.
    let at = from;
    for (const tag of tags) {
      if (content.slice(at, tag.start).trim() !== '' || tag.role === 'expression') break;
      blank(tag.start, tag.end);
      at = tag.end;
    }
    // From the line's end, the same backwards.
    at = to;
    for (const tag of [...tags].reverse()) {
      if (content.slice(tag.end, at).trim() !== '' || tag.role === 'expression') break;
      blank(tag.start, tag.end);
      at = tag.start;
    }
  }

  // Continuations that run into control lines, in line order (one after a filled line runs on too).
  const continuedPast: number[] = [];
  let text = chars.join('');
  for (let pass = 0; pass < lineStarts.length; pass++) {
    const entries = parseProperties(text).entries;
    // An entry that ends in a continuation before a blank line ends right after its backslash.
    const next = scan.lineClasses.findIndex((cls, line) => {
      if (cls !== 'control' || line === 0 || continuedPast.includes(line)) return false;
      const start = lineStarts[line];
      return entries.some((e) => e.end > lineStarts[line - 1] && e.end < start && endsInContinuation(text, e.end));
    });
    if (next < 0) break;
    continuedPast.push(next);
    // The last character of the blanked line, before a carriage return.
    let last = lineEnd(next) - 1;
    if (text[last] === '\r') last--;
    if (last < lineStarts[next]) break;
    text = `${text.slice(0, last)}\\${text.slice(last + 1)}`;
  }
  return { text, continuedPast };
}

/** An odd run of backslashes ends at `end`: the line goes on in the next one. */
function endsInContinuation(text: string, end: number): boolean {
  let count = 0;
  for (let i = end - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}
