// Which OX packages the chart switches off on a node type (env OX_BLACKLISTED_PACKAGES), from its values.
import { NodeType } from './release';
import { mapAt, plainValue, ValueMap } from './valueTree';

function statuses(values: ValueMap, path: string[]): Array<[string, unknown]> {
  return [...(mapAt(values, path)?.entries ?? new Map())].map(([name, tree]) => [name, plainValue(tree)]);
}

/**
 * The packages the chart disables on a node type: every package of a disabled feature, in sorted feature
 * order, then `packages.status` on top (a package's own status beats its feature's). Values other than
 * `enabled`/`disabled` are left to the status-value rule and count as neither.
 */
export function disabledPackages(type: NodeType): Set<string> {
  const definitions = mapAt(type.values, ['features', 'definitions']);
  const disabled = new Set<string>();
  for (const [feature, status] of statuses(type.values, ['features', 'status']).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const packages = plainValue(definitions?.entries.get(feature));
    if (!Array.isArray(packages)) continue;
    for (const p of packages) {
      if (typeof p !== 'string') continue;
      if (status === 'disabled') disabled.add(p);
      else if (status === 'enabled') disabled.delete(p);
    }
  }
  for (const [name, status] of statuses(type.values, ['packages', 'status'])) {
    if (status === 'disabled') disabled.add(name);
    else if (status === 'enabled') disabled.delete(name);
  }
  return disabled;
}
