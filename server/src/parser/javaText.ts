import { unicodeEscape } from './latin1';
import { Span } from './types';

/** Java's String.trim: drops characters up to U+0020 at both ends. */
export function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return text.slice(start, end);
}

/** The part of a source span left after Java's trim of its raw text. */
export function trimmedSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  return { start, end };
}

/** Escapes a key for a .properties file so that Properties.load reads it back unchanged. */
export function escapeKey(key: string): string {
  return escapeText(key, true);
}

/** Escapes a value for a .properties file so that Properties.load reads it back unchanged. */
export function escapeValue(value: string): string {
  return escapeText(value, false);
}

function escapeText(text: string, isKey: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    if (c === '\\') out += '\\\\';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\f') out += '\\f';
    else if (c === ' ' && (isKey || i === 0)) out += '\\ ';
    else if ((c === '=' || c === ':') && isKey) out += '\\' + c;
    else if ((c === '#' || c === '!') && i === 0 && isKey) out += '\\' + c;
    else if (code > 0xff) out += unicodeEscape(code);
    else out += c;
  }
  return out;
}
