// The words every picture of the map shows for an element, so the formats agree.
import { ClusterGraph, FindingSeverity, GraphAddress, GraphCluster, GraphFinding, GraphMap, GraphNode } from '../graph';

const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The line of a node whose com.openexchange.hazelcast.enabled a template fills in. */
export const UNKNOWN_HAZELCAST = 'Hazelcast: set by template';

/** A node's box: its name, then join mode and member kind, route, OX version, pods. */
export function nodeLines(node: GraphNode): string[] {
  const lines = [node.upgradeNode ? `${node.name} (upgrade node)` : node.name];
  lines.push(
    node.member ? `${node.member} member · join ${node.join ?? '?'}` : node.hazelcast === 'unknown' ? UNKNOWN_HAZELCAST : 'no Hazelcast',
  );
  if (node.route !== null) lines.push(`route ${node.route}${node.routeDefault ? ' (default)' : ''}`);
  if (node.oxVersion) lines.push(`OX ${node.oxVersion}${node.packages !== null ? ` · ${node.packages} packages` : ''}`);
  if (node.replicas !== undefined) lines.push(`${node.replicas ?? '?'} pod${node.replicas === 1 ? '' : 's'}`);
  return lines;
}

/** An address's box: the address, then `no node` or how many nodes' interfaces patterns cover it. */
export function addressLines(address: GraphAddress): string[] {
  return [address.address, address.candidates.length ? `one of ${address.candidates.length} nodes (interfaces)` : 'no node'];
}

export function clusterLabel(cluster: GraphCluster): string {
  const members = cluster.fullMembers === null ? '? members' : `${cluster.fullMembers} full, ${cluster.liteMembers} lite`;
  const group = cluster.groupName && cluster.groupName !== cluster.name ? ` · group ${cluster.groupName}` : '';
  return `${cluster.edition === 'kubernetes' ? 'release' : 'cluster'} ${cluster.name}${group} · ${members}`;
}

/** `sessions: 2 copies / 3 full`: what a map keeps against the members it has. */
export function mapLabel(map: GraphMap): string {
  const full = map.fullMembers === null ? '?' : String(map.fullMembers);
  return `map ${map.name}: backup ${map.backupCount} + async ${map.asyncBackupCount} = ${map.copies} copies / ${full} full${map.varies ? ' (varies)' : ''}`;
}

/** The findings of each target, most severe first. */
export function findingsByTarget(graph: ClusterGraph): Map<string, GraphFinding[]> {
  const out = new Map<string, GraphFinding[]>();
  for (const f of graph.findings) out.set(f.target, [...(out.get(f.target) ?? []), f]);
  for (const list of out.values()) list.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  return out;
}

export function worst(findings: readonly GraphFinding[] | undefined): FindingSeverity | undefined {
  return findings?.[0]?.severity;
}

/** `2 errors, 1 warning`. */
export function findingCounts(findings: readonly GraphFinding[]): string {
  const counts = new Map<FindingSeverity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => RANK[a] - RANK[b])
    .map(([s, n]) => `${n} ${s === 'information' ? 'info' : s}${n === 1 || s === 'information' ? '' : 's'}`)
    .join(', ');
}

/** `1 node`, `3 nodes`. */
export function counted(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** An edge's label: the route it carries and its fault. */
export function edgeLabel(edge: { kind: string; route?: string | null; fault?: string; inactive?: boolean }): string {
  if (edge.kind !== 'route') return '';
  const parts = [edge.route ?? 'no route'];
  if (edge.fault) parts.push(edge.fault);
  if (edge.inactive) parts.push('disabled');
  return parts.join(' · ');
}
