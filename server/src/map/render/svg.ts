// The graph as an SVG picture: regions for clusters, boxes for nodes, balancers, maps and unknown addresses,
// edges for member lists and routes, and a badge on each element with findings (their messages on hover).
import { ClusterGraph, FindingSeverity, GraphCluster, GraphFinding, GraphSource } from '../graph';
import { collapsedLine, collapsedRegions, Expand } from './collapse';
import { addressLines, clusterLabel, counted, edgeLabel, findingCounts, findingsByTarget, mapLabel, nodeLines, worst } from './labels';
import { Box, layoutGraph, LINE_HEIGHT, PADDING } from './layout';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
.map { font: 12px sans-serif; fill: #212121; }
.region { fill: #f5f7fa; stroke: #90a4ae; }
.region-title { font-weight: bold; }
.box { fill: #ffffff; stroke: #546e7a; }
.node-lite .box { stroke-dasharray: 4 2; }
.node-apart .box { fill: #eeeeee; }
.node-unknown .box { fill: #fafafa; stroke-dasharray: 8 3 2 3; }
.balancer .box { fill: #e3f2fd; stroke: #1976d2; }
.address .box { fill: #fff8e1; stroke: #ff8f00; stroke-dasharray: 3 3; }
.map-box .box { fill: #f3e5f5; stroke: #7b1fa2; }
.edge { fill: none; stroke-width: 1.5; }
.edge-member { stroke: #78909c; }
.edge-route { stroke: #1976d2; }
.edge-dangling, .edge-inactive { stroke-dasharray: 5 3; }
.edge-fault { stroke: #d32f2f; stroke-width: 2.5; }
.edge-label { font-size: 11px; fill: #37474f; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }
.badge-error { fill: #d32f2f; } .badge-warning { fill: #f9a825; } .badge-information { fill: #1976d2; } .badge-hint { fill: #757575; }
.badge-text { fill: #ffffff; font-size: 10px; font-weight: bold; }
.has-error > .box, .has-error > .region { stroke: #d32f2f; stroke-width: 2; }
.has-warning > .box, .has-warning > .region { stroke: #f9a825; stroke-width: 2; }
`;

/** Only in pictures with collapsed regions: a panel shows when a viewer's script adds `open` to it. */
const COLLAPSE_STYLE = `.cluster-collapsed, .panel-region { cursor: pointer; }
.panel { display: none; }
.panel.open { display: inline; }
.panel-region .region { fill: #eceff1; stroke: #455a64; stroke-width: 2; }
`;

export interface SvgOptions {
  /** A file URI as the reader knows it (a path relative to the current folder): written as `data-file` instead of `data-uri`. */
  display?: (uri: string) => string;
  /** Regions to draw open although a large map collapses them (see collapse.ts). */
  expand?: Expand;
}

/** The hover text of an element: its words, then each finding with its rule id. */
function title(lines: readonly string[], findings: readonly GraphFinding[] | undefined): string {
  const all = [...lines, ...(findings ?? []).map((f) => `${f.severity} ${f.rule}: ${f.message}`)];
  return `<title>${escapeXml(all.join('\n'))}</title>`;
}

function badge(at: { x: number; y: number }, severity: FindingSeverity | undefined, count: number): string {
  if (!severity) return '';
  return `<circle class="badge-${severity}" cx="${at.x}" cy="${at.y}" r="8"/><text class="badge-text" x="${at.x}" y="${at.y + 3.5}" text-anchor="middle">${count}</text>`;
}

function textLines(lines: readonly string[], box: Box, bold = 0): string {
  return lines
    .map((l, i) => {
      const y = box.y + PADDING + LINE_HEIGHT * (i + 1) - 3;
      return `<text x="${box.x + PADDING}" y="${y}"${i < bold ? ' font-weight="bold"' : ''}>${escapeXml(l)}</text>`;
    })
    .join('');
}

const n = (v: number) => Math.round(v * 10) / 10;

export function renderSvg(graph: ClusterGraph, options: SvgOptions = {}): string {
  const { display } = options;
  /** Where a click leads: the file and line that set the element. */
  const sourceAttributes = (source: GraphSource | null) => {
    if (!source) return '';
    const file = display ? ` data-file="${escapeXml(display(source.uri))}"` : ` data-uri="${escapeXml(source.uri)}"`;
    return `${file} data-line="${source.line}"`;
  };
  const collapsed = collapsedRegions(graph, options.expand);
  const layout = layoutGraph(graph, collapsed);
  const findings = findingsByTarget(graph);
  // What a collapsed region holds is drawn in its panel, after (over) the rest of the picture.
  const out: string[] = [];
  const panels = new Map<string, string[]>();
  const hiddenIn = new Map<string, string>();
  for (const c of graph.clusters) {
    if (!collapsed.has(c.id)) continue;
    panels.set(c.id, []);
    for (const id of [...c.nodes, ...c.maps]) hiddenIn.set(id, c.id);
  }
  const into = (...ids: string[]) => {
    const region = hiddenIn.get(ids[0]);
    return region !== undefined && ids.every((id) => hiddenIn.get(id) === region) ? panels.get(region)! : out;
  };
  const element = (id: string, kind: string, lines: readonly string[], source: GraphSource | null, boldLines = 1) => {
    const box = layout.boxes.get(id);
    if (!box) return;
    const list = findings.get(id);
    const severity = worst(list);
    into(id).push(
      `<g id="${escapeXml(id)}" class="${kind}${severity ? ` has-${severity}` : ''}"${sourceAttributes(source)} tabindex="0" role="button" aria-label="${escapeXml(lines[0])}">`,
      title(lines, list),
      `<rect class="box" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="6"/>`,
      textLines(lines, box, boldLines),
      badge({ x: n(box.x + box.width - 10), y: n(box.y + 10) }, severity, list?.length ?? 0),
      '</g>',
    );
  };
  /** A region's frame: its title, its findings' badge; `lines` below the title when collapsed. */
  const region = (cluster: GraphCluster, box: Box, id: string | null, kind: string, extra: string, lines: readonly string[] = []) => {
    const list = findings.get(cluster.id);
    const severity = worst(list);
    const label = clusterLabel(cluster);
    const name = escapeXml(lines.length ? `${label}: ${lines.join(', ')}` : label);
    return [
      `<g${id === null ? '' : ` id="${escapeXml(id)}"`} class="${kind}${severity ? ` has-${severity}` : ''}"${sourceAttributes(cluster.source)} tabindex="0" role="${lines.length ? 'button' : 'group'}" aria-label="${name}"${extra}>`,
      title([label, ...lines, ...(list?.length ? [findingCounts(list)] : [])], list),
      `<rect class="region" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="10"/>`,
      `<text class="region-title" x="${n(box.x + PADDING)}" y="${n(box.y + 16)}">${escapeXml(label)}</text>`,
      ...lines.map((l, i) => `<text x="${n(box.x + PADDING)}" y="${n(box.y + 16 + LINE_HEIGHT * (i + 1))}">${escapeXml(l)}</text>`),
      badge({ x: n(box.x + box.width - 12), y: n(box.y + 12) }, severity, list?.length ?? 0),
      '</g>',
    ].join('\n');
  };
  for (const cluster of graph.clusters) {
    const box = layout.boxes.get(cluster.id);
    if (!box) continue;
    const panel = layout.panels.get(cluster.id);
    if (!panel) {
      out.push(region(cluster, box, cluster.id, 'cluster', ''));
      continue;
    }
    const id = escapeXml(cluster.id);
    out.push(
      region(cluster, box, cluster.id, 'cluster cluster-collapsed', ` data-expands="panel:${id}" aria-expanded="false"`, [
        collapsedLine(graph, cluster),
      ]),
    );
    panels.get(cluster.id)!.unshift(region(cluster, panel, null, 'cluster panel-region', ` data-collapses="${id}"`));
  }
  for (const e of graph.edges) {
    const placed = layout.edges.get(e.id);
    if (!placed) continue;
    const classes = [
      'edge',
      `edge-${e.kind}`,
      e.dangling ? 'edge-dangling' : '',
      e.inactive ? 'edge-inactive' : '',
      e.fault ? 'edge-fault' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const list = findings.get(e.id);
    // An edge to a collapsed region's box is one of a bundle: its label and badge are in its hover text only.
    const bundled = into(e.from, e.to) === out && (hiddenIn.has(e.from) || hiddenIn.has(e.to));
    const label = bundled ? '' : edgeLabel(e);
    const d = placed.curved
      ? `M${n(placed.points[0].x)},${n(placed.points[0].y)} Q${placed.points
          .slice(1)
          .map((p) => `${n(p.x)},${n(p.y)}`)
          .join(' ')}`
      : placed.points.map((p, i) => `${i ? 'L' : 'M'}${n(p.x)},${n(p.y)}`).join(' ');
    into(e.from, e.to).push(
      `<g id="${escapeXml(e.id)}"${sourceAttributes(e.source)}${list?.length ? ` class="has-${worst(list)}"` : ''}>`,
      title([`${e.kind} ${e.from} → ${e.to}`, ...(edgeLabel(e) ? [edgeLabel(e)] : [])], list),
      `<path class="${classes}" d="${d}" marker-end="url(#arrow)"/>`,
      label && placed.label
        ? `<text class="edge-label" x="${n(placed.label.x)}" y="${n(placed.label.y + 4)}" text-anchor="middle">${escapeXml(label)}</text>`
        : '',
      list?.length && placed.label && !bundled
        ? badge({ x: n(placed.label.x + (label.length * 7) / 2 + 10), y: n(placed.label.y) }, worst(list), list.length)
        : '',
      '</g>',
    );
  }
  for (const node of graph.nodes) {
    const kind = `node node-${node.member ?? (node.hazelcast === 'unknown' ? 'unknown' : 'apart')}`;
    element(node.id, kind, nodeLines(node), node.source);
  }
  for (const map of graph.maps) element(map.id, 'map-box', [mapLabel(map)], map.source);
  for (const b of graph.balancers) element(b.id, 'balancer', [b.name], b.source);
  for (const a of graph.addresses) element(a.id, 'address', addressLines(a), null);
  for (const [id, content] of panels) out.push(`<g id="panel:${escapeXml(id)}" class="panel">`, ...content, '</g>');
  const summary = `Cluster map: ${counted(graph.clusters.length, 'cluster')}, ${counted(graph.nodes.length, 'node')}, ${counted(graph.findings.length, 'finding')}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="map" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${escapeXml(summary)}">`,
    `<title>${escapeXml(summary)}</title>`,
    `<style>${STYLE}${panels.size ? COLLAPSE_STYLE : ''}</style>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#546e7a"/></marker></defs>',
    `<rect class="background" width="100%" height="100%" fill="#ffffff"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}
