import { closestMatches } from '../catalog/similarity';
import { ConfigDocument } from '../model/document';
import { Setting } from '../model/setting';
import { checkEmptyValue, checkValue, ValueVerdict } from '../values/checkValue';
import { Fix } from './rule';

/** A verdict's message that quotes no part of a secret value: "this secret value" (then "it") instead. */
function withoutValue(message: string | undefined, value: string, fallback: string): string | undefined {
  if (message === undefined || value === '') return message;
  let seen = 0;
  let out = message.split(`"${value}"`).reduce((text, part, i) => {
    if (i === 0) return part;
    const words = seen++ === 0 ? 'this secret value' : 'it';
    return `${text}${text === '' ? words[0].toUpperCase() + words.slice(1) : words}${part}`;
  }, '');
  // Whatever else is quoted may still be a piece of the value (a time span's unit): then keep the first clause only.
  const leaks = [...out.matchAll(/"([^"]{2,})"/g)].some((m) => value.includes(m[1])) || (value.length >= 3 && out.includes(value));
  if (!leaks) return out;
  const clause = out.indexOf(': ');
  out = clause > 0 ? `${out.slice(0, clause)}.` : fallback;
  return out.includes(value) ? fallback : out;
}

/** Entries with a catalog entry OX still reads, with the verdict on their value (never quoting a secret). */
export function* judgedEntries(doc: ConfigDocument): Iterable<{ e: Setting; verdict: ValueVerdict }> {
  for (const e of doc.settings) {
    const def = e.known?.def;
    if (!def || def.removedIn || e.malformed) continue;
    const verdict = e.value === '' ? checkEmptyValue(def) : checkValue(e.value, def);
    if (!def.secret) {
      yield { e, verdict };
      continue;
    }
    const hidden: ValueVerdict = { ...verdict };
    if (verdict.error !== undefined)
      hidden.error = withoutValue(verdict.error, e.value, 'OX rejects this secret value or cannot parse it.');
    if (verdict.misread !== undefined)
      hidden.misread = withoutValue(verdict.misread, e.value, 'OX reads this secret value differently from what it says.');
    yield { e, verdict: hidden };
  }
}

/** Replacement values worth offering for a rejected or misread value. */
export function valueFixes(doc: ConfigDocument, e: Setting): Fix[] {
  const def = e.known?.def;
  if (!def) return [];
  let candidates: string[] = [];
  if (def.type === 'enum' && def.values) {
    candidates = closestMatches(e.value.toLowerCase(), def.values, 2, true);
  } else if (def.type === 'boolean') {
    const truthy = /^(yes|y|on|1|enabled?|ja|t)$/i.test(e.value);
    const falsy = /^(no|n|off|0|disabled?|nein|f)$/i.test(e.value);
    candidates = truthy ? ['true'] : falsy ? ['false'] : ['true', 'false'];
  }
  return candidates.map((value) => ({
    title: `Change to ${value}`,
    preferred: candidates.length === 1,
    intents: [{ kind: 'set-value', doc, setting: e, value }],
  }));
}
