import type { LayoutBox, LayoutEdge, MapLayout, Rect } from './MapLayout.ts';
import { polylineDistance, rectSegmentDistance } from './phases/placeLabels.ts';
import { rectsOverlap, rectWithin } from './rects.ts';

type Pt = [number, number];

/** The drawing's measures (definitions in the project's map design notes). */
export interface MapQuality {
  crossings: number;
  /** Where the crossings are, wire by wire. */
  crossingsAt: string[];
  /** Labelled arrows drawn without their label. */
  missingLabels: string[];
  foreignPasses: string[];
  /** Largest polyline length over centre distance, and the wire it belongs to. */
  worstDetour: { wire: string; ratio: number };
  mostBends: { wire: string; bends: number };
  uTurns: string[];
  /** Labels further than 3 units from their own wire, or nearer another wire. */
  strayLabels: string[];
  labelOverlaps: string[];
  /** Parallel runs of two different bundles closer than 8 units over more than 40. */
  closeWires: string[];
  coverage: number;
  wires: number;
  labels: number;
}

interface WireShape {
  id: string;
  from: string;
  to: string;
  points: Pt[];
  labels: { text: string; rect: Rect }[];
}

const EPS = 1e-6;
// Half a pixel of slack: boxes that touch, or overlap by rounding, are not faults.
const overlaps = (a: Rect, b: Rect) => rectsOverlap(a, b, 0.5);
const within = (a: Rect, b: Rect) => rectWithin(a, b, 0.5);
const len = (p: Pt[]) =>
  p.slice(1).reduce((s, q, i) => s + Math.hypot(q[0] - p[i][0], q[1] - p[i][1]), 0);

/** Wires as drawn: a two-way pair is one wire carrying both labels. Needs route points. */
export function wiresOf(layout: MapLayout): WireShape[] {
  const out = new Map<string, WireShape>();
  for (const e of layout.flows) {
    const key = e.wire ?? e.id;
    const w = out.get(key) ?? {
      id: key,
      from: e.from,
      to: e.to,
      points: (e.points ?? []) as Pt[],
      labels: []
    };
    if (e.id === key) Object.assign(w, { from: e.from, to: e.to, points: e.points ?? [] });
    if (e.labelRect && e.label) w.labels.push({ text: e.label, rect: e.labelRect });
    out.set(key, w);
  }
  return [...out.values()];
}

/** Where the segment a-b meets c-d at a single point (orthogonal or not), if it does. */
function intersection(a: Pt, b: Pt, c: Pt, d: Pt): Pt | undefined {
  const r = [b[0] - a[0], b[1] - a[1]];
  const s = [d[0] - c[0], d[1] - c[1]];
  const den = r[0] * s[1] - r[1] * s[0];
  if (Math.abs(den) < EPS) return undefined;
  const t = ((c[0] - a[0]) * s[1] - (c[1] - a[1]) * s[0]) / den;
  const u = ((c[0] - a[0]) * r[1] - (c[1] - a[1]) * r[0]) / den;
  if (t < -EPS || t > 1 + EPS || u < -EPS || u > 1 + EPS) return undefined;
  return [a[0] + t * r[0], a[1] + t * r[1]];
}

/** True when segment a-b enters the inside of rectangle r (touching its outline does not count). */
function entersRect(a: Pt, b: Pt, r: Rect): boolean {
  const x0 = Math.min(a[0], b[0]);
  const x1 = Math.max(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]);
  const y1 = Math.max(a[1], b[1]);
  return x1 > r.x + 0.5 && x0 < r.x + r.width - 0.5 && y1 > r.y + 0.5 && y0 < r.y + r.height - 0.5;
}

/** Direction changes above 10 degrees, and reversals of direction across two bends. */
function bendsOf(p: Pt[]): { bends: number; uTurn: boolean } {
  const dirs = p.slice(1).map((q, i) => Math.atan2(q[1] - p[i][1], q[0] - p[i][0]));
  let bends = 0;
  let uTurn = false;
  const turns: number[] = [];
  for (let i = 1; i < dirs.length; i++) {
    let d = dirs[i] - dirs[i - 1];
    while (d > Math.PI) d -= 2 * Math.PI;
    while (d < -Math.PI) d += 2 * Math.PI;
    if (Math.abs(d) > (10 * Math.PI) / 180) {
      bends++;
      turns.push(d);
    } else turns.push(0);
  }
  for (let i = 1; i < turns.length; i++)
    if (
      turns[i] &&
      turns[i - 1] &&
      Math.sign(turns[i]) === Math.sign(turns[i - 1]) &&
      Math.abs(turns[i] + turns[i - 1]) > Math.PI * 0.9
    )
      uTurn = true;
  return { bends, uTurn };
}

/**
 * Measures a laid-out map: crossings between wires, wires passing through what they do
 * not belong to, detours, bends, U-turns, labels that sit away from their wire or nearer
 * another, overlapping labels, wires running too close, and how much of the area the
 * topics and titles cover. The layout must carry route points (as built, not as shipped).
 */
export function measureQuality(layout: MapLayout): MapQuality {
  const wires = wiresOf(layout);
  const boxById = new Map(layout.boxes.map((b) => [b.id, b]));
  const rectOf = (slug: string): Rect | undefined =>
    layout.nodes.find((n) => n.slug === slug) ?? layout.boxes.find((b) => b.slug === slug);
  const parentOf = (slug: string) =>
    layout.nodes.find((n) => n.slug === slug)?.parent ??
    layout.boxes.find((b) => b.slug === slug)?.parent;
  const ancestors = (slug: string): string[] => {
    const out: string[] = [];
    for (let p = parentOf(slug); p; p = boxById.get(p)?.parent) out.push(p);
    return out;
  };
  const segs = (w: WireShape) => w.points.slice(1).map((p, i) => [w.points[i], p] as [Pt, Pt]);

  let crossings = 0;
  const crossingsAt: string[] = [];
  for (let i = 0; i < wires.length; i++)
    for (let j = i + 1; j < wires.length; j++) {
      const [a, b] = [wires[i], wires[j]];
      const shared = [a.points[0], a.points[a.points.length - 1]].filter((p) =>
        [b.points[0], b.points[b.points.length - 1]].some(
          (q) => Math.hypot(p[0] - q[0], p[1] - q[1]) < 6
        )
      );
      const seen: Pt[] = [];
      for (const [p, q] of segs(a))
        for (const [r, s] of segs(b)) {
          const x = intersection(p, q, r, s);
          if (!x) continue;
          if (shared.some((e) => Math.hypot(e[0] - x[0], e[1] - x[1]) < 6)) continue;
          // Collinear or repeated touch points of a shared trunk count once at most.
          if (seen.some((e) => Math.hypot(e[0] - x[0], e[1] - x[1]) < 1)) continue;
          // A branch leaving a shared run is not a crossing.
          const onRun = (pt: Pt, w: WireShape) =>
            segs(w).some(
              ([m, n]) =>
                rectSegmentDistance({ x: pt[0], y: pt[1], width: 0, height: 0 }, m, n) < 0.5 &&
                (Math.abs(m[0] - n[0]) < EPS
                  ? Math.abs(pt[0] - m[0]) < 0.5
                  : Math.abs(pt[1] - m[1]) < 0.5)
            );
          const sharedRun = segs(a).some(([m, n]) =>
            segs(b).some(
              ([r2, s2]) =>
                collinearOverlap(m, n, r2, s2) > 0.5 &&
                rectSegmentDistance({ x: x[0], y: x[1], width: 0, height: 0 }, m, n) < 0.5 &&
                onRun(x, b)
            )
          );
          if (sharedRun) continue;
          seen.push(x);
          crossings++;
          crossingsAt.push(`${a.id} × ${b.id} at ${x.map((v) => Math.round(v)).join(',')}`);
        }
    }

  const foreignPasses: string[] = [];
  for (const w of wires) {
    const ends = new Set([w.from, w.to]);
    const holders = new Set([
      ...ancestors(w.from),
      ...ancestors(w.to),
      ...[...ends].filter((e) => boxById.has(e))
    ]);
    for (const [p, q] of segs(w)) {
      for (const n of layout.nodes)
        if (!ends.has(n.slug) && entersRect(p, q, n))
          foreignPasses.push(`${w.id} through node ${n.slug}`);
      for (const b of layout.boxes) {
        if (!holders.has(b.id) && !(b.slug && ends.has(b.slug)) && entersRect(p, q, b))
          foreignPasses.push(`${w.id} through box ${b.id}`);
        if (entersRect(p, q, b.title ?? b.header))
          foreignPasses.push(`${w.id} through the title of ${b.id}`);
      }
    }
  }

  let worstDetour = { wire: '', ratio: 0 };
  let mostBends = { wire: '', bends: 0 };
  const uTurns: string[] = [];
  for (const w of wires) {
    const a = rectOf(w.from);
    const b = rectOf(w.to);
    if (a && b) {
      const d = Math.hypot(
        a.x + a.width / 2 - b.x - b.width / 2,
        a.y + a.height / 2 - b.y - b.height / 2
      );
      const ratio = len(w.points) / Math.max(d, 1);
      if (ratio > worstDetour.ratio) worstDetour = { wire: w.id, ratio };
    }
    const { bends, uTurn } = bendsOf(w.points);
    if (bends > mostBends.bends) mostBends = { wire: w.id, bends };
    if (uTurn) uTurns.push(w.id);
  }

  const strayLabels: string[] = [];
  const labelOverlaps: string[] = [];
  const allLabels = wires.flatMap((w) => w.labels.map((l) => ({ ...l, wire: w })));
  for (const l of allLabels) {
    const own = polylineDistance(l.rect, l.wire.points);
    const other = Math.min(
      Infinity,
      ...wires.filter((w) => w !== l.wire).map((w) => polylineDistance(l.rect, w.points))
    );
    if (own > 3 || other <= own)
      strayLabels.push(
        `${l.wire.id}: "${l.text}" own ${own.toFixed(1)}, other ${other.toFixed(1)}`
      );
    for (const n of layout.nodes)
      if (overlaps(l.rect, n)) labelOverlaps.push(`"${l.text}" over node ${n.slug}`);
    for (const b of layout.boxes) {
      if (overlaps(l.rect, b.title ?? b.header))
        labelOverlaps.push(`"${l.text}" over the title of ${b.id}`);
      if (overlaps(l.rect, b) && !within(l.rect, b))
        labelOverlaps.push(`"${l.text}" across the outline of ${b.id}`);
    }
    for (const m of allLabels)
      if (
        m !== l &&
        m.rect !== l.rect &&
        overlaps(l.rect, m.rect) &&
        l.text + l.wire.id < m.text + m.wire.id
      )
        labelOverlaps.push(`"${l.text}" over "${m.text}"`);
    if (layout.key && overlaps(l.rect, layout.key)) labelOverlaps.push(`"${l.text}" over the key`);
  }

  // Wires from one part to one region, or into one part with one label, are bundled on purpose.
  const regionOf = (slug: string) => ancestors(slug).pop() ?? slug;
  const labelOf = (w: WireShape) => allLabels.find((l) => l.wire === w)?.text ?? '';
  const bundled = (a: WireShape, b: WireShape) =>
    (a.from === b.from && regionOf(a.to) === regionOf(b.to)) ||
    (a.to === b.to && labelOf(a) === labelOf(b));
  const closeWires: string[] = [];
  for (let i = 0; i < wires.length; i++)
    for (let j = i + 1; j < wires.length; j++) {
      const [a, b] = [wires[i], wires[j]];
      if (bundled(a, b)) continue;
      for (const [p, q] of segs(a))
        for (const [r, s] of segs(b)) {
          const horiz = Math.abs(p[1] - q[1]) < EPS && Math.abs(r[1] - s[1]) < EPS;
          const vert = Math.abs(p[0] - q[0]) < EPS && Math.abs(r[0] - s[0]) < EPS;
          if (!horiz && !vert) continue;
          const gap = horiz ? Math.abs(p[1] - r[1]) : Math.abs(p[0] - r[0]);
          const k = horiz ? 0 : 1;
          const run =
            Math.min(Math.max(p[k], q[k]), Math.max(r[k], s[k])) -
            Math.max(Math.min(p[k], q[k]), Math.min(r[k], s[k]));
          if (gap < 8 && run > 40)
            closeWires.push(`${a.id} and ${b.id} ${gap.toFixed(1)} apart over ${run.toFixed(0)}`);
        }
    }

  const area = (r: Rect) => r.width * r.height;
  const covered =
    layout.nodes.reduce((s, n) => s + area(n), 0) +
    layout.boxes.reduce((s: number, b: LayoutBox) => s + area(b.header), 0);
  const missingLabels = layout.flows.filter((e) => e.label && !e.labelRect).map((e) => e.id);
  return {
    crossings,
    crossingsAt,
    missingLabels,
    foreignPasses,
    worstDetour,
    mostBends,
    uTurns,
    strayLabels,
    labelOverlaps,
    closeWires,
    coverage: covered / (layout.width * layout.height),
    wires: wires.length,
    labels: allLabels.length
  };
}

/** Length over which two parallel segments run on the same line. */
function collinearOverlap(a: Pt, b: Pt, c: Pt, d: Pt): number {
  const horiz =
    Math.abs(a[1] - b[1]) < EPS && Math.abs(c[1] - d[1]) < EPS && Math.abs(a[1] - c[1]) < 0.5;
  const vert =
    Math.abs(a[0] - b[0]) < EPS && Math.abs(c[0] - d[0]) < EPS && Math.abs(a[0] - c[0]) < 0.5;
  if (!horiz && !vert) return 0;
  const k = horiz ? 0 : 1;
  return (
    Math.min(Math.max(a[k], b[k]), Math.max(c[k], d[k])) -
    Math.max(Math.min(a[k], b[k]), Math.min(c[k], d[k]))
  );
}

export type { LayoutEdge };
