// Apache httpd's argument splitting (server/util.c, ap_getword_conf): words end at white space; a word that
// starts with a quote runs to the matching quote, inside which \" (or \') and \\ are escapes; quotes in
// the middle of a word are literal, and an unquoted word turns \\ into \ too.
import { LogicalLine, sourceSpan } from './lines';

/** One argument: its text as httpd reads it and the span of the word as written (quotes included). */
export interface ApacheWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

const SPACE = /[ \t\n\f\v\r]/;

/** What httpd keeps of a word's characters: a backslash before a backslash (or the quote) is dropped. */
function unescape(raw: string, quote: string | undefined): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const next = raw[i + 1];
    if (raw[i] === '\\' && (next === '\\' || (quote !== undefined && next === quote))) {
      out += next;
      i++;
    } else out += raw[i];
  }
  return out;
}

/** Splits a logical line's text from offset `from` (up to `to`) into words with their source spans. */
export function splitWords(line: LogicalLine, from = 0, to = line.text.length): ApacheWord[] {
  const text = line.text;
  const words: ApacheWord[] = [];
  let at = from;
  for (;;) {
    while (at < to && SPACE.test(text[at])) at++;
    if (at >= to) return words;
    const quote = text[at] === '"' || text[at] === "'" ? text[at] : undefined;
    let end = quote ? at + 1 : at;
    if (quote) {
      while (end < to && text[end] !== quote) end += text[end] === '\\' && (text[end + 1] === quote || text[end + 1] === '\\') ? 2 : 1;
      const inner = text.slice(at + 1, Math.min(end, to));
      if (end < to) end++;
      words.push({ text: unescape(inner, quote), ...sourceSpan(line, at, end), quoted: true });
    } else {
      while (end < to && !SPACE.test(text[end])) end++;
      words.push({ text: unescape(text.slice(at, end), undefined), ...sourceSpan(line, at, end), quoted: false });
    }
    at = end;
  }
}
