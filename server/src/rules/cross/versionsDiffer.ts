import { hazelcastLine, upgradeHop } from '../../catalog/hazelcastVersions';
import { OxNode } from '../../model/node';
import { compareOxVersions, formatOxVersion, OxVersion } from '../../util/versions';
import { CrossRule, PlacedFinding } from '../crossRule';
import { versionWords } from '../versionSupport';
import { nodeAnchor } from './helpers';

/** The nodes of a cluster by OX version, most common version first (the newer one on a tie). */
function byVersion(nodes: readonly OxNode[]): Array<{ version: OxVersion; nodes: OxNode[] }> {
  const groups: Array<{ version: OxVersion; nodes: OxNode[] }> = [];
  for (const node of nodes) {
    const version = node.oxVersion?.version;
    if (!version) continue;
    const group = groups.find((g) => compareOxVersions(g.version, version) === 0);
    if (group) group.nodes.push(node);
    else groups.push({ version, nodes: [node] });
  }
  return groups.sort((a, b) => b.nodes.length - a.nodes.length || compareOxVersions(b.version, a.version));
}

const names = (nodes: readonly OxNode[]) => nodes.map((n) => n.name).join(', ');
const withLine = (v: OxVersion) => {
  const line = hazelcastLine(v).line;
  return line ? `${formatOxVersion(v)} (Hazelcast ${line})` : formatOxVersion(v);
};

/** Nodes of one cluster run different OX versions: a rolling upgrade, or one that splits the Hazelcast cluster. */
export const versionsDifferRule: CrossRule = {
  id: 'versions-differ',
  scope: 'cluster',
  defaultSeverity: 'warning',
  title:
    'Nodes of one cluster run different OX versions: information while a rolling upgrade keeps one Hazelcast cluster, a warning when the Hazelcast line differs and the upgraded nodes form a cluster of their own.',
  fixable: false,
  check: ({ cluster }) => {
    const groups = byVersion(cluster.nodes);
    if (groups.length < 2) return [];
    const [main, ...others] = groups;
    const out: PlacedFinding[] = [];
    for (const group of others) {
      const [older, newer] =
        compareOxVersions(group.version, main.version) < 0 ? [group.version, main.version] : [main.version, group.version];
      const hop = upgradeHop(older, newer);
      const rest = `${names(main.nodes)} ${main.nodes.length === 1 ? 'runs' : 'run'} ${withLine(main.version)}`;
      for (const node of group.nodes) {
        const anchor = nodeAnchor(node);
        if (!anchor) continue;
        const runs = `This node runs ${versionWords(node.oxVersion!)}, while ${rest}`;
        let message: string;
        let severity: 'information' | undefined = 'information';
        if (hop.splits) {
          severity = undefined;
          const bridgedBy = hop.bridge ? cluster.nodes.filter((n) => n.packages?.installed.some((p) => p.name === hop.bridge)) : [];
          const bridge = !hop.bridge
            ? ''
            : bridgedBy.length
              ? ` ${hop.bridge}, installed on ${names(bridgedBy)}, keeps the old cluster's caches informed meanwhile.`
              : ` During the upgrade, ${hop.bridge} on the first upgraded node keeps the old cluster's caches informed.`;
          message = `${runs}: Hazelcast ${hop.fromLine} and ${hop.toLine} do not join one cluster, so the nodes on ${formatOxVersion(newer)} form a cluster of their own and distributed sessions and cache events do not reach the others until every node runs it.${bridge}`;
        } else if (hop.splits === false) {
          message = `${runs}: both bundle Hazelcast ${hop.fromLine}, so a rolling upgrade keeps one cluster. Finish it, so that every node runs the same version.`;
        } else {
          const unknown = [older, newer]
            .filter((v) => !hazelcastLine(v).line)
            .map(formatOxVersion)
            .join(' and ');
          message = `${runs}. Which Hazelcast line ${unknown} bundles is not documented in the facts we hold, so whether the nodes still form one cluster cannot be told.`;
        }
        out.push({ doc: anchor.doc, finding: { ...anchor.span, message, ...(severity ? { severity } : {}) } });
      }
    }
    return out;
  },
};
