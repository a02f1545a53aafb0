import { HAZELCAST, isBridgePackage } from '../../catalog/hazelcastVersions';
import { OxNode } from '../../model/node';
import { installedOxPackages } from '../../model/packages/nodeVersion';
import { compareOxVersions, formatOxVersion, parseOxVersion } from '../../util/versions';
import { CrossRule, PlacedFinding } from '../crossRule';
import { versionWords } from '../versionSupport';
import { nodeAnchor } from './helpers';

const REMOVED_IN = parseOxVersion(HAZELCAST.bridgePackagesRemovedIn.version)!;

/**
 * A bridge package left on a node after the upgrade it served: every other node of the cluster runs the
 * node's version, or the node runs a version from which OX no longer ships bridge packages.
 */
export const upgradePackageLeftRule: CrossRule = {
  id: 'upgrade-package-left',
  scope: 'cluster',
  defaultSeverity: 'warning',
  title:
    'An open-xchange-cluster-upgrade-from-* package is still installed on a node although every other node runs its OX version, or the node runs 8.11 or later, where OX no longer ships these packages.',
  fixable: false,
  check: ({ cluster }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      if (!node.packages || !node.oxVersion) continue;
      const bridges = installedOxPackages(node.packages).filter((p) => isBridgePackage(p.name));
      if (!bridges.length) continue;
      const anchor = nodeAnchor(node);
      if (!anchor) continue;
      const version = node.oxVersion.version;
      const others = cluster.nodes.filter((n): n is OxNode & Required<Pick<OxNode, 'oxVersion'>> => n !== node && !!n.oxVersion);
      const removed = compareOxVersions(version, REMOVED_IN) >= 0;
      const same = others.length > 0 && others.every((n) => compareOxVersions(n.oxVersion.version, version) === 0);
      if (!removed && !same) continue;
      for (const bridge of bridges) {
        const installed = `${bridge.name} ${bridge.raw} is still installed on this node, which runs ${versionWords(node.oxVersion)}`;
        const message = removed
          ? `${installed}. OX removed the cluster upgrade packages in ${formatOxVersion(REMOVED_IN)}, so it is left over from an earlier upgrade. Remove it.`
          : `${installed}, as do ${others.map((n) => n.name).join(', ')}: the rolling upgrade it bridged is over. Remove it once the update tasks have run.`;
        out.push({ doc: anchor.doc, finding: { ...anchor.span, message } });
      }
    }
    return out;
  },
};
