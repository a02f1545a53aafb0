import { CrossRule, PlacedFinding } from '../crossRule';
import { firstLine, homeDoc, isTrue, valueSpan } from './helpers';
import { LITE_MEMBER } from './oxKeys';

/** Lite members hold no data: a cluster of lite members only has nowhere to keep sessions or caches. */
export const noDataMembersRule: CrossRule = {
  id: 'no-data-members',
  defaultSeverity: 'error',
  summary: 'Every node of the cluster is a lite member: no member holds data.',
  check: ({ cluster, effective }) => {
    if (!cluster.nodes.length || !cluster.nodes.every((n) => isTrue(effective(n).value(LITE_MEMBER)))) return [];
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const setting = effective(node).get(LITE_MEMBER).source;
      const doc = setting?.doc ?? homeDoc(node, 'hazelcast.properties');
      if (!doc) continue;
      out.push({
        doc,
        finding: {
          ...(setting ? valueSpan(setting) : firstLine(doc)),
          message: `All ${cluster.nodes.length} node${cluster.nodes.length === 1 ? '' : 's'} of cluster "${cluster.name}" are lite members, so none holds distributed data (sessions, locks, caches). Make at least one a full member.`,
        },
      });
    }
    return out;
  },
};
