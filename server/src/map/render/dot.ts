// The graph in Graphviz's DOT language.
import { ClusterGraph } from '../graph';
import { addressLines, clusterLabel, edgeLabel, findingCounts, findingsByTarget, mapLabel, nodeLines, worst } from './labels';

const COLOUR = { error: '#d32f2f', warning: '#f9a825', information: '#1976d2', hint: '#757575' } as const;

/** A DOT string: quotes and backslashes escaped, lines joined by \n. */
function quoted(lines: readonly string[]): string {
  return `"${lines.map((l) => l.replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\n')}"`;
}

export function renderDot(graph: ClusterGraph): string {
  const findings = findingsByTarget(graph);
  const label = (id: string, lines: string[]) => {
    const list = findings.get(id);
    return quoted(list?.length ? [...lines, `! ${findingCounts(list)}`] : lines);
  };
  const colour = (id: string) => {
    const severity = worst(findings.get(id));
    return severity ? `, color=${quoted([COLOUR[severity]])}, penwidth=2` : '';
  };
  const tooltip = (id: string) => {
    const list = findings.get(id);
    return list?.length ? `, tooltip=${quoted(list.map((f) => `${f.severity} ${f.rule}: ${f.message}`))}` : '';
  };
  const out = ['digraph "cluster map" {', '  rankdir=LR;', '  node [shape=box, style=rounded, fontname="Helvetica"];'];
  const node = (id: string, indent: string) => {
    const n = graph.nodes.find((x) => x.id === id)!;
    const style = n.hazelcast === 'unknown' ? ', style="rounded,dashed"' : '';
    out.push(`${indent}${quoted([id])} [label=${label(id, nodeLines(n))}${style}${colour(id)}${tooltip(id)}];`);
  };
  graph.clusters.forEach((cluster, i) => {
    out.push(`  subgraph cluster_${i} {`, `    label=${label(cluster.id, [clusterLabel(cluster)])};`);
    const severity = worst(findings.get(cluster.id));
    if (severity) out.push(`    color=${quoted([COLOUR[severity]])}; penwidth=2;`);
    for (const id of cluster.nodes) node(id, '    ');
    for (const id of cluster.maps) {
      const map = graph.maps.find((m) => m.id === id)!;
      out.push(`    ${quoted([id])} [shape=cylinder, label=${label(id, [mapLabel(map)])}${colour(id)}${tooltip(id)}];`);
    }
    out.push('  }');
  });
  for (const n of graph.nodes) if (n.cluster === null) node(n.id, '  ');
  for (const b of graph.balancers)
    out.push(`  ${quoted([b.id])} [shape=hexagon, label=${label(b.id, [b.name])}${colour(b.id)}${tooltip(b.id)}];`);
  for (const a of graph.addresses) out.push(`  ${quoted([a.id])} [shape=note, style=dashed, label=${quoted(addressLines(a))}];`);
  for (const e of graph.edges) {
    const attrs = [`label=${quoted([edgeLabel(e)])}`];
    if (e.kind === 'member') attrs.push('color="#607d8b"');
    if (e.dangling || e.inactive) attrs.push('style=dashed');
    if (e.fault) attrs.push(`color=${quoted([COLOUR.error])}`, 'penwidth=2');
    out.push(`  ${quoted([e.from])} -> ${quoted([e.to])} [${attrs.join(', ')}${tooltip(e.id)}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
