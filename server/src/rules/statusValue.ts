import { builtinFeatures } from '../catalog/chartFacts';
import { closestMatches } from '../catalog/similarity';
import { chartLevels, ChartMap, chartRootValues, ChartValue, entryOf, mapAt, plainEntries } from '../model/helm/chartValues';
import { isValuesDocument, ValuesDocument } from '../model/helm/valuesDocument';
import { Finding, Fix, Rule } from './rule';
import { chartWords, valuesRelease } from './valuesSupport';

const STATUSES = new Set(['enabled', 'disabled']);
const MEANS_ENABLED = /^(enabled?|true|yes|on)$/i;
const MEANS_DISABLED = /^(disabled?|false|no|off)$/i;

/** How a message names a value that is no status; `written` is its text in the file. */
function described(value: ChartValue, written: string): string {
  if (value.kind === 'map') return 'a map';
  if (value.kind === 'list') return 'a list';
  const read = value.kind === 'scalar' ? value.value : undefined;
  if (typeof read === 'boolean')
    return written === String(read) ? `the YAML boolean ${read}` : `${written}, which YAML reads as the boolean ${read}`;
  if (typeof read === 'number') return `the number ${String(read)}`;
  return `"${String(read)}"`;
}

/** The status a value clearly means, if any. */
function meant(value: ChartValue): string | undefined {
  if (value.kind !== 'scalar') return undefined;
  const text = String(value.value).trim();
  return MEANS_ENABLED.test(text) ? 'enabled' : MEANS_DISABLED.test(text) ? 'disabled' : undefined;
}

/** The `features.status` and `packages.status` maps of a file: at each chart root, role and node type. */
function statusMaps(doc: ValuesDocument): Array<{ kind: 'features' | 'packages'; map: ChartMap }> {
  const maps: Array<{ kind: 'features' | 'packages'; map: ChartMap }> = [];
  for (const root of chartRootValues(doc)) {
    for (const level of chartLevels(root)) {
      for (const kind of ['features', 'packages'] as const) {
        const status = mapAt(level.values, kind, 'status');
        if (status) maps.push({ kind, map: status });
      }
    }
  }
  return maps;
}

/** The features the release's files define; undefined when a template writes some definitions. */
function userFeatures(docs: readonly ValuesDocument[]): Set<string> | undefined {
  const defined = new Set<string>();
  for (const doc of docs) {
    for (const root of chartRootValues(doc)) {
      for (const level of chartLevels(root)) {
        const entry = entryOf(mapAt(level.values, 'features'), 'definitions');
        if (!entry) continue;
        const value = entry.value;
        if (value?.filledIn || (value && value.kind !== 'map')) return undefined;
        if (!value) continue;
        for (const { key } of plainEntries(value)) defined.add(key);
      }
    }
  }
  return defined;
}

/** A package or feature status the chart refuses: not exactly enabled or disabled, or a feature nobody defines. */
export const statusValueRule: Rule = {
  id: 'status-value',
  scope: 'file',
  defaultSeverity: 'error',
  title:
    'A packages.status or features.status value other than the strings enabled and disabled, or the status of a feature no definition names: the chart refuses to render.',
  fixable: true,
  readsNode: true,
  check: ({ doc, workspace }) => {
    if (!isValuesDocument(doc)) return [];
    const findings: Finding[] = [];
    const maps = statusMaps(doc);
    if (!maps.length) return findings;
    const release = valuesRelease(doc, workspace);
    const own = userFeatures(release.docs);
    const defined = own && new Set([...own, ...builtinFeatures(release.chartVersion)]);
    const chart = chartWords(release.chartVersion, 'features');
    for (const { kind, map } of maps) {
      const keys = new Set(plainEntries(map).map((e) => e.key));
      for (const { key, keySpan, value } of plainEntries(map)) {
        const what = kind === 'features' ? 'feature' : 'package';
        if (value && !value.filledIn && !(value.kind === 'scalar' && value.value === null)) {
          const span = value.span;
          const ok = value.kind === 'scalar' && typeof value.value === 'string' && STATUSES.has(value.value);
          if (!ok) {
            const status = meant(value);
            const fixes: Fix[] = status
              ? [{ title: `Change to ${status}`, preferred: true, intents: [{ kind: 'replace-text', doc, ...span, text: status }] }]
              : [];
            findings.push({
              ...span,
              message: `The status of ${what} "${key}" is ${described(value, doc.text.getText().slice(span.start, span.end))}; the chart accepts only the strings enabled and disabled and fails to render with anything else.`,
              fixes,
            });
          }
        }
        if (kind !== 'features' || !defined || defined.has(key)) continue;
        const span = keySpan;
        // A name the map already has would become a second entry of the same feature.
        const near = closestMatches(key, defined, 2, false).filter((name) => !keys.has(name));
        findings.push({
          ...span,
          message: `Feature "${key}" is not defined: neither features.definitions in the release's values nor ${chart.name} defines it, so the chart refuses to render${chart.assumption}.`,
          fixes: near.map((name) => ({
            title: `Change to ${name}`,
            preferred: near.length === 1,
            intents: [{ kind: 'replace-text', doc, ...span, text: name }],
          })),
        });
      }
    }
    return findings;
  },
};
