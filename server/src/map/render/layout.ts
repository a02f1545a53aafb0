// Places the map's boxes and routes its edges with dagre (a layered layout), loaded on first use only.
// dagre (@dagrejs, maintained, MIT, pure JavaScript) lays out compound graphs, which the cluster regions are,
// synchronously and in 50 KB bundled; elkjs does the same in about 1.5 MB and only asynchronously.
import type * as Dagre from '@dagrejs/dagre';
import { ClusterGraph } from '../graph';
import { addressLines, clusterLabel, edgeLabel, mapLabel, nodeLines } from './labels';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  points: Array<{ x: number; y: number }>;
  /** Where its label goes. */
  label?: { x: number; y: number };
}

export interface Layout {
  width: number;
  height: number;
  /** Top-left corners and sizes by element id: nodes, balancers, addresses, maps and cluster regions. */
  boxes: Map<string, Box>;
  edges: Map<string, PlacedEdge>;
}

/** Text metrics of the pictures: a 12 px sans-serif line, about this wide per character. */
export const LINE_HEIGHT = 15;
export const CHAR_WIDTH = 7;
export const PADDING = 8;
/** Room above a region's boxes for its title. */
export const REGION_TITLE = 22;
const MARGIN = 16;

export function textBox(lines: readonly string[]): { width: number; height: number } {
  return {
    width: Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH + 2 * PADDING,
    height: lines.length * LINE_HEIGHT + 2 * PADDING,
  };
}

/** The extra line a box gets for its findings badge. */
const BADGE_ROOM = 18;

export function layoutGraph(graph: ClusterGraph): Layout {
  // Required here, not at the top: the CLI and the server load the layout code only when a picture is drawn.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dagre = require('@dagrejs/dagre') as typeof Dagre;
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, edgesep: 24 + REGION_TITLE, marginx: MARGIN, marginy: MARGIN + REGION_TITLE });
  const box = (id: string, lines: readonly string[], parent?: string | null) => {
    const size = textBox(lines);
    g.setNode(id, { width: size.width + BADGE_ROOM, height: size.height });
    if (parent) g.setParent(id, parent);
  };
  for (const cluster of graph.clusters) {
    if (!cluster.nodes.length && !cluster.maps.length) continue;
    g.setNode(cluster.id, {});
  }
  for (const n of graph.nodes) box(n.id, nodeLines(n), n.cluster);
  for (const m of graph.maps) box(m.id, [mapLabel(m)], m.cluster);
  for (const b of graph.balancers) box(b.id, [b.name]);
  for (const a of graph.addresses) box(a.id, addressLines(a));
  for (const e of graph.edges) {
    const label = edgeLabel(e);
    g.setEdge(e.from, e.to, label ? { width: label.length * CHAR_WIDTH, height: LINE_HEIGHT, labelpos: 'c' } : {}, e.id);
  }
  dagre.layout(g);

  const boxes = new Map<string, Box>();
  for (const id of g.nodes()) {
    const placed = g.node(id);
    if (placed.x === undefined || placed.width === undefined) continue;
    const isRegion = g.children(id).length > 0;
    const top = placed.y - placed.height / 2 - (isRegion ? REGION_TITLE : 0);
    boxes.set(id, { x: placed.x - placed.width / 2, y: top, width: placed.width, height: placed.height + (isRegion ? REGION_TITLE : 0) });
  }
  // A region is at least as wide as its title.
  for (const cluster of graph.clusters) {
    const region = boxes.get(cluster.id);
    if (region) region.width = Math.max(region.width, clusterLabel(cluster).length * CHAR_WIDTH + 2 * PADDING + BADGE_ROOM);
  }
  const edges = new Map<string, PlacedEdge>();
  for (const e of graph.edges) {
    const placed = g.edge({ v: e.from, w: e.to, name: e.id });
    if (!placed?.points) continue;
    edges.set(e.id, {
      points: placed.points,
      ...(placed.x !== undefined && placed.y !== undefined ? { label: { x: placed.x, y: placed.y } } : {}),
    });
  }
  let width = g.graph().width ?? 0;
  let height = g.graph().height ?? 0;
  for (const b of boxes.values()) {
    width = Math.max(width, b.x + b.width + MARGIN);
    height = Math.max(height, b.y + b.height + MARGIN);
  }
  return { width: Math.ceil(width), height: Math.ceil(height), boxes, edges };
}
