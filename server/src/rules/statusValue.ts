import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { builtinFeatures } from '../catalog/chartFacts';
import { closestMatches } from '../catalog/similarity';
import { mapAt } from '../model/helm/chartRoots';
import { valueLevels } from '../model/helm/oxKeyMaps';
import { isValuesDocument, ValuesDocument } from '../model/helm/valuesDocument';
import { Finding, Fix, Rule } from './rule';
import { chartWords, filledIn, plainEntries, spanOf, valuesRelease } from './valuesSupport';

const STATUSES = new Set(['enabled', 'disabled']);
const MEANS_ENABLED = /^(enabled?|true|yes|on)$/i;
const MEANS_DISABLED = /^(disabled?|false|no|off)$/i;

/** How a message names a value that is no status; `written` is its text in the file. */
function described(node: Node, written: string): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'boolean')
    return written === String(value) ? `the YAML boolean ${value}` : `${written}, which YAML reads as the boolean ${value}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  return `"${String(value)}"`;
}

/** The status a value clearly means, if any. */
function meant(node: Node): string | undefined {
  if (!isScalar(node)) return undefined;
  const text = String(node.value).trim();
  return MEANS_ENABLED.test(text) ? 'enabled' : MEANS_DISABLED.test(text) ? 'disabled' : undefined;
}

/** The `features.status` and `packages.status` maps of a file: at each chart root, role and node type. */
function statusMaps(doc: ValuesDocument): Array<{ kind: 'features' | 'packages'; map: YAMLMap }> {
  const maps: Array<{ kind: 'features' | 'packages'; map: YAMLMap }> = [];
  for (const root of doc.roots) {
    for (const level of valueLevels(root)) {
      for (const kind of ['features', 'packages'] as const) {
        const parent = mapAt(level.map, kind);
        const status = parent && mapAt(parent, 'status');
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
    for (const root of doc.roots) {
      for (const level of valueLevels(root)) {
        const features = mapAt(level.map, 'features');
        const pair = features?.items.find((p) => isScalar(p.key) && p.key.value === 'definitions');
        if (!pair) continue;
        const value = pair.value as Node | null;
        if (filledIn(doc, value) || (value && !isMap(value))) return undefined;
        if (!value) continue;
        const span = spanOf(value);
        if (span && doc.template.tagsIn(span.start, span.end).length) return undefined;
        for (const { key } of plainEntries(doc, value as YAMLMap)) defined.add(key);
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
      const keys = new Set([...plainEntries(doc, map)].map((e) => e.key));
      for (const { key, keyNode, value } of plainEntries(doc, map)) {
        const node = value as Node | null;
        const what = kind === 'features' ? 'feature' : 'package';
        if (node && !filledIn(doc, node) && !(isScalar(node) && node.value === null)) {
          const span = spanOf(node);
          const ok = isScalar(node) && typeof node.value === 'string' && STATUSES.has(node.value);
          if (span && !ok) {
            const status = meant(node);
            const fixes: Fix[] = status
              ? [{ title: `Change to ${status}`, preferred: true, intents: [{ kind: 'replace-text', doc, ...span, text: status }] }]
              : [];
            findings.push({
              ...span,
              message: `The status of ${what} "${key}" is ${described(node, doc.text.getText().slice(span.start, span.end))}; the chart accepts only the strings enabled and disabled and fails to render with anything else.`,
              fixes,
            });
          }
        }
        if (kind !== 'features' || !defined || defined.has(key)) continue;
        const span = spanOf(keyNode)!;
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
