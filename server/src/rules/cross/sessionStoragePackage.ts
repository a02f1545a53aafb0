import { CrossRule } from '../crossRule';
import { disabledPackages } from '../../model/helm/packages';
import { plainValue, valueAt } from '../../model/helm/valueTree';
import { OxCluster, OxNode } from '../../model/node';
import { EffectiveConfig } from '../../model/effective';
import { isTrue } from './helpers';
import { hazelcastPods } from './podCounts';
import { atType } from './typeAnchor';

const PACKAGE = 'open-xchange-sessionstorage-hazelcast';

/** Sessions live in Redis when the values switch Redis session storage on or configure Redis (errata 13). */
function redisSessions(cluster: OxCluster, effective: (node: OxNode) => EffectiveConfig): boolean {
  const values = cluster.release!.values;
  const hosts = plainValue(valueAt(values, ['redis', 'hosts']));
  return (
    plainValue(valueAt(values, ['redis', 'enabled'])) === true ||
    (Array.isArray(hosts) ? hosts.length > 0 : typeof hosts === 'string' && hosts !== '') ||
    plainValue(valueAt(values, ['configuration', 'sessiond', 'redis', 'enabled'])) === true ||
    cluster.nodes.some((n) => isTrue(effective(n).value('com.openexchange.sessiond.redis.enabled')))
  );
}

/** Hazelcast session storage on some Hazelcast node types only: the others cannot read the sessions. */
export const sessionStoragePackageRule: CrossRule = {
  id: 'session-storage-package',
  scope: 'cluster',
  editions: ['kubernetes'],
  defaultSeverity: 'warning',
  title:
    'open-xchange-sessionstorage-hazelcast is disabled on some Hazelcast node types of a release and not on others, while sessions are stored in Hazelcast (no Redis session storage).',
  fixable: false,
  check: ({ cluster, effective }) => {
    if (!cluster.release) return [];
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
  },
};
