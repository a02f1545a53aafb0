import { staticHosts } from '../values/addresses';
import { EffectiveConfig } from './effective';
import { matchesGlob } from '../util/glob';
import { OxCluster, OxNode } from './node';
import type { DeclaredVersion } from './packages/nodeVersion';
import { baseName, parentUri, relativeUri } from '../util/uris';

import { STATIC_NODES } from '../catalog/oxKeys';

/** A cluster declared in settings or on the command line: nodes by path or glob, relative to `root`. */
export interface DeclaredCluster {
  name: string;
  nodes: string[];
  root?: string;
  /** The OX version of the cluster's nodes, when declared. */
  oxVersion?: DeclaredVersion;
}

/** The folder whose node folders form one cluster: the parent, or the grandparent above `etc`/`conf`. */
function groupFolder(node: OxNode): string {
  const name = baseName(node.uri);
  const parent = parentUri(node.uri);
  return name === 'etc' || name === 'conf' ? parentUri(parent) : parent;
}

/**
 * Whether a node path or glob (relative to `root`, when given) names the node folder or the folder holding it.
 * A configuration's patterns name only nodes below its own folder.
 */
export function matchesNodePatterns(node: OxNode, patterns: readonly string[], root: string | undefined): boolean {
  if (root && !node.uri.startsWith(root.endsWith('/') ? root : `${root}/`)) return false;
  const candidates = [node.uri, parentUri(node.uri)].map((u) => (root ? relativeUri(root, u) : u));
  return patterns.some((pattern) => {
    const clean = pattern.replace(/^\.\//, '').replace(/\/$/, '');
    return candidates.some((c) => c === clean || matchesGlob(c, clean));
  });
}

/** The declared cluster a node belongs to: the first that lists it. */
export function declaredClusterOf(node: OxNode, declared: readonly DeclaredCluster[]): DeclaredCluster | undefined {
  return declared.find((d) => matchesNodePatterns(node, d.nodes, d.root));
}

/**
 * Groups nodes into clusters: declared clusters win; the other nodes are one cluster when they share a
 * group folder or their static node lists overlap; each node template is a cluster of its own.
 */
export function buildClusters(
  nodes: readonly OxNode[],
  effective: (node: OxNode) => EffectiveConfig,
  declared: readonly DeclaredCluster[] = [],
): OxCluster[] {
  const clusters: OxCluster[] = [];
  const assigned = new Set<OxNode>();
  // A node template is no member of any cluster (what it renders onto which hosts is not known here): each
  // is a cluster of its own, after the others.
  const templates = nodes.filter((n) => n.template);
  templates.forEach((n) => assigned.add(n));
  for (const d of declared) {
    const members = nodes.filter((n) => !assigned.has(n) && matchesNodePatterns(n, d.nodes, d.root));
    members.forEach((n) => assigned.add(n));
    if (members.length) clusters.push({ name: d.name, nodes: members });
  }
  const rest = nodes.filter((n) => !assigned.has(n));
  const parent = rest.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byFolder = new Map<string, number>();
  const byHost = new Map<string, number>();
  rest.forEach((node, i) => {
    const folder = groupFolder(node);
    const seen = byFolder.get(folder);
    if (seen === undefined) byFolder.set(folder, i);
    else union(seen, i);
    const list = effective(node).get(STATIC_NODES);
    if (!list.source) return;
    for (const host of staticHosts(list.value ?? '')) {
      const other = byHost.get(host);
      if (other === undefined) byHost.set(host, i);
      else union(other, i);
    }
  });
  const groups = new Map<number, OxNode[]>();
  rest.forEach((node, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(node);
    else groups.set(root, [node]);
  });
  for (const members of groups.values()) clusters.push({ name: baseName(groupFolder(members[0])), nodes: members });
  for (const node of templates) clusters.push({ name: node.name, nodes: [node], template: true });
  return clusters;
}
