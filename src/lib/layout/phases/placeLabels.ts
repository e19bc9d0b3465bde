import { wrapText } from '../edgePath.ts';
import type { MeasureText, Rect } from '../MapLayout.ts';
import { SPACE, TYPE } from '../mapStyle.ts';
import type { Pt } from '../orthogonalRouter.ts';
import { rectsOverlap, rectWithin } from '../rects.ts';
import type { Wire } from './routeWires.ts';

/** Widest line of a label before it wraps. */
export const LABEL_MAX_TEXT = 116;

/** A label's lines (long ones wrap) and the size of its pill. */
export function labelSize(text: string, measure: MeasureText) {
  const lines = wrapText(text, LABEL_MAX_TEXT, (s) => measure(s, TYPE.edgeLabel));
  return {
    lines,
    width: Math.ceil(
      Math.max(...lines.map((l) => measure(l, TYPE.edgeLabel))) + 2 * SPACE.labelPadX
    ),
    height: Math.ceil(lines.length * TYPE.edgeLabel * TYPE.lineHeight + 2 * SPACE.labelPadY)
  };
}

/** Shortest distance from a rectangle to a segment (0 when they touch or cross). */
export function rectSegmentDistance(r: Rect, a: Pt, b: Pt): number {
  const x0 = Math.min(a[0], b[0]);
  const x1 = Math.max(a[0], b[0]);
  const y0 = Math.min(a[1], b[1]);
  const y1 = Math.max(a[1], b[1]);
  // Orthogonal segments: the gap between two axis-aligned boxes.
  const dx = Math.max(0, r.x - x1, x0 - (r.x + r.width));
  const dy = Math.max(0, r.y - y1, y0 - (r.y + r.height));
  return Math.hypot(dx, dy);
}

export const polylineDistance = (r: Rect, pts: Pt[]) =>
  Math.min(Infinity, ...pts.slice(1).map((p, i) => rectSegmentDistance(r, pts[i], p)));

export interface LabelScene {
  /**
   * Where a two-way wire runs vertically and its two sides have no room (the narrow
   * portrait map), its labels may stack on one side, the request's above the reply's.
   */
  stackPairs?: boolean;
  /** Rectangles a label may not overlap (nodes, titles, the key). */
  blocked: Rect[];
  /** Box outlines a label may sit inside or outside of, never across. */
  frames: Rect[];
  bounds: Rect;
}

export interface PlacedLabels {
  forward?: Rect;
  back?: Rect;
}

/**
 * Phase 5: every label on its own wire. Candidates lie along each segment, touching it,
 * on either side; a two-way wire's two labels sit on opposite sides at the same point, the
 * request's on the left of its direction of travel. A candidate must not overlap
 * anything, and no other wire may come as near to it as its own; of the rest, the one
 * with the most room from other wires, nearest the middle of a long run, wins.
 */
export function placeLabels(
  wires: Wire[],
  measure: MeasureText,
  scene: LabelScene
): PlacedLabels[] {
  const placed: Rect[] = [];
  const TOUCH = 1.5;
  const free = (r: Rect) =>
    rectWithin(r, scene.bounds) &&
    !scene.blocked.some((b) => rectsOverlap(r, b)) &&
    !placed.some((b) =>
      rectsOverlap(r, { x: b.x - 2, y: b.y - 2, width: b.width + 4, height: b.height + 4 })
    ) &&
    !scene.frames.some((f) => rectsOverlap(r, f) && !rectWithin(r, f));
  const room = (r: Rect, self: Wire) =>
    Math.min(40, ...wires.filter((w) => w !== self).map((w) => polylineDistance(r, w.points)));
  return wires.map((w) => {
    const texts = [w.forward.label, w.back?.label];
    const sizes = texts.map((t) => (t ? labelSize(t, measure) : undefined));
    if (!sizes[0] && !sizes[1]) return {};
    let best: { score: number; rects: (Rect | undefined)[] } | undefined;
    const pts = w.points;
    const total = pts
      .slice(1)
      .reduce((s, p, i) => s + Math.abs(p[0] - pts[i][0]) + Math.abs(p[1] - pts[i][1]), 0);
    let along = 0;
    for (let i = 1; i < pts.length; i++) {
      const [a, b] = [pts[i - 1], pts[i]];
      const len = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
      const horiz = Math.abs(a[1] - b[1]) < 1e-6;
      // Left of the direction of travel: above a rightward run, right of a downward one.
      const dir = horiz ? Math.sign(b[0] - a[0]) : Math.sign(b[1] - a[1]);
      for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]) {
        const cx = a[0] + (b[0] - a[0]) * t;
        const cy = a[1] + (b[1] - a[1]) * t;
        const at = ({ width, height }: { width: number; height: number }, side: 1 | -1): Rect =>
          horiz
            ? {
                x: cx - width / 2,
                y: side * dir > 0 ? cy - TOUCH - height : cy + TOUCH,
                width,
                height
              }
            : {
                x: side * dir > 0 ? cx + TOUCH : cx - TOUCH - width,
                y: cy - height / 2,
                width,
                height
              };
        // A label may overhang a short run, but not sit at its very ends.
        if (len < 20 || len * Math.min(t, 1 - t) < 8) continue;
        const stacked = (side: 1 | -1) => {
          const [f, r] = [at(sizes[0]!, side), at(sizes[1]!, side)];
          return [
            { ...f, y: cy - f.height - 1 },
            { ...r, y: cy + 1 }
          ];
        };
        const options: { side: 1 | -1; rects: (Rect | undefined)[] }[] = w.back
          ? [
              { side: 1, rects: [sizes[0] && at(sizes[0], 1), sizes[1] && at(sizes[1], -1)] },
              ...(scene.stackPairs && !horiz && sizes[0] && sizes[1]
                ? ([1, -1] as const).map((side) => ({ side, rects: stacked(side) }))
                : [])
            ]
          : ([1, -1] as const).map((side) => ({ side, rects: [sizes[0] && at(sizes[0], side)] }));
        for (const { rects } of options) {
          if (!rects.every((r) => !r || free(r))) continue;
          const clear = Math.min(...rects.flatMap((r) => (r ? [room(r, w)] : [])));
          if (clear <= TOUCH + 3) continue;
          const centrality = 1 - Math.abs(0.5 - (along + len * t) / total);
          const score =
            Math.min(clear, 24) * 3 +
            centrality * 20 +
            Math.min(len, 200) / 20 -
            Math.abs(0.5 - t) * 10;
          if (!best || score > best.score + 1e-9) best = { score, rects };
        }
      }
      along += len;
    }
    const rects = best?.rects ?? [];
    for (const r of rects) if (r) placed.push(r);
    return { ...(rects[0] ? { forward: rects[0] } : {}), ...(rects[1] ? { back: rects[1] } : {}) };
  });
}
