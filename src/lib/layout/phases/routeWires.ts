import type { GraphEdge, TopicGraph } from '../../graph/TopicGraph.ts';
import type { Rect } from '../MapLayout.ts';
import {
  routeOrthogonal,
  simplify,
  type Box4,
  type DrawnSegment,
  type Port,
  type Pt
} from '../orthogonalRouter.ts';
import { subtree, type Item, type Tree } from './buildTree.ts';

/** One drawn wire: an arrow, or a request and its response drawn as one two-way wire. */
export interface Wire {
  forward: GraphEdge;
  back?: GraphEdge;
  points: Pt[];
}

/** Above this many topics wires are drawn as simple elbows (the search would be slow). */
const ROUTED_LIMIT = 300;
const CLEARANCE = 5;
/** How far beyond its two ends a route's search looks first. */
const WINDOW = 120;

/** The title strip of a box: where its title's text sits. */
export const titleRect = (i: Item): Rect => ({
  x: i.x,
  y: i.y,
  width: Math.min(i.w, i.titleWidth),
  height: i.header
});
const grow = (r: Box4, m: number): Box4 => ({
  x: r.x - m,
  y: r.y - m,
  width: r.width + 2 * m,
  height: r.height + 2 * m
});
const rectOf = (i: Item): Box4 => ({ x: i.x, y: i.y, width: i.w, height: i.h });

/**
 * Where a wire may meet an item, facing the item at the other end: on each side, level
 * with the other end where that is possible (so facing parts join in a straight line),
 * else at the middle or the quarters. A box is met below its title strip or, from above,
 * beside the title's text, never through it.
 */
export function portsOf(i: Item, other: Item): Port[] {
  const ox = other.x + other.w / 2;
  const oy = other.children.length
    ? other.y + other.header + (other.h - other.header) / 2
    : other.y + other.h / 2;
  const inset = i.children.length ? 7 : 5;
  const spans: { side: 'l' | 'r' | 't' | 'b'; lo: number; hi: number }[] = [];
  const top = i.children.length ? i.y + i.header : i.y;
  spans.push(
    { side: 'l', lo: top + inset, hi: i.y + i.h - inset },
    { side: 'r', lo: top + inset, hi: i.y + i.h - inset }
  );
  spans.push({ side: 'b', lo: i.x + inset, hi: i.x + i.w - inset });
  const topLo = i.children.length ? i.x + i.titleWidth + inset : i.x + inset;
  if (topLo < i.x + i.w - inset) spans.push({ side: 't', lo: topLo, hi: i.x + i.w - inset });
  const out: Port[] = [];
  for (const s of spans) {
    if (s.hi < s.lo) continue;
    const vertical = s.side === 'l' || s.side === 'r';
    const want = vertical ? oy : ox;
    const at = (v: number, cost: number) => {
      const p: Pt = vertical
        ? [s.side === 'l' ? i.x : i.x + i.w, v]
        : [v, s.side === 't' ? i.y : i.y + i.h];
      const d: Pt =
        s.side === 'l' ? [-1, 0] : s.side === 'r' ? [1, 0] : s.side === 't' ? [0, -1] : [0, 1];
      out.push({ p: [Math.round(p[0] * 2) / 2, Math.round(p[1] * 2) / 2], d, cost });
    };
    // Level with the other end, or as near as the side allows.
    at(Math.min(s.hi, Math.max(s.lo, want)), want >= s.lo && want <= s.hi ? 0 : 2);
    const mid = (s.lo + s.hi) / 2;
    at(mid, 4);
    for (const f of [0.2, 0.35, 0.65, 0.8]) at(s.lo + (s.hi - s.lo) * f, 8);
  }
  return out;
}

/** Topics ranked by distance along flows from the first region: a pair's request runs downstream. */
function flowRanks(graph: TopicGraph, tree: Tree): Map<string, number> {
  const rank = new Map<string, number>();
  const firstColumn = graph.composition?.columns[0];
  const first = (firstColumn && tree.byId.get(firstColumn)) || tree.roots[0];
  let frontier = first ? subtree(first).map((i) => i.id) : [];
  for (const id of frontier) rank.set(id, 0);
  for (let d = 1; frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const e of graph.flows)
        for (const [a, b] of [
          [e.from, e.to],
          [e.to, e.from]
        ])
          if (a === id && !rank.has(b)) {
            rank.set(b, d);
            next.push(b);
          }
    frontier = next;
  }
  return rank;
}

/**
 * Phase 4: the wires. Reciprocal arrows become one two-way wire; then every wire, the
 * two-way ones (the request path) first and the shortest next, is routed around every
 * topic and box it does not belong to and every title, meeting its ends at ports that
 * face each other. Wires from one part to one region share a trunk.
 */
export function routeWires(
  graph: TopicGraph,
  tree: Tree,
  bounds: Box4,
  keep: Box4[],
  labelWidthOf: (label: string) => number
): Wire[] {
  const rank = flowRanks(graph, tree);
  const key = (a: string, b: string) => `${a}>${b}`;
  const byEnds = new Map(graph.flows.map((e) => [key(e.from, e.to), e]));
  const wires: Wire[] = [];
  const done = new Set<string>();
  for (const e of graph.flows) {
    if (done.has(e.id)) continue;
    const r = byEnds.get(key(e.to, e.from));
    done.add(e.id);
    if (r && !done.has(r.id)) {
      done.add(r.id);
      const forwardFirst = (rank.get(e.from) ?? Infinity) <= (rank.get(e.to) ?? Infinity);
      wires.push(
        forwardFirst ? { forward: e, back: r, points: [] } : { forward: r, back: e, points: [] }
      );
    } else wires.push({ forward: e, points: [] });
  }
  const item = (id: string) => tree.byId.get(id)!;
  const dist = (w: Wire) => {
    const [a, b] = [item(w.forward.from), item(w.forward.to)];
    return Math.abs(a.x + a.w / 2 - b.x - b.w / 2) + Math.abs(a.y + a.h / 2 - b.y - b.h / 2);
  };
  // Ends that face each other (level, or one above the other) can be joined straight:
  // those go first, so nothing routed earlier bends them.
  const facing = (w: Wire) => {
    const [a, b] = [item(w.forward.from), item(w.forward.to)];
    const span = (i: Item, axis: 0 | 1): [number, number] =>
      axis ? [i.y + i.header, i.y + i.h] : [i.x, i.x + i.w];
    return ([0, 1] as const).some((axis) => {
      const [p, q] = [span(a, axis), span(b, axis)];
      return Math.min(p[1], q[1]) - Math.max(p[0], q[0]) > 14;
    });
  };
  // Then the rest, a bundle at a time (one part's wires to one region), its longest wire
  // first so the shorter ones branch off its trunk.
  const regionOf = (i: Item): Item => (i.parent ? regionOf(i.parent) : i);
  const bundleOf = (w: Wire) => `${w.forward.from}>${regionOf(item(w.forward.to)).id}`;
  const reach = new Map<string, number>();
  for (const w of wires)
    if (!facing(w)) reach.set(bundleOf(w), Math.max(reach.get(bundleOf(w)) ?? 0, dist(w)));
  const order = [...wires].sort((p, q) => {
    const [fp, fq] = [facing(p), facing(q)];
    if (fp !== fq) return fp ? -1 : 1;
    if (fp)
      return (
        Number(!!q.back) - Number(!!p.back) ||
        dist(p) - dist(q) ||
        p.forward.id.localeCompare(q.forward.id)
      );
    const [bp, bq] = [bundleOf(p), bundleOf(q)];
    if (bp !== bq) return reach.get(bp)! - reach.get(bq)! || bp.localeCompare(bq);
    return dist(q) - dist(p) || p.forward.id.localeCompare(q.forward.id);
  });

  const all = tree.roots.flatMap(subtree);
  const leaves = all.filter((i) => !i.children.length);
  const boxes = all.filter((i) => i.children.length);
  const ancestors = (i: Item): Item[] => (i.parent ? [i.parent, ...ancestors(i.parent)] : []);
  const drawn: DrawnSegment[] = [];
  const usedPorts: { item: Item; p: Pt; bundles: string[] }[] = [];
  const simple = leaves.length > ROUTED_LIMIT;

  // A part's wires to a column of topics on one side of it: one trunk out of the part, a
  // spine in the corridor outside the column (far enough out for the longest label), and
  // a straight branch level with each topic. Undefined when the shape does not apply or
  // would run through something; the search then routes the wire.
  const spines = new Map<string, { x: number; y: number }>();
  const fan = (w: Wire, bundle: string): Pt[] | undefined => {
    const a = item(w.forward.from);
    const members = wires.filter((m) => m.forward.from === a.id && bundleOf(m) === bundle);
    if (members.length < 2) return undefined;
    const targets = members.map((m) => item(m.forward.to));
    const left = targets.every((t) => t.x + t.w <= a.x);
    const right = targets.every((t) => t.x >= a.x + a.w);
    if (!left && !right) return undefined;
    const region = regionOf(targets[0]);
    if (region === regionOf(a) || !targets.every((t) => regionOf(t) === region)) return undefined;
    const own = regionOf(a);
    const labelW = Math.max(
      0,
      ...members
        .flatMap((m) => [m.forward.label, m.back?.label])
        .map((l) => (l ? labelWidthOf(l) : 0))
    );
    let spine = spines.get(bundle);
    if (!spine) {
      const lo = left ? region.x + region.w : own.x + own.w <= region.x ? own.x + own.w : a.x + a.w;
      const hi = left ? (own.x >= lo ? own.x : a.x) : region.x;
      if (hi - lo < 24) return undefined;
      const want = left ? lo + labelW + 24 : hi - labelW - 24;
      const x = Math.min(hi - 12, Math.max(lo + 12, want));
      const side = left ? a.x : a.x + a.w;
      const inset = a.children.length ? 7 : 5;
      const top = (a.children.length ? a.y + a.header : a.y) + inset;
      const bottom = a.y + a.h - inset;
      const mean = targets.reduce((s, t) => s + t.y + t.h / 2, 0) / targets.length;
      const joined = usedPorts.find(
        (u) => u.item === a && u.bundles.includes(bundle) && Math.abs(u.p[0] - side) < 0.5
      );
      const taken = (y: number) =>
        usedPorts.some(
          (u) =>
            u.item === a &&
            !u.bundles.includes(bundle) &&
            Math.abs(u.p[0] - side) < 0.5 &&
            Math.abs(u.p[1] - y) < 9
        );
      const options = [
        Math.min(bottom, Math.max(top, mean)),
        bottom,
        top,
        (top + bottom) / 2
      ].filter((y) => !taken(y));
      const y = joined ? joined.p[1] : options[0];
      if (y === undefined) return undefined;
      spine = { x, y };
      spines.set(bundle, spine);
    }
    const b = item(w.forward.to);
    const ty = b.children.length ? b.y + b.header + (b.h - b.header) / 2 : b.y + b.h / 2;
    const sx = left ? a.x : a.x + a.w;
    const ex = left ? b.x + b.w : b.x;
    const pts = simplify([
      [sx, spine.y],
      [spine.x, spine.y],
      [spine.x, ty],
      [ex, ty]
    ]);
    const ends = new Set([a, b]);
    const holders = new Set([...ancestors(a), ...ancestors(b)]);
    const blocked = [
      ...leaves.filter((n) => !ends.has(n)).map((n) => grow(rectOf(n), CLEARANCE - 1)),
      ...boxes
        .filter((x) => !holders.has(x) && !ends.has(x))
        .map((x) => grow(rectOf(x), CLEARANCE - 1)),
      ...boxes.map(titleRect),
      ...keep
    ];
    const hits = (p: Pt, q: Pt, r: Box4) =>
      Math.max(p[0], q[0]) > r.x &&
      Math.min(p[0], q[0]) < r.x + r.width &&
      Math.max(p[1], q[1]) > r.y &&
      Math.min(p[1], q[1]) < r.y + r.height;
    for (let k = 1; k < pts.length; k++)
      if (blocked.some((r) => hits(pts[k - 1], pts[k], r))) return undefined;
    return pts;
  };

  for (const w of order) {
    const a = item(w.forward.from);
    const b = item(w.forward.to);
    // Arrows from one part to one region leave as a trunk.
    const bundles = [bundleOf(w)];
    if (simple) {
      w.points = elbow(a, b);
      continue;
    }
    const fanned = facing(w) ? undefined : fan(w, bundles[0]);
    if (fanned) {
      w.points = fanned;
      usedPorts.push(
        { item: a, p: fanned[0], bundles },
        { item: b, p: fanned[fanned.length - 1], bundles }
      );
      for (let k = 1; k < fanned.length; k++)
        drawn.push({ a: fanned[k - 1], b: fanned[k], bundles });
      continue;
    }
    const ends = new Set([a, b]);
    const holders = new Set([...ancestors(a), ...ancestors(b)]);
    const hard: Box4[] = [
      ...leaves.filter((n) => !ends.has(n)).map((n) => grow(rectOf(n), CLEARANCE)),
      ...boxes
        .filter((x) => !holders.has(x) && !ends.has(x))
        .map((x) => grow(rectOf(x), CLEARANCE)),
      ...[...ends].filter((x) => x.children.length).map(rectOf),
      ...boxes.map((x) => grow(titleRect(x), 2)),
      ...keep
    ];
    const portCost = (i: Item, ports: Port[]) =>
      ports.map((q) => {
        const together = (u: { bundles: string[] }) => u.bundles.some((x) => bundles.includes(x));
        const near = i.children.length ? 14 : 9;
        const clash = usedPorts.some(
          (u) => u.item === i && !together(u) && Math.hypot(u.p[0] - q.p[0], u.p[1] - q.p[1]) < near
        );
        const shared = usedPorts.some(
          (u) => u.item === i && together(u) && Math.hypot(u.p[0] - q.p[0], u.p[1] - q.p[1]) < 0.5
        );
        return { ...q, cost: q.cost + (clash ? 400 : 0) - (shared ? q.cost : 0) };
      });
    // The search stays near the two ends unless it finds no way there.
    const x0 = Math.max(bounds.x, Math.min(a.x, b.x) - WINDOW);
    const y0 = Math.max(bounds.y, Math.min(a.y, b.y) - WINDOW);
    const x1 = Math.min(bounds.x + bounds.width, Math.max(a.x + a.w, b.x + b.w) + WINDOW);
    const y1 = Math.min(bounds.y + bounds.height, Math.max(a.y + a.h, b.y + b.h) + WINDOW);
    const window = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    const near = (r: Box4) => r.x < x1 && r.x + r.width > x0 && r.y < y1 && r.y + r.height > y0;
    // Into another region, a wire stays outside it until it is level with its end.
    const regions =
      regionOf(a) !== regionOf(b) ? [regionOf(b)].filter((r) => r !== b).map(rectOf) : [];
    const scene = {
      hard: hard.filter(near),
      frames: [...holders].map(rectOf),
      regions,
      segments: drawn.filter((s) =>
        near({
          x: Math.min(s.a[0], s.b[0]),
          y: Math.min(s.a[1], s.b[1]),
          width: Math.abs(s.a[0] - s.b[0]),
          height: Math.abs(s.a[1] - s.b[1])
        })
      ),
      bounds: window
    };
    // A wire may start where a wire of its bundle starts, so the two leave as one.
    const joinable = (i: Item): Port[] =>
      usedPorts
        .filter((u) => u.item === i && u.bundles.some((x) => bundles.includes(x)))
        .map((u) => ({ p: u.p, d: outward(i, u.p), cost: 0 }));
    const [pa, pb] = [
      portCost(a, [...joinable(a), ...portsOf(a, b)]),
      portCost(b, [...joinable(b), ...portsOf(b, a)])
    ];
    const points =
      routeOrthogonal(pa, pb, scene, bundles) ??
      routeOrthogonal(pa, pb, { ...scene, hard, segments: drawn, bounds }, bundles) ??
      elbow(a, b);
    w.points = points;
    usedPorts.push(
      { item: a, p: points[0], bundles },
      { item: b, p: points[points.length - 1], bundles }
    );
    for (let k = 1; k < points.length; k++) drawn.push({ a: points[k - 1], b: points[k], bundles });
  }
  return wires;
}

/** The outward direction at a point on an item's outline. */
function outward(i: Item, p: Pt): Pt {
  if (Math.abs(p[0] - i.x) < 0.5) return [-1, 0];
  if (Math.abs(p[0] - i.x - i.w) < 0.5) return [1, 0];
  return Math.abs(p[1] - i.y) < 0.5 ? [0, -1] : [0, 1];
}

/** A plain three-part route from the side of `a` facing `b` (used when routing is off). */
export function elbow(a: Item, b: Item): Pt[] {
  const [ax, ay] = [a.x + a.w / 2, a.y + a.h / 2];
  const [bx, by] = [b.x + b.w / 2, b.y + b.h / 2];
  if (Math.abs(bx - ax) >= Math.abs(by - ay)) {
    const sx = bx > ax ? a.x + a.w : a.x;
    const ex = bx > ax ? b.x : b.x + b.w;
    const mx = (sx + ex) / 2;
    return simplify([
      [sx, ay],
      [mx, ay],
      [mx, by],
      [ex, by]
    ]);
  }
  const sy = by > ay ? a.y + a.h : a.y;
  const ey = by > ay ? b.y : b.y + b.h;
  const my = (sy + ey) / 2;
  return simplify([
    [ax, sy],
    [ax, my],
    [bx, my],
    [bx, ey]
  ]);
}
