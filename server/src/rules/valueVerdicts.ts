import { closestMatches } from '../catalog/similarity';
import { isRetired } from '../catalog/versionFacts';
import { ConfigDocument } from '../model/document';
import { Setting } from '../model/setting';
import { checkEmptyValue, checkValue, ValueVerdict } from '../values/checkValue';
import { Fix } from './rule';

/** Entries with a catalog entry OX still reads and a known value, with the verdict on it (never quoting a secret). */
export function* judgedEntries(doc: ConfigDocument): Iterable<{ e: Setting; verdict: ValueVerdict }> {
  for (const e of doc.settings) {
    const def = e.known?.def;
    if (!def || isRetired(def) || e.malformed || e.unknownValue) continue;
    yield { e, verdict: e.value === '' ? checkEmptyValue(def) : checkValue(e.value, def) };
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
