// Where the wires between topics go on small hand-made trees: which sides they meet, what
// they keep clear of, and how two-way and many-to-one wires are drawn. Everything is
// computed inside each test (mutation testing switches a mutant on only while a test runs).
import { describe, expect, it } from 'vitest';
import type { GraphEdge, TopicGraph } from '../../src/lib/graph/TopicGraph.ts';
import type { Box4, Pt } from '../../src/lib/layout/orthogonalRouter.ts';
import type { Item, Tree } from '../../src/lib/layout/phases/buildTree.ts';
import { elbow, portsOf, routeWires, titleRect } from '../../src/lib/layout/phases/routeWires.ts';

const leaf = (id: string, x: number, y: number, w = 40, h = 20): Item => ({
  id,
  label: id,
  children: [],
  depth: 1,
  lines: [id],
  x,
  y,
  w,
  h,
  header: 0,
  titleWidth: 0
});
const box = (id: string, x: number, y: number, w: number, h: number, children: Item[]): Item => {
  const b: Item = {
    id,
    label: id,
    children,
    depth: 0,
    lines: [id],
    x,
    y,
    w,
    h,
    header: 24,
    titleWidth: 50
  };
  for (const c of children) c.parent = b;
  return b;
};
const treeOf = (roots: Item[]): Tree => {
  const byId = new Map<string, Item>();
  const walk = (i: Item) => {
    byId.set(i.id, i);
    i.children.forEach(walk);
  };
  roots.forEach(walk);
  return { roots, byId };
};
const flow = (from: string, to: string, label?: string): GraphEdge => ({
  id: `flow:${from}>${to}`,
  from,
  to,
  kind: 'flow',
  label
});
const graphOf = (flows: GraphEdge[]): TopicGraph => ({
  groups: [],
  boxes: [],
  nodes: [],
  flows,
  related: [],
  learningPath: []
});
const bounds: Box4 = { x: 0, y: 0, width: 600, height: 400 };
/** Whether the run a-b comes within `m` of r's inside (m = 0: runs through it). */
const passes = (a: Pt, b: Pt, r: Box4, m = 0) =>
  Math.max(a[0], b[0]) > r.x - m &&
  Math.min(a[0], b[0]) < r.x + r.width + m &&
  Math.max(a[1], b[1]) > r.y - m &&
  Math.min(a[1], b[1]) < r.y + r.height + m;
const rect = (i: Item): Box4 => ({ x: i.x, y: i.y, width: i.w, height: i.h });
const runs = (pts: Pt[]) => pts.slice(1).map((p, i): [Pt, Pt] => [pts[i], p]);
const onOutline = (p: Pt, i: Item) =>
  ((p[0] === i.x || p[0] === i.x + i.w) && p[1] >= i.y && p[1] <= i.y + i.h) ||
  ((p[1] === i.y || p[1] === i.y + i.h) && p[0] >= i.x && p[0] <= i.x + i.w);

describe('portsOf', () => {
  it('offers every side of a leaf, level with the other end where it can', () => {
    const a = leaf('a', 0, 0, 40, 20);
    const b = leaf('b', 100, 5, 40, 20);
    const ports = portsOf(a, b);
    for (const p of ports) {
      expect(onOutline(p.p, a), `${p.p} on the outline`).toBe(true);
      // The direction points away from the leaf.
      const out: Pt = [p.p[0] + p.d[0], p.p[1] + p.d[1]];
      expect(passes(out, out, rect(a))).toBe(false);
    }
    // Level with b's middle (y 15) on the right side, at no cost.
    expect(ports.filter((p) => p.cost === 0).map((p) => p.p)).toContainEqual([40, 15]);
    expect(ports.find((p) => p.p[0] === 40 && p.p[1] === 15)!.d).toEqual([1, 0]);
    // b's middle is off the top and bottom sides' span (5 to 35): their nearest point, dearer.
    expect(ports.find((p) => p.d[1] === 1 && p.cost === 2)!.p).toEqual([35, 20]);
    expect(ports.find((p) => p.d[1] === -1 && p.cost === 2)!.p).toEqual([35, 0]);
    // And the middle of each side, then its quarters.
    expect(ports.filter((p) => p.cost === 4).map((p) => p.p)).toEqual([
      [0, 10],
      [40, 10],
      [20, 20],
      [20, 0]
    ]);
    expect(ports.filter((p) => p.cost === 8)).toHaveLength(16);
    // Ports keep 5 units from a leaf's corners.
    for (const p of ports)
      if (p.d[0] !== 0) expect(p.p[1] >= 5 && p.p[1] <= 15).toBe(true);
      else expect(p.p[0] >= 5 && p.p[0] <= 35).toBe(true);
  });

  it('meets a box below its title strip, and on top only beside the title text', () => {
    const inner = leaf('k', 110, 40, 40, 20);
    const b = box('box', 100, 0, 100, 100, [inner]);
    const other = leaf('o', 300, 200);
    const ports = portsOf(b, other);
    for (const p of ports) {
      expect(onOutline(p.p, b)).toBe(true);
      if (p.d[0] !== 0) expect(p.p[1]).toBeGreaterThanOrEqual(b.y + b.header + 7);
      if (p.d[1] === -1) expect(p.p[0]).toBeGreaterThanOrEqual(b.x + b.titleWidth + 7);
    }
    // The other end's middle (320, 210) is below and right of the box: sides clamp to
    // their nearest end, 7 units in.
    expect(ports.find((p) => p.d[0] === 1 && p.cost === 2)!.p).toEqual([200, 93]);
    expect(ports.find((p) => p.d[1] === 1 && p.cost === 2)!.p).toEqual([193, 100]);
    // Level with the middle of a box's body below its title.
    const level = portsOf(leaf('l', 0, 0, 40, 200), b).find((p) => p.cost === 0 && p.d[0] === 1);
    expect(level!.p).toEqual([40, 62]);
    // A title as wide as the box leaves no top ports.
    const wide = box('wide', 100, 0, 100, 100, [leaf('k2', 110, 40)]);
    wide.titleWidth = 100;
    expect(portsOf(wide, other).filter((p) => p.d[1] === -1)).toEqual([]);
  });

  it('rounds port positions to half units', () => {
    const a = leaf('a', 0.3, 0.3, 40.3, 20.3);
    for (const p of portsOf(a, leaf('b', 100, 7.3)))
      for (const v of p.p) expect(v * 2).toBe(Math.round(v * 2));
  });
});

describe('elbow and titleRect', () => {
  it('joins the facing sides through the middle, across the wider gap', () => {
    const a = leaf('a', 0, 0, 40, 20);
    // Right and below, wider than tall: out of a's right side, into b's left side.
    expect(elbow(a, leaf('b', 100, 50))).toEqual([
      [40, 10],
      [70, 10],
      [70, 60],
      [100, 60]
    ]);
    // Left: out of the left side, into b's right side.
    expect(elbow(a, leaf('b', -100, 50))).toEqual([
      [0, 10],
      [-30, 10],
      [-30, 60],
      [-60, 60]
    ]);
    // Below, taller than wide: out of the bottom, into b's top.
    expect(elbow(a, leaf('b', 30, 100))).toEqual([
      [20, 20],
      [20, 60],
      [50, 60],
      [50, 100]
    ]);
    // Above: out of the top, into b's bottom.
    expect(elbow(a, leaf('b', 30, -100))).toEqual([
      [20, 0],
      [20, -40],
      [50, -40],
      [50, -80]
    ]);
    // Level: one straight run.
    expect(elbow(a, leaf('b', 100, 0))).toEqual([
      [40, 10],
      [100, 10]
    ]);
    // As far across as down: across first, out of the side.
    expect(elbow(a, leaf('b', 100, 100))).toEqual([
      [40, 10],
      [70, 10],
      [70, 110],
      [100, 110]
    ]);
  });

  it('titleRect is the title strip, as wide as its text or the box', () => {
    const b = box('b', 10, 20, 100, 80, [leaf('k', 20, 50)]);
    expect(titleRect(b)).toEqual({ x: 10, y: 20, width: 50, height: 24 });
    b.titleWidth = 300;
    expect(titleRect(b).width).toBe(100);
  });
});

describe('routeWires', () => {
  it('joins two level topics with one straight wire between their facing sides', () => {
    const a = leaf('a', 0, 100, 60, 30);
    const b = leaf('b', 300, 100, 60, 30);
    const [w] = routeWires(graphOf([flow('a', 'b')]), treeOf([a, b]), bounds, [], () => 0);
    expect(w.points).toEqual([
      [60, 115],
      [300, 115]
    ]);
  });

  it('goes round a topic in between, keeping its clearance', () => {
    const a = leaf('a', 0, 100, 60, 30);
    const b = leaf('b', 300, 100, 60, 30);
    const x = leaf('x', 150, 90, 60, 50);
    const [w] = routeWires(graphOf([flow('a', 'b')]), treeOf([a, x, b]), bounds, [], () => 0);
    expect(onOutline(w.points[0], a)).toBe(true);
    expect(onOutline(w.points.at(-1)!, b)).toBe(true);
    for (const [p, q] of runs(w.points)) expect(passes(p, q, rect(x), 5)).toBe(false);
  });

  it('keeps out of the rectangles it is told to keep clear', () => {
    const a = leaf('a', 0, 100, 60, 30);
    const b = leaf('b', 300, 100, 60, 30);
    const key = { x: 100, y: 80, width: 100, height: 80 };
    const [w] = routeWires(graphOf([flow('a', 'b')]), treeOf([a, b]), bounds, [key], () => 0);
    for (const [p, q] of runs(w.points)) expect(passes(p, q, key)).toBe(false);
  });

  it('never runs through a box’s title strip, nor a box it does not belong to', () => {
    const k = leaf('k', 160, 60, 40, 20);
    const b = box('box', 150, 20, 120, 80, [k]);
    const a = leaf('a', 0, 30, 40, 20);
    const c = leaf('c', 400, 30, 40, 20);
    const wires = routeWires(
      graphOf([flow('a', 'c'), flow('a', 'k')]),
      treeOf([a, b, c]),
      bounds,
      [],
      () => 0
    );
    const [ac, ak] = [wires[0], wires[1]];
    for (const [p, q] of runs(ac.points)) expect(passes(p, q, rect(b))).toBe(false);
    for (const [p, q] of runs(ak.points)) expect(passes(p, q, titleRect(b))).toBe(false);
    // Into the box to its topic, ending on the topic's outline.
    expect(onOutline(ak.points.at(-1)!, k)).toBe(true);
  });

  it('draws a request and its reply as one wire, the request from the first root', () => {
    const a = leaf('a', 0, 100, 60, 30);
    const b = leaf('b', 300, 100, 60, 30);
    const wires = routeWires(
      graphOf([flow('b', 'a', 'reply'), flow('a', 'b', 'request')]),
      treeOf([a, b]),
      bounds,
      [],
      () => 0
    );
    expect(wires).toHaveLength(1);
    expect(wires[0].forward.id).toBe('flow:a>b');
    expect(wires[0].back!.id).toBe('flow:b>a');
    expect(wires[0].points[0]).toEqual([60, 115]);
  });

  it('starts the wires from one topic to one region as a trunk', () => {
    const a = leaf('a', 0, 150, 60, 30);
    const t1 = leaf('t1', 310, 60, 60, 30);
    const t2 = leaf('t2', 310, 260, 60, 30);
    const region = box('r', 300, 20, 80, 300, [t1, t2]);
    const wires = routeWires(
      graphOf([flow('a', 't1'), flow('a', 't2')]),
      treeOf([a, region]),
      bounds,
      [],
      () => 0
    );
    // Both leave a at the same point and end on their own topic's outline.
    expect(wires[0].points[0]).toEqual(wires[1].points[0]);
    expect(onOutline(wires[0].points.at(-1)!, t1)).toBe(true);
    expect(onOutline(wires[1].points.at(-1)!, t2)).toBe(true);
    for (const w of wires)
      for (const [p, q] of runs(w.points)) expect(passes(p, q, titleRect(region))).toBe(false);
  });

  it('fans a part’s wires to a column: one trunk, a spine clear of the labels, a branch per topic', () => {
    const a = leaf('a', 0, 150, 60, 30);
    const t1 = leaf('t1', 310, 60, 60, 30);
    const t2 = leaf('t2', 310, 260, 60, 30);
    const region = box('r', 300, 20, 80, 300, [t1, t2]);
    const route = (labelWidth: number) =>
      routeWires(
        graphOf([flow('a', 't1', 'one'), flow('a', 't2', 'two')]),
        treeOf([a, region]),
        bounds,
        [],
        () => labelWidth
      ).map((w) => w.points);
    // The spine stands 24 in from the region, less the widest label; the trunk leaves a at
    // the mean height of the targets, as far as a's side allows (its lower inset here).
    expect(route(0)).toEqual([
      [
        [60, 175],
        [276, 175],
        [276, 75],
        [310, 75]
      ],
      [
        [60, 175],
        [276, 175],
        [276, 275],
        [310, 275]
      ]
    ]);
    expect(route(100).map((pts) => pts[1][0])).toEqual([176, 176]);
    // A label wider than the corridor: the spine keeps 12 from a.
    expect(route(400).map((pts) => pts[1][0])).toEqual([72, 72]);
  });

  it('keeps a fan’s spine in the corridor outside the part’s own region', () => {
    const a = leaf('a', 20, 150, 60, 30);
    const own = box('own', 0, 100, 200, 120, [a]);
    const t1 = leaf('t1', 410, 60, 60, 30);
    const t2 = leaf('t2', 410, 260, 60, 30);
    const region = box('r', 400, 20, 80, 300, [t1, t2]);
    const wires = routeWires(
      graphOf([flow('a', 't1', 'one'), flow('a', 't2', 'two')]),
      treeOf([own, region]),
      bounds,
      [],
      () => 200
    );
    // The labels would like the spine 224 in from the region; the corridor between the
    // regions starts at 200, so it stands 12 past that.
    expect(wires.map((w) => w.points[1][0])).toEqual([212, 212]);
    expect(wires.map((w) => w.points[0])).toEqual([
      [80, 175],
      [80, 175]
    ]);
  });

  it('fans to a column on the left the same way, mirrored', () => {
    const a = leaf('a', 500, 150, 60, 30);
    const t1 = leaf('t1', 20, 60, 60, 30);
    const t2 = leaf('t2', 20, 260, 60, 30);
    const region = box('r', 10, 20, 80, 300, [t1, t2]);
    const wires = routeWires(
      graphOf([flow('a', 't1'), flow('a', 't2')]),
      treeOf([region, a]),
      bounds,
      [],
      () => 0
    );
    expect(wires.map((w) => w.points)).toEqual([
      [
        [500, 175],
        [114, 175],
        [114, 75],
        [80, 75]
      ],
      [
        [500, 175],
        [114, 175],
        [114, 275],
        [80, 275]
      ]
    ]);
  });

  it('starts a two-way wire at the end nearer the first region along the arrows', () => {
    // No composition: the first root is where requests start. a calls c; c and d answer
    // each other, and c is one arrow from a, d two: the request runs c to d.
    const a = leaf('a', 0, 100, 60, 30);
    const c = leaf('c', 200, 100, 60, 30);
    const d = leaf('d', 400, 100, 60, 30);
    const start = box('start', 0, 60, 80, 100, [a]);
    const flows = [flow('d', 'c', 'answers'), flow('a', 'c', 'calls'), flow('c', 'd', 'asks')];
    const wires = routeWires(graphOf(flows), treeOf([start, d, c]), bounds, [], () => 0);
    const pair = wires.find((w) => w.back)!;
    expect([pair.forward.id, pair.back!.id]).toEqual(['flow:c>d', 'flow:d>c']);
    expect(onOutline(pair.points[0], c)).toBe(true);
    // With d's region first, the same pair runs the other way.
    const dFirst = box('dfirst', 380, 60, 100, 100, [leaf('d', 400, 100, 60, 30)]);
    const flipped = routeWires(
      graphOf(flows),
      treeOf([
        dFirst,
        leaf('c', 200, 100, 60, 30),
        box('start', 0, 60, 80, 100, [leaf('a', 0, 100, 60, 30)])
      ]),
      bounds,
      [],
      () => 0
    ).find((w) => w.back)!;
    expect(flipped.forward.id).toBe('flow:d>c');
  });

  it('routes round what stands in a fan’s way instead of fanning through it', () => {
    const a = leaf('a', 0, 150, 60, 30);
    const t1 = leaf('t1', 310, 60, 60, 30);
    const t2 = leaf('t2', 310, 260, 60, 30);
    const region = box('r', 300, 20, 80, 300, [t1, t2]);
    const post = leaf('post', 256, 60, 40, 240);
    const wires = routeWires(
      graphOf([flow('a', 't1'), flow('a', 't2')]),
      treeOf([a, post, region]),
      bounds,
      [],
      () => 0
    );
    for (const w of wires) {
      expect(onOutline(w.points.at(-1)!, w.forward.to === 't1' ? t1 : t2)).toBe(true);
      for (const [p, q] of runs(w.points)) expect(passes(p, q, rect(post))).toBe(false);
    }
  });

  it('keeps the ends of wires from different parts apart on the topic they share', () => {
    // Both come from above and left: each would meet b at its top left corner.
    const a = leaf('a', 0, 20, 60, 30);
    const c = leaf('c', 100, 20, 60, 30);
    const b = leaf('b', 300, 200, 60, 30);
    const wires = routeWires(
      graphOf([flow('a', 'b'), flow('c', 'b')]),
      treeOf([a, c, b]),
      bounds,
      [],
      () => 0
    );
    const [e1, e2] = wires.map((w) => w.points.at(-1)!);
    expect(onOutline(e1, b) && onOutline(e2, b)).toBe(true);
    expect(Math.hypot(e1[0] - e2[0], e1[1] - e2[1])).toBeGreaterThanOrEqual(9);
  });

  it('draws the wire that reaches less far first: it keeps its port, the other moves along', () => {
    const a = leaf('a', 0, 20, 60, 30);
    const c = leaf('c', 100, 20, 60, 30);
    const b = leaf('b', 300, 200, 60, 30);
    const ends = routeWires(
      graphOf([flow('a', 'b'), flow('c', 'b')]),
      treeOf([a, c, b]),
      bounds,
      [],
      () => 0
    ).map((w) => [w.forward.id, w.points.at(-1)]);
    // c is nearer b: its wire takes b's top corner; a's comes in lower on the left side.
    expect(ends).toEqual([
      ['flow:a>b', [300, 209]],
      ['flow:c>b', [305, 200]]
    ]);
  });

  it('draws a request from the first column of the composition, whichever comes first', () => {
    const a = leaf('a', 0, 100, 60, 30);
    const b = leaf('b', 300, 100, 60, 30);
    const g = {
      ...graphOf([flow('a', 'b', 'answers'), flow('b', 'a', 'asks')]),
      composition: { columns: ['right'], aside: [], arrange: {} }
    };
    const left = box('left', 0, 60, 80, 100, [a]);
    const right = box('right', 280, 60, 100, 100, [b]);
    const [w] = routeWires(g, treeOf([left, right]), bounds, [], () => 0);
    expect([w.forward.id, w.back!.id]).toEqual(['flow:b>a', 'flow:a>b']);
    expect(onOutline(w.points[0], b)).toBe(true);
  });

  it('looks beyond the ends’ neighbourhood when a wall shuts the near way', () => {
    const a = leaf('a', 0, 190, 60, 30);
    const b = leaf('b', 400, 190, 60, 30);
    const wall = leaf('wall', 200, 20, 20, 560);
    const big: Box4 = { x: 0, y: 0, width: 600, height: 640 };
    const [w] = routeWires(graphOf([flow('a', 'b')]), treeOf([a, wall, b]), big, [], () => 0);
    expect(onOutline(w.points[0], a) && onOutline(w.points.at(-1)!, b)).toBe(true);
    for (const [p, q] of runs(w.points)) expect(passes(p, q, rect(wall))).toBe(false);
    // It goes round an end of the wall, outside the first search's window.
    const ys = w.points.map((p) => p[1]);
    expect(Math.min(...ys) < 20 || Math.max(...ys) > 580).toBe(true);
  });

  it('draws plain elbows on a map of more than 300 topics', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      leaf(`n${i}`, 10 + (i % 30) * 19, 400 + Math.floor(i / 30) * 19, 10, 10)
    );
    const a = leaf('a', 0, 100, 60, 30);
    const b = leaf('b', 300, 200, 60, 30);
    const x = leaf('x', 150, 100, 60, 200);
    const [w] = routeWires(
      graphOf([flow('a', 'b')]),
      treeOf([a, b, x, ...many]),
      { x: 0, y: 0, width: 600, height: 600 },
      [],
      () => 0
    );
    expect(w.points).toEqual(elbow(a, b));
  });
});
