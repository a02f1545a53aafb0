import { ClusterContext, CrossRule, PlacedFinding } from '../crossRule';
import { HAZELCAST_ENABLED, LITE_MEMBER } from '../../catalog/oxKeys';
import { disabledPackages } from '../../model/helm/packages';
import { plainValue, valueAt } from '../../model/helm/valueTree';
import { OxCluster, OxNode } from '../../model/node';
import { EffectiveConfig } from '../../model/effective';
import { nodeAnchor } from './helpers';
import { isTrue } from '../../values/boolean';
import { listedMembers } from './packagesDiffer';
import { hazelcastPods } from './podCounts';
import { atType } from './typeAnchor';

const PACKAGE = 'open-xchange-sessionstorage-hazelcast';
const REDIS_ENABLED = 'com.openexchange.sessiond.redis.enabled';

/** Sessions live in Redis when the values switch Redis session storage on or configure Redis (errata 13). */
function redisSessions(cluster: OxCluster, effective: (node: OxNode) => EffectiveConfig): boolean {
  const values = cluster.release!.values;
  const hosts = plainValue(valueAt(values, ['redis', 'hosts']));
  return (
    plainValue(valueAt(values, ['redis', 'enabled'])) === true ||
    (Array.isArray(hosts) ? hosts.length > 0 : typeof hosts === 'string' && hosts !== '') ||
    plainValue(valueAt(values, ['configuration', 'sessiond', 'redis', 'enabled'])) === true ||
    cluster.nodes.some((n) => isTrue(effective(n).value(REDIS_ENABLED)))
  );
}

/** Node types of a release: the package disabled on some Hazelcast types and not on others. */
function releaseFindings({ cluster, effective }: ClusterContext): PlacedFinding[] {
  const counts = hazelcastPods(cluster, effective);
  if (counts.full + counts.lite < 2 && !counts.unknown) return [];
  if (redisSessions(cluster, effective)) return [];
  const off = counts.types.filter((t) => disabledPackages(t.node.kubernetes!.type).has(PACKAGE));
  const on = counts.types.filter((t) => !off.includes(t));
  if (!off.length || !on.length) return [];
  return off.flatMap(
    ({ node }) =>
      atType(node, {
        message: `${PACKAGE} is disabled on node type "${node.name}" but not on ${on.map((t) => `"${t.node.name}"`).join(', ')}, which share its Hazelcast cluster. Sessions are kept in Hazelcast here (no Redis session storage is configured), so this type cannot read the sessions the others store. Enable the package on every Hazelcast type, or on none.`,
      }) ?? [],
  );
}

/** Classic nodes: several full members, and a member whose package list lacks the package. */
function nodeFindings({ cluster, effective }: ClusterContext): PlacedFinding[] {
  const full = cluster.nodes.filter((n) => isTrue(effective(n).value(HAZELCAST_ENABLED)) && !isTrue(effective(n).value(LITE_MEMBER)));
  if (full.length < 2) return [];
  // OX says to switch Hazelcast session storage off when Redis stores the sessions (errata 13).
  if (cluster.nodes.some((n) => isTrue(effective(n).value(REDIS_ENABLED)))) return [];
  const members = listedMembers(cluster, effective);
  const has = (n: OxNode) => n.packages!.installed.some((p) => p.name === PACKAGE);
  const on = members.filter(has);
  const out: PlacedFinding[] = [];
  for (const node of members.filter((n) => !has(n))) {
    const anchor = nodeAnchor(node);
    if (!anchor) continue;
    const message = on.length
      ? `${PACKAGE} is not installed on node "${node.name}" but on ${on.map((n) => `"${n.name}"`).join(', ')}, which share its Hazelcast cluster. Sessions are kept in Hazelcast here (no Redis session storage is configured), so this node cannot read the sessions the others store. Install the package on every node of the cluster.`
      : `${PACKAGE} is not installed on node "${node.name}", one of ${full.length} full Hazelcast members of cluster "${cluster.name}", and no Redis session storage is configured. Without it the node keeps its sessions to itself, so a user whose next request reaches another node has to log in again. OX recommends the package for every cluster of several nodes.`;
    out.push({ doc: anchor.doc, finding: { ...anchor.span, message } });
  }
  return out;
}

/** Sessions in Hazelcast on some members only, or on none of several full members (classic): the others cannot read them. */
export const sessionStoragePackageRule: CrossRule = {
  id: 'session-storage-package',
  scope: 'cluster',
  editions: ['classic', 'kubernetes'],
  defaultSeverity: 'warning',
  title:
    'open-xchange-sessionstorage-hazelcast is missing on some members of a Hazelcast cluster (disabled on some node types of a release, or absent from the package list of a classic node while the cluster has several full members), and sessions are not stored in Redis.',
  fixable: false,
  check: (context) => (context.cluster.release ? releaseFindings(context) : nodeFindings(context)),
};
