// Places the map's boxes and routes its edges with dagre (a layered layout), loaded on first use only.
// dagre (@dagrejs, maintained, MIT, pure JavaScript) is synchronous and 50 KB bundled; elkjs is about 1.5 MB
// and only asynchronous. Each region's column is placed here and is one box to dagre: dagre's own compound
// layout took 0.9 s for the bench's 10 regions of 10 nodes, this takes 25 ms.
import type * as Dagre from '@dagrejs/dagre';
import { ClusterGraph, GraphEdge } from '../graph';
import { collapsedLine } from './collapse';
import { addressLines, clusterLabel, edgeLabel, mapLabel, nodeLines } from './labels';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  /** A polyline; with `curved`, the start, control and end points of one quadratic curve. */
  points: Array<{ x: number; y: number }>;
  curved?: boolean;
  /** Where its label goes. */
  label?: { x: number; y: number };
}

export interface Layout {
  width: number;
  height: number;
  /** Top-left corners and sizes by element id: nodes, balancers, addresses, maps and cluster regions. */
  boxes: Map<string, Box>;
  edges: Map<string, PlacedEdge>;
  /**
   * A collapsed region's panel by region id: the open region drawn over the picture from its box's corner. Its
   * nodes' and maps' boxes (in `boxes`) are inside it.
   */
  panels: Map<string, Box>;
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

/** Room kept on each side of a node with member arcs. */
const ARC_ROOM = 36;

/**
 * An arc from box a to box b: from the right side down, from the left side up, bowed out the further the two
 * are apart (at most ARC_ROOM); boxes side by side get a straight line between their facing sides.
 */
function arc(a: Box, b: Box): PlacedEdge {
  const [ay, by] = [a.y + a.height / 2, b.y + b.height / 2];
  if (a.x >= b.x + b.width || b.x >= a.x + a.width) {
    const aLeft = a.x > b.x;
    return {
      points: [
        { x: aLeft ? a.x : a.x + a.width, y: ay },
        { x: aLeft ? b.x + b.width : b.x, y: by },
      ],
    };
  }
  const down = by > ay;
  const x = down ? Math.max(a.x + a.width, b.x + b.width) : Math.min(a.x, b.x);
  const bow = Math.min(ARC_ROOM - 4, 10 + Math.abs(by - ay) / 12);
  // Start and end a little apart from the middle, so that a → b and b → a do not meet at the same point.
  const shift = down ? -5 : 5;
  return {
    points: [
      { x: down ? a.x + a.width : a.x, y: ay + shift },
      { x: x + (down ? 2 * bow : -2 * bow), y: (ay + by) / 2 },
      { x: down ? b.x + b.width : b.x, y: by + shift },
    ],
    curved: true,
  };
}

/** Space between the boxes of a region's column. */
const COLUMN_GAP = 24;

type Point = { x: number; y: number };

/** `collapsed`: ids of regions laid out as one box each (see collapse.ts), with a panel for their content. */
export function layoutGraph(graph: ClusterGraph, collapsed: ReadonlySet<string> = new Set()): Layout {
  // Required here, not at the top: the CLI and the server load the layout code only when a picture is drawn.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dagre = require('@dagrejs/dagre') as typeof Dagre;
  // Member lists between nodes are left out of dagre's layout: a cluster's full mesh would put its nodes in a
  // chain of ranks (dagre took 5 s for 10 clusters of 10). Each is drawn afterwards as an arc beside the
  // region's column of boxes (downwards on the right, upwards on the left).
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const arcs = graph.edges.filter((e) => e.kind === 'member' && nodeIds.has(e.from) && nodeIds.has(e.to));
  /** The collapsed region an item is in. */
  const hiddenIn = new Map<string, string>();
  for (const c of graph.clusters) if (collapsed.has(c.id)) for (const id of [...c.nodes, ...c.maps]) hiddenIn.set(id, c.id);
  const arcIds = new Set(arcs.map((e) => e.id));
  const arcEnds = new Set(arcs.flatMap((e) => [e.from, e.to]));
  const sizes = new Map<string, { width: number; height: number }>();
  const size = (id: string, lines: readonly string[]) => {
    const text = textBox(lines);
    sizes.set(id, { width: text.width + BADGE_ROOM, height: text.height });
  };
  for (const n of graph.nodes) size(n.id, nodeLines(n));
  for (const m of graph.maps) size(m.id, [mapLabel(m)]);
  for (const b of graph.balancers) size(b.id, [b.name]);
  for (const a of graph.addresses) size(a.id, addressLines(a));

  // A region holds no edge of the layout, so it is one box to dagre: its nodes, then its maps, in a column
  // placed here, with room beside it for the arcs. Edges to its boxes are edges to the region.
  const regionOf = new Map<string, string>();
  const columns = new Map<string, { width: number; height: number; items: Array<{ id: string; dy: number }>; room: number }>();
  for (const cluster of graph.clusters) {
    const ids = [...cluster.nodes, ...cluster.maps].filter((id) => sizes.has(id));
    if (!ids.length) continue;
    const room = ids.some((id) => arcEnds.has(id)) ? ARC_ROOM : 0;
    const items: Array<{ id: string; dy: number }> = [];
    let y = REGION_TITLE + PADDING;
    for (const id of ids) {
      items.push({ id, dy: y });
      y += sizes.get(id)!.height + COLUMN_GAP;
      regionOf.set(id, cluster.id);
    }
    const inner = Math.max(...ids.map((id) => sizes.get(id)!.width));
    const title = clusterLabel(cluster).length * CHAR_WIDTH + 2 * PADDING + BADGE_ROOM;
    columns.set(cluster.id, { width: Math.max(inner + 2 * room + 4 * PADDING, title), height: y - COLUMN_GAP + 2 * PADDING, items, room });
  }

  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, edgesep: 24, marginx: MARGIN, marginy: MARGIN });
  const collapsedSize = new Map<string, { width: number; height: number }>();
  for (const c of graph.clusters) {
    if (!collapsed.has(c.id) || !columns.has(c.id)) continue;
    const text = textBox([clusterLabel(c), collapsedLine(graph, c)]);
    collapsedSize.set(c.id, { width: text.width + BADGE_ROOM, height: text.height });
  }
  for (const [id, column] of columns) g.setNode(id, collapsedSize.get(id) ?? { width: column.width, height: column.height });
  for (const [id, box] of sizes) if (!regionOf.has(id)) g.setNode(id, { ...box });
  // Edges between the same two boxes of the layout are one edge to dagre (a balancer's members into a region),
  // as wide as its widest label: parallel edges in a multigraph tangle dagre's ordering.
  const end = (id: string) => regionOf.get(id) ?? id;
  const trunk = (e: GraphEdge) => `${end(e.from)}\u0000${end(e.to)}`;
  const trunks = new Map<string, { v: string; w: string; weight: number; label: number }>();
  for (const e of graph.edges) {
    if (arcIds.has(e.id)) continue;
    const t = trunks.get(trunk(e)) ?? { v: end(e.from), w: end(e.to), weight: 0, label: 0 };
    t.weight++;
    t.label = Math.max(t.label, edgeLabel(e).length * CHAR_WIDTH);
    trunks.set(trunk(e), t);
  }
  for (const [name, t] of trunks) {
    g.setEdge(t.v, t.w, t.label ? { weight: t.weight, width: t.label, height: LINE_HEIGHT, labelpos: 'c' } : { weight: t.weight }, name);
  }
  dagre.layout(g);

  const boxes = new Map<string, Box>();
  const panels = new Map<string, Box>();
  for (const id of g.nodes()) {
    const placed = g.node(id);
    const box = { x: placed.x - placed.width / 2, y: placed.y - placed.height / 2, width: placed.width, height: placed.height };
    boxes.set(id, box);
    const column = columns.get(id);
    if (!column) continue;
    // A collapsed region's content goes in its panel, from the box's top-left corner.
    const panel = collapsed.has(id) ? { x: box.x, y: box.y, width: column.width, height: column.height } : box;
    if (panel !== box) panels.set(id, panel);
    for (const item of column.items) {
      const itemSize = sizes.get(item.id)!;
      boxes.set(item.id, { x: panel.x + panel.width / 2 - itemSize.width / 2, y: panel.y + item.dy, ...itemSize });
    }
  }
  /** Where an edge leaves or enters a box in a region: its side towards `toward`, reached level from the region's side. */
  const attach = (id: string, toward: Point): Point[] | undefined => {
    const region = regionOf.has(id) && !hiddenIn.has(id) ? boxes.get(regionOf.get(id)!)! : undefined;
    const box = boxes.get(id)!;
    if (!region) return undefined;
    const y = box.y + box.height / 2;
    const left = toward.x < box.x + box.width / 2;
    return left
      ? [
          { x: region.x, y },
          { x: box.x, y },
        ]
      : [
          { x: region.x + region.width, y },
          { x: box.x + box.width, y },
        ];
  };
  const edges = new Map<string, PlacedEdge>();
  for (const e of graph.edges) {
    if (arcIds.has(e.id)) continue;
    const placed = g.edge({ v: end(e.from), w: end(e.to), name: trunk(e) });
    if (!placed?.points) continue;
    let points: Point[] = placed.points;
    const into = attach(e.to, points[points.length - 2] ?? points[0]);
    if (into) points = [...points.slice(0, -1), ...into];
    const out = attach(e.from, points[1] ?? points[0]);
    if (out) points = [...out.reverse(), ...points.slice(1)];
    // The label halfway along the edge's own approach to a region, else where dagre put the trunk's.
    const approach = into ? [points[points.length - 3], points[points.length - 2]] : undefined;
    const label =
      approach?.[0] && approach[1]
        ? { x: (approach[0].x + approach[1].x) / 2, y: (approach[0].y + approach[1].y) / 2 }
        : placed.x !== undefined && placed.y !== undefined
          ? { x: placed.x, y: placed.y }
          : undefined;
    edges.set(e.id, { points, ...(label ? { label } : {}) });
  }
  for (const e of arcs) {
    // Within one collapsed region: drawn in its panel; else an end in a collapsed region is its box.
    const inPanel = hiddenIn.has(e.from) && hiddenIn.get(e.from) === hiddenIn.get(e.to);
    const a = boxes.get(inPanel ? e.from : (hiddenIn.get(e.from) ?? e.from));
    const b = boxes.get(inPanel ? e.to : (hiddenIn.get(e.to) ?? e.to));
    if (a && b && a !== b) edges.set(e.id, arc(a, b));
  }
  let width = g.graph().width ?? 0;
  let height = g.graph().height ?? 0;
  for (const b of [...boxes.values(), ...panels.values()]) {
    width = Math.max(width, b.x + b.width + MARGIN);
    height = Math.max(height, b.y + b.height + MARGIN);
  }
  return { width: Math.ceil(width), height: Math.ceil(height), boxes, edges, panels };
}
