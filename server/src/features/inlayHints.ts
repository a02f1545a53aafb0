import { InlayHint, InlayHintKind, Range } from 'vscode-languageserver-types';
import { isRetired } from '../catalog/versionFacts';
import { OxDocument } from '../model/properties/propertiesDocument';
import { emptyMeaning } from '../values/checkValue';
import { describeDuration, parseTimespan } from '../values/timespan';

const UNIT_MS: Record<string, number> = { ms: 1, milliseconds: 1, s: 1000, seconds: 1000 };

/** What OX reads for empty values, and what time spans and durations mean. */
export function inlayHints(doc: OxDocument, range: Range): InlayHint[] {
  const from = doc.text.offsetAt(range.start);
  const to = doc.text.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const e of doc.entries) {
    if (e.entry.end < from || e.entry.start > to) continue;
    const def = e.known?.def;
    if (!def || isRetired(def) || e.entry.malformed) continue;
    let label: string | undefined;
    if (e.value === '') {
      const meaning = emptyMeaning(def);
      if (meaning) label = `(empty: ${meaning})`;
    } else if (def.type === 'timespan') {
      const parsed = parseTimespan(e.value);
      if (parsed.ok && !/^\d+$/.test(e.value)) label = `= ${describeDuration(parsed.ms)}`;
      else if (parsed.ok) label = `ms = ${describeDuration(parsed.ms)}`;
    } else if (def.type === 'integer' && def.unit && UNIT_MS[def.unit] && /^\d+$/.test(e.value)) {
      const ms = Number(e.value) * UNIT_MS[def.unit];
      if (ms >= 60_000) label = `${def.unit} ≈ ${describeDuration(ms)}`;
    }
    if (!label) continue;
    hints.push({
      position: doc.text.positionAt(e.value === '' ? e.entry.separatorSpan.end : e.valueSpan.end),
      label,
      kind: InlayHintKind.Type,
      paddingLeft: true,
    });
  }
  return hints;
}
