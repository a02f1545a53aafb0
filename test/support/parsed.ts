import { PropertyEntry } from '../../server/src/parser/types';

/** An entry as plain data, read through its getters: entries are compact objects whose spans are made on access. */
export function plainEntry(e: PropertyEntry): PropertyEntry {
  const { start, end, key, value, keySpan, separatorSpan, separator, valueSpan, lines, escapes, malformed } = e;
  return { start, end, key, value, keySpan, separatorSpan, separator, valueSpan, lines, escapes, malformed };
}
