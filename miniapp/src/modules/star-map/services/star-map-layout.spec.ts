import { describe, expect, it } from '@jest/globals';
import type { StarMapNode } from '@leadloop/shared';
import { layoutStarMap } from './star-map-layout';

function node(id: string, parentId: string | null, extra: Partial<StarMapNode> = {}): StarMapNode {
  return {
    id,
    parentId,
    kind: parentId === null ? 'staff' : 'prospect',
    label: id,
    depth: 0,
    visitors: 0,
    conversions: 0,
    subtreeNodes: 1,
    subtreeVisitors: 0,
    subtreeConversions: 0,
    ...extra,
  };
}

const dist = (a: { x: number; y: number }) => Math.hypot(a.x - 0.5, a.y - 0.5);

describe('layoutStarMap', () => {
  it('puts a single root at the centre and each level on the next ring out', () => {
    const layout = layoutStarMap([node('s', null), node('a', 's'), node('b', 'a'), node('c', 'b')]);
    const at = new Map(layout.nodes.map((p) => [p.node.id, p]));
    expect(dist(at.get('s')!)).toBeCloseTo(0);
    expect(layout.maxLevel).toBe(3);
    expect(dist(at.get('a')!)).toBeLessThan(dist(at.get('b')!));
    expect(dist(at.get('b')!)).toBeLessThan(dist(at.get('c')!));
    expect(dist(at.get('c')!)).toBeCloseTo(0.4);
    expect(at.get('c')!.path).toEqual(['s', 'a', 'b', 'c']);
    expect(layout.rings).toHaveLength(4);
  });

  it('places several roots on the inner ring and keeps every point inside the square', () => {
    const nodes = [node('s1', null), node('s2', null, { kind: 'channel' }), node('a', 's1'), node('b', 's2'), node('c', 's2')];
    const layout = layoutStarMap(nodes);
    for (const p of layout.nodes) {
      expect(p.x - p.r).toBeGreaterThanOrEqual(0);
      expect(p.y - p.r).toBeGreaterThanOrEqual(0);
      expect(p.x + p.r).toBeLessThanOrEqual(1);
      expect(p.y + p.r).toBeLessThanOrEqual(1);
    }
    const roots = layout.nodes.filter((p) => p.level === 0);
    expect(roots.map((p) => p.node.id).sort()).toEqual(['s1', 's2']);
    expect(dist(roots[0])).toBeCloseTo(dist(roots[1]));
    expect(dist(roots[0])).toBeGreaterThan(0);
  });

  it('draws one edge per parent link, from the parent to the child', () => {
    const layout = layoutStarMap([node('s', null), node('a', 's'), node('b', 's'), node('c', 'a')]);
    expect(layout.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['a>c', 's>a', 's>b']);
    const at = new Map(layout.nodes.map((p) => [p.node.id, p]));
    for (const edge of layout.edges) {
      const to = at.get(edge.to)!;
      const rad = (edge.angleDeg * Math.PI) / 180;
      expect(edge.x + edge.length * Math.cos(rad)).toBeCloseTo(to.x);
      expect(edge.y + edge.length * Math.sin(rad)).toBeCloseTo(to.y);
    }
  });

  it('gives subtrees sectors in proportion to their leaves, so siblings never cross', () => {
    const nodes = [node('s', null), node('big', 's', { subtreeNodes: 4 }), node('small', 's')];
    for (const leaf of ['x', 'y', 'z']) nodes.push(node(leaf, 'big'));
    const layout = layoutStarMap(nodes);
    const at = new Map(layout.nodes.map((p) => [p.node.id, p]));
    const angles = ['x', 'y', 'z'].map((id) => at.get(id)!.angle).sort((a, b) => a - b);
    // big's three leaves take 3/4 of the circle, small's lone leaf the rest.
    expect(angles[2] - angles[0]).toBeCloseTo((2 * Math.PI * 2) / 4);
    const smallAngle = at.get('small')!.angle;
    expect(smallAngle > angles[2] || smallAngle < angles[0]).toBe(true);
  });

  it('sizes by conversions below a node, or by visitors when nothing converted', () => {
    const byVisitors = layoutStarMap([node('s', null, { subtreeVisitors: 10 }), node('a', 's', { subtreeVisitors: 1 })]);
    expect(byVisitors.metric).toBe('visitors');
    const v = new Map(byVisitors.nodes.map((p) => [p.node.id, p.r]));
    expect(v.get('s')!).toBeGreaterThan(v.get('a')!);

    const byConversions = layoutStarMap([
      node('s', null, { subtreeVisitors: 100, subtreeConversions: 1 }),
      node('a', 's', { subtreeVisitors: 1, subtreeConversions: 1 }),
    ]);
    expect(byConversions.metric).toBe('conversions');
    const c = new Map(byConversions.nodes.map((p) => [p.node.id, p.r]));
    expect(c.get('s')).toBeCloseTo(c.get('a')!);
  });

  it('is deterministic whatever order the nodes arrive in', () => {
    const nodes = [node('s', null), node('a', 's'), node('b', 's'), node('c', 'a'), node('d', 'a'), node('e', 'b')];
    const one = layoutStarMap(nodes);
    const two = layoutStarMap([...nodes].reverse());
    const pick = (l: typeof one) => l.nodes.map((p) => [p.node.id, p.x.toFixed(6), p.y.toFixed(6)]).sort();
    expect(pick(two)).toEqual(pick(one));
  });

  it('survives orphans, duplicates and parent cycles', () => {
    const layout = layoutStarMap([node('a', 'b'), node('b', 'a'), node('o', 'missing'), node('o', null), node('self', 'self')]);
    expect(layout.nodes.map((p) => p.node.id).sort()).toEqual(['a', 'b', 'o', 'self']);
    for (const p of layout.nodes) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it('lays out 2 000 nodes quickly', () => {
    const nodes = [node('root', null)];
    for (let i = 1; i < 2000; i++) nodes.push(node(`n${i}`, i < 20 ? 'root' : `n${Math.floor(i / 7) || 1}`));
    const started = Date.now();
    const layout = layoutStarMap(nodes);
    expect(layout.nodes).toHaveLength(2000);
    expect(layout.edges).toHaveLength(1999);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('handles an empty tree', () => {
    expect(layoutStarMap([])).toMatchObject({ nodes: [], edges: [] });
  });
});
