// The graph as a Mermaid flowchart, to paste into a README or a merge request.
import { ClusterGraph } from '../graph';
import { addressLines, clusterLabel, edgeLabel, findingCounts, findingsByTarget, mapLabel, nodeLines, worst } from './labels';

/** Mermaid's text in quotes: `"` and `#` as entities, line breaks as <br>. */
function text(lines: readonly string[]): string {
  return `"${lines.map((l) => l.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;')).join('<br>')}"`;
}

export function renderMermaid(graph: ClusterGraph): string {
  const ids = new Map<string, string>();
  const short = (id: string, prefix: string) => {
    let s = ids.get(id);
    if (!s) ids.set(id, (s = `${prefix}${ids.size + 1}`));
    return s;
  };
  const findings = findingsByTarget(graph);
  const withFindings = (id: string, lines: string[]) => {
    const list = findings.get(id);
    return list?.length ? [...lines, `⚠ ${findingCounts(list)}`] : lines;
  };
  const out = ['flowchart LR'];
  const classes: string[] = [];
  const mark = (id: string, short: string) => {
    const severity = worst(findings.get(id));
    if (severity === 'error' || severity === 'warning') classes.push(`  class ${short} ${severity}`);
  };
  const node = (id: string, indent: string) => {
    const n = graph.nodes.find((x) => x.id === id)!;
    const s = short(id, 'n');
    out.push(`${indent}${s}[${text(withFindings(id, nodeLines(n)))}]`);
    mark(id, s);
    if (n.hazelcast === 'unknown') classes.push(`  class ${s} unknown`);
  };
  for (const cluster of graph.clusters) {
    const s = short(cluster.id, 'c');
    out.push(`  subgraph ${s}[${text(withFindings(cluster.id, [clusterLabel(cluster)]))}]`);
    for (const id of cluster.nodes) node(id, '    ');
    for (const mapId of cluster.maps) {
      const map = graph.maps.find((m) => m.id === mapId)!;
      const m = short(mapId, 'm');
      out.push(`    ${m}[(${text(withFindings(mapId, [mapLabel(map)]))})]`);
      mark(mapId, m);
    }
    out.push('  end');
    mark(cluster.id, s);
  }
  for (const n of graph.nodes) if (n.cluster === null) node(n.id, '  ');
  for (const b of graph.balancers) {
    const s = short(b.id, 'b');
    out.push(`  ${s}{{${text(withFindings(b.id, [b.name]))}}}`);
    mark(b.id, s);
  }
  for (const a of graph.addresses) out.push(`  ${short(a.id, 'a')}>${text(addressLines(a))}]`);
  const faults: number[] = [];
  graph.edges.forEach((e, i) => {
    const label = edgeLabel(e);
    const arrow = e.kind === 'member' ? (e.dangling ? '-.->' : '-->') : e.inactive ? '-.->' : '==>';
    out.push(`  ${ids.get(e.from)} ${arrow}${label ? `|${text([label])}|` : ''} ${ids.get(e.to)}`);
    if (e.fault || e.dangling || findings.has(e.id)) faults.push(i);
  });
  out.push('  classDef error stroke:#d32f2f,stroke-width:3px', '  classDef warning stroke:#f9a825,stroke-width:3px');
  if (graph.nodes.some((n) => n.hazelcast === 'unknown')) out.push('  classDef unknown stroke-dasharray:6');
  out.push(...classes);
  if (faults.length) out.push(`  linkStyle ${faults.join(',')} stroke:#d32f2f,stroke-width:2px`);
  return `${out.join('\n')}\n`;
}
