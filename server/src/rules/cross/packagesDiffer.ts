import { CORE_MW } from '../../catalog/chartFacts';
import { disabledPackages } from '../../model/helm/packages';
import { CrossRule, PlacedFinding } from '../crossRule';
import { hazelcastPods } from './podCounts';
import { atType } from './typeAnchor';

const DATA_PACKAGES = new Set(CORE_MW.hazelcastDataPackages);

/** Node types of one Hazelcast cluster that run different OX packages. */
export const packagesDifferRule: CrossRule = {
  id: 'packages-differ',
  scope: 'cluster',
  editions: ['kubernetes'],
  defaultSeverity: 'warning',
  title:
    'Node types that join one Hazelcast cluster run different OX packages: a warning for packages that keep data in Hazelcast, information for the others.',
  fixable: false,
  check: ({ cluster, effective }) => {
    if (!cluster.release) return [];
    const types = hazelcastPods(cluster, effective).types;
    if (types.length < 2) return [];
    const disabled = new Map(types.map((t) => [t, disabledPackages(t.node.kubernetes!.type)]));
    const packages = [...new Set([...disabled.values()].flatMap((set) => [...set]))].sort();
    const out: PlacedFinding[] = [];
    for (const name of packages) {
      const off = types.filter((t) => disabled.get(t)!.has(name));
      const on = types.filter((t) => !off.includes(t));
      if (!on.length) continue;
      const data = DATA_PACKAGES.has(name);
      for (const { node } of off) {
        const placed = atType(node, {
          ...(data ? {} : { severity: 'information' as const }),
          message: data
            ? `${name} is disabled on node type "${node.name}" but not on ${on.map((t) => `"${t.node.name}"`).join(', ')} of the same Hazelcast cluster. Its bundles keep data in Hazelcast, and a member without them cannot read (deserialise) that data. Give every Hazelcast type the same status for it.`
            : `${name} is disabled on node type "${node.name}" but not on ${on.map((t) => `"${t.node.name}"`).join(', ')} of the same Hazelcast cluster. It keeps no data in Hazelcast as far as known, so this is only worth a look.`,
        });
        if (placed) out.push(placed);
      }
    }
    return out;
  },
};
