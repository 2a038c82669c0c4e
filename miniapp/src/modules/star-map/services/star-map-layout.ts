import type { StarMapNode } from '@leadloop/shared';

/**
 * Radial layout of a share tree, in a unit square (0..1 both ways, centre 0.5/0.5), so the view can
 * place plain absolutely positioned boxes by percentage and look the same in WeChat and browsers.
 *
 * Roots (staff, channels) sit at the centre (one root) or on the innermost ring (several); each
 * level of sharing is the next ring out. Every node gets an angular sector proportional to the
 * leaves below it, so subtrees never cross. Deterministic: the same nodes give the same picture.
 */

export type SizeMetric = 'conversions' | 'visitors';

export interface PlacedNode {
  node: StarMapNode;
  /** Centre, unit square. */
  x: number;
  y: number;
  /** Radius, unit square. */
  r: number;
  /** Ring index: 0 for roots. */
  level: number;
  /** Radians, 0 = right, clockwise on screen (y grows downward). */
  angle: number;
  /** Ids from the root down to this node, itself included. */
  path: string[];
}

export interface PlacedEdge {
  id: string;
  from: string;
  to: string;
  /** Start point (the parent's centre), unit square. */
  x: number;
  y: number;
  length: number;
  /** Degrees, for a CSS rotate() about the start point. */
  angleDeg: number;
}

export interface StarMapLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Radii of the rings that carry nodes (unit square), innermost first; 0 for a centre root. */
  rings: number[];
  metric: SizeMetric;
  maxLevel: number;
}

export interface LayoutOptions {
  /** Radius of the outermost ring. */
  outerRadius?: number;
  /** Where the first root's sector starts (radians); default straight up. */
  startAngle?: number;
}

const TAU = Math.PI * 2;

function byWeight(a: StarMapNode, b: StarMapNode): number {
  return b.subtreeNodes - a.subtreeNodes || b.subtreeVisitors - a.subtreeVisitors || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Size by conversions brought below a node; when nothing converted yet, by visitors. */
export function sizeMetric(nodes: StarMapNode[]): SizeMetric {
  return nodes.some((n) => n.subtreeConversions > 0) ? 'conversions' : 'visitors';
}

export function metricValue(node: StarMapNode, metric: SizeMetric): number {
  return metric === 'conversions' ? node.subtreeConversions : node.subtreeVisitors;
}

/** Smaller dots for bigger trees, so 2 000 nodes still fit. */
function radiusRange(count: number): [number, number] {
  if (count <= 30) return [0.016, 0.045];
  if (count <= 150) return [0.01, 0.032];
  if (count <= 600) return [0.006, 0.022];
  return [0.004, 0.016];
}

export function layoutStarMap(input: readonly StarMapNode[], options: LayoutOptions = {}): StarMapLayout {
  const outer = options.outerRadius ?? 0.4;
  const start = options.startAngle ?? -Math.PI / 2;
  const metric = sizeMetric(input as StarMapNode[]);

  // First occurrence of an id wins; the server never repeats one, but a layout must not loop.
  const byId = new Map<string, StarMapNode>();
  for (const node of input) if (!byId.has(node.id)) byId.set(node.id, node);
  const nodes = [...byId.values()];

  const children = new Map<string, StarMapNode[]>();
  const roots: StarMapNode[] = [];
  for (const node of nodes) {
    const parent = node.parentId !== null && node.parentId !== node.id ? byId.get(node.parentId) : undefined;
    if (!parent) roots.push(node);
    else {
      const list = children.get(parent.id);
      if (list) list.push(node);
      else children.set(parent.id, [node]);
    }
  }
  for (const list of children.values()) list.sort(byWeight);
  roots.sort(byWeight);

  // Breadth-first from the roots; nodes caught in a parent cycle are never reached, so they join
  // the roots (the cycle is cut at its heaviest member).
  const level = new Map<string, number>();
  const order: StarMapNode[] = [];
  const visit = (from: StarMapNode[]) => {
    const queue = from.filter((n) => !level.has(n.id));
    for (const n of queue) level.set(n.id, 0);
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i];
      order.push(node);
      for (const child of children.get(node.id) ?? []) {
        if (level.has(child.id)) continue;
        level.set(child.id, (level.get(node.id) ?? 0) + 1);
        queue.push(child);
      }
    }
  };
  visit(roots);
  if (order.length < nodes.length) {
    const stranded = nodes.filter((n) => !level.has(n.id)).sort(byWeight);
    for (const node of stranded) {
      if (level.has(node.id)) continue;
      roots.push(node);
      visit([node]);
    }
  }

  // Leaves below each node (children reached from it), bottom-up.
  const leaves = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    const kids = (children.get(node.id) ?? []).filter((c) => level.get(c.id) === (level.get(node.id) ?? 0) + 1);
    children.set(node.id, kids);
    leaves.set(node.id, kids.length === 0 ? 1 : kids.reduce((sum, c) => sum + (leaves.get(c.id) ?? 1), 0));
  }

  const maxLevel = order.reduce((max, n) => Math.max(max, level.get(n.id) ?? 0), 0);
  const single = roots.length === 1;
  const ringRadius = (l: number): number => {
    if (single) return maxLevel === 0 ? 0 : (l * outer) / maxLevel;
    if (maxLevel === 0) return outer * 0.6;
    const inner = outer / (maxLevel + 1);
    return inner + (l * (outer - inner)) / maxLevel;
  };

  const values = order.map((n) => metricValue(n, metric));
  const maxValue = Math.max(0, ...values);
  const [rMin, rMax] = radiusRange(order.length);
  const sizeOf = (node: StarMapNode): number => {
    if (maxValue <= 0) return (rMin + rMax) / 3;
    return rMin + (rMax - rMin) * Math.sqrt(metricValue(node, metric) / maxValue);
  };

  const placed = new Map<string, PlacedNode>();
  const place = (node: StarMapNode, from: number, span: number, path: string[]) => {
    const l = level.get(node.id) ?? 0;
    const angle = from + span / 2;
    const radius = ringRadius(l);
    const own = [...path, node.id];
    placed.set(node.id, {
      node,
      x: 0.5 + radius * Math.cos(angle),
      y: 0.5 + radius * Math.sin(angle),
      r: sizeOf(node),
      level: l,
      angle,
      path: own,
    });
    const kids = children.get(node.id) ?? [];
    const total = leaves.get(node.id) ?? 1;
    let cursor = from;
    for (const child of kids) {
      const share = (span * (leaves.get(child.id) ?? 1)) / total;
      place(child, cursor, share, own);
      cursor += share;
    }
  };

  const totalLeaves = roots.reduce((sum, r) => sum + (leaves.get(r.id) ?? 1), 0);
  let cursor = start;
  for (const root of roots) {
    const span = (TAU * (leaves.get(root.id) ?? 1)) / totalLeaves;
    place(root, cursor, span, []);
    cursor += span;
  }

  const ordered = order.map((n) => placed.get(n.id)).filter((p): p is PlacedNode => p !== undefined);
  const edges: PlacedEdge[] = [];
  for (const child of ordered) {
    if (child.path.length < 2) continue;
    const parent = placed.get(child.path[child.path.length - 2]);
    if (!parent) continue;
    const dx = child.x - parent.x;
    const dy = child.y - parent.y;
    edges.push({
      id: `${parent.node.id}>${child.node.id}`,
      from: parent.node.id,
      to: child.node.id,
      x: parent.x,
      y: parent.y,
      length: Math.hypot(dx, dy),
      angleDeg: (Math.atan2(dy, dx) * 180) / Math.PI,
    });
  }

  const rings: number[] = [];
  for (let l = 0; l <= maxLevel; l++) rings.push(ringRadius(l));

  return { nodes: ordered, edges, rings, metric, maxLevel };
}
