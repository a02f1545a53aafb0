import { firstLineRange } from '../../model/document';
import { CrossRule, PlacedFinding } from '../crossRule';
import { homeDoc, joinMode, valueSpan } from './helpers';
import { isTrue } from '../../values/boolean';
import { HAZELCAST_ENABLED, LITE_MEMBER } from '../../catalog/oxKeys';
import { EffectiveConfig } from '../../model/effective';
import { OxCluster, OxNode } from '../../model/node';
import { atType } from './typeAnchor';
import { describeTypes, hazelcastPods } from './podCounts';

/** Lite members hold no data: a cluster of lite members only has nowhere to keep sessions or caches. */
export const noDataMembersRule: CrossRule = {
  id: 'no-data-members',
  scope: 'cluster',
  defaultSeverity: 'error',
  title: 'Every node of the cluster is a lite member, so no member holds data.',
  fixable: false,
  editions: ['classic', 'kubernetes'],
  check: ({ cluster, effective }) => {
    if (cluster.release) return releaseFindings(cluster, effective);
    // Nodes with Hazelcast switched off are no members at all (OX reads anything but "true" as off).
    const members = cluster.nodes.filter((n) => isTrue(effective(n).value(HAZELCAST_ENABLED)));
    if (!members.length || !members.every((n) => isTrue(effective(n).value(LITE_MEMBER)))) return [];
    // A lone node that joins others may have full members outside the workspace.
    if (members.length === 1 && (joinMode(effective(members[0])) ?? 'empty') !== 'empty') return [];
    const out: PlacedFinding[] = [];
    const some = members.length < cluster.nodes.length;
    const what =
      members.length === 1
        ? `The only node of cluster "${cluster.name}"${some ? ' that runs Hazelcast' : ''} is a lite member`
        : `All ${members.length} nodes of cluster "${cluster.name}"${some ? ' that run Hazelcast' : ''} are lite members`;
    for (const node of members) {
      const setting = effective(node).get(LITE_MEMBER).source;
      const doc = setting?.doc ?? homeDoc(node, 'hazelcast.properties');
      if (!doc) continue;
      out.push({
        doc,
        finding: {
          ...(setting ? valueSpan(setting) : firstLineRange(doc)),
          message: `${what}, so no member holds distributed data (sessions, locks, caches). Make at least one a full member.`,
        },
      });
    }
    return out;
  },
};

/** A release whose Hazelcast node types are all lite members: reported at each type. */
function releaseFindings(cluster: OxCluster, effective: (node: OxNode) => EffectiveConfig): PlacedFinding[] {
  const counts = hazelcastPods(cluster, effective);
  if (!counts.types.length || counts.types.some((t) => t.full)) return [];
  const message = `Every node type of release "${cluster.name}" that runs Hazelcast is a lite member (${describeTypes(counts.types)}), so no pod holds distributed data (sessions, locks, caches). Make at least one type a full member.`;
  return counts.types.flatMap(({ node }) => atType(node, { message }) ?? []);
}
