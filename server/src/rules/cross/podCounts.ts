import { isTrue } from '../../values/boolean';
import { EffectiveConfig } from '../../model/effective';
import { OxCluster, OxNode } from '../../model/node';
import { LITE_MEMBER } from '../../catalog/oxKeys';

/** The Hazelcast pods of a release, by node type: how many, and whether they hold data. */
export interface PodCounts {
  /** Pods of full (data-holding) members. */
  full: number;
  lite: number;
  /** A template sets the replica count of some Hazelcast type: the sums are lower bounds. */
  unknown: boolean;
  types: Array<{ node: OxNode; pods: number | undefined; full: boolean }>;
}

/**
 * Counts the Hazelcast pods of a release's node types. A type is a full member unless it is a lite member
 * (the `hazelcast-lite-member` role before chart 6.0.1, or `liteMember` set in its values).
 */
export function hazelcastPods(cluster: OxCluster, effective: (node: OxNode) => EffectiveConfig): PodCounts {
  const counts: PodCounts = { full: 0, lite: 0, unknown: false, types: [] };
  for (const node of cluster.nodes) {
    const type = node.kubernetes?.type;
    if (!type?.hazelcast) continue;
    const full = !isTrue(effective(node).value(LITE_MEMBER));
    const pods = type.replicas;
    if (pods === undefined) counts.unknown = true;
    else if (full) counts.full += pods;
    else counts.lite += pods;
    counts.types.push({ node, pods, full });
  }
  return counts;
}

/** `api ×3, documents ×2`: the types counted, for messages. */
export function describeTypes(types: PodCounts['types']): string {
  return types.map((t) => `${t.node.name} ×${t.pods ?? '?'}`).join(', ');
}
