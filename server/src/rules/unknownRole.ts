import { builtinRoles, compareVersions, CORE_MW } from '../catalog/chartFacts';
import { closestMatches } from '../catalog/similarity';
import { chartRootValues, ChartScalar, entryOf, mapAt, plainEntries } from '../model/helm/chartValues';
import { isValuesDocument, ValuesDocument } from '../model/helm/valuesDocument';
import { Finding, Fix, Rule } from './rule';
import { chartWords, valuesRelease } from './valuesSupport';

/** The role names listed in `scaling.nodes.<type>.roles` and `defaultScaling.nodes.<type>.roles`. */
function roleItems(doc: ValuesDocument): Array<{ item: ChartScalar & { value: string }; list: string[] }> {
  const items: Array<{ item: ChartScalar & { value: string }; list: string[] }> = [];
  for (const root of chartRootValues(doc)) {
    for (const scaling of ['scaling', 'defaultScaling']) {
      const nodes = mapAt(root.values, scaling, 'nodes');
      for (const { value } of nodes ? plainEntries(nodes) : []) {
        const roles = value?.kind === 'map' ? entryOf(value, 'roles')?.value : undefined;
        if (roles?.kind !== 'list') continue;
        const written = roles.items.filter(
          (i): i is ChartScalar & { value: string } => i.kind === 'scalar' && typeof i.value === 'string' && !i.filledIn,
        );
        const list = written.map((i) => i.value);
        for (const item of written) items.push({ item, list });
      }
    }
  }
  return items;
}

/** The roles the release's files define under `roles:`. */
function definedRoles(docs: readonly ValuesDocument[]): Set<string> {
  const roles = new Set<string>();
  for (const doc of docs) {
    for (const root of chartRootValues(doc)) {
      const map = mapAt(root.values, 'roles');
      if (map) for (const { key } of plainEntries(map)) roles.add(key);
    }
  }
  return roles;
}

/** A node type's role that neither the chart nor the release defines: it only labels the pods. */
export const unknownRoleRule: Rule = {
  id: 'unknown-role',
  scope: 'file',
  defaultSeverity: 'warning',
  title:
    'A node type lists a role that neither the chart version nor the release defines (it only adds a pod label), or a Hazelcast role that chart 6.0.1 removed.',
  fixable: true,
  readsNode: true,
  check: ({ doc, workspace }) => {
    if (!isValuesDocument(doc)) return [];
    const items = roleItems(doc);
    if (!items.length) return [];
    const release = valuesRelease(doc, workspace);
    const version = release.chartVersion;
    const builtin = builtinRoles(version);
    const available = new Set([...builtin, ...definedRoles(release.docs)]);
    const chart = chartWords(version, 'roles');
    const findings: Finding[] = [];
    for (const { item, list } of items) {
      const role = item.value;
      if (available.has(role)) continue;
      const span = item.span;
      const replace = (text: string, preferred: boolean): Fix => ({
        title: `Change to ${text}`,
        preferred,
        intents: [{ kind: 'replace-text', doc, ...span, text }],
      });
      const removed = CORE_MW.removedRoles.find((r) => r.roles.includes(role));
      if (removed && version && /^\d/.test(version) && compareVersions(version, removed.removedIn) >= 0) {
        const by = removed.replacedBy;
        findings.push({
          ...span,
          message: `The role "${role}" was removed in chart ${removed.removedIn}; the ${by} role replaced it (only node types with ${by} run Hazelcast). On chart ${version} it only adds a pod label.`,
          fixes: list.includes(by) ? [] : [replace(by, true)],
        });
        continue;
      }
      const near = closestMatches(role, builtin, 2, false).filter((name) => !list.includes(name));
      findings.push({
        ...span,
        severity: 'information',
        message: `"${role}" is not a role of ${chart.name}, and no roles: entry of the release defines it: it only adds the label roles.middleware.open-xchange.com/${role} to the pods, with no values, services or controller of its own${chart.assumption}.`,
        fixes: near.map((name) => replace(name, near.length === 1)),
      });
    }
    return findings;
  },
};
