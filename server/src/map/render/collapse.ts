// Which regions a picture of a large map draws as one box with a count: rendering only, the graph keeps all.
import { ClusterGraph, GraphCluster } from '../graph';
import { counted, findingsByTarget } from './labels';

/** Maps with more nodes than this draw quiet regions collapsed. */
export const COLLAPSE_ABOVE = 40;

/** `all`: every region open; else the names or ids of regions to open besides those the rule keeps open. */
export type Expand = 'all' | readonly string[];

/** The elements of a region: itself, its member nodes, its maps and the edges to or from them. */
export function regionElements(graph: ClusterGraph, cluster: GraphCluster): string[] {
  const inside = new Set([...cluster.nodes, ...cluster.maps]);
  const edges = graph.edges.filter((e) => inside.has(e.from) || inside.has(e.to)).map((e) => e.id);
  return [cluster.id, ...inside, ...edges];
}

/**
 * The ids of the regions drawn collapsed: none when the map has at most COLLAPSE_ABOVE nodes; else each region
 * with members where no error or warning sits (on it, its nodes, maps or their edges) and that `expand` does not
 * name. A viewer's search opens those that hold a match.
 */
export function collapsedRegions(graph: ClusterGraph, expand: Expand = []): Set<string> {
  const out = new Set<string>();
  if (expand === 'all' || graph.nodes.length <= COLLAPSE_ABOVE) return out;
  const findings = findingsByTarget(graph);
  const loud = (id: string) => findings.get(id)?.some((f) => f.severity === 'error' || f.severity === 'warning') ?? false;
  for (const cluster of graph.clusters) {
    if (!cluster.nodes.length || expand.includes(cluster.name) || expand.includes(cluster.id)) continue;
    if (!regionElements(graph, cluster).some(loud)) out.add(cluster.id);
  }
  return out;
}

/** The second line of a collapsed region's box: `node1…: 10 nodes, 3 findings`. */
export function collapsedLine(graph: ClusterGraph, cluster: GraphCluster): string {
  const first = graph.nodes.find((n) => n.id === cluster.nodes[0])?.name ?? '';
  const ids = new Set(regionElements(graph, cluster));
  const findings = graph.findings.filter((f) => ids.has(f.target)).length;
  const n = cluster.nodes.length;
  return `${first}${n > 1 ? '…' : ''}: ${counted(n, 'node')}, ${counted(findings, 'finding')}`;
}
