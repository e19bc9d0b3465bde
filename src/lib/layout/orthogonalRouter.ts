/** A point in map units. */
export type Pt = [number, number];

export interface Box4 {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a wire may leave or enter a rectangle: a point on its outline, the outward direction, and a cost. */
export interface Port {
  p: Pt;
  d: Pt;
  cost: number;
}

/** A segment of a wire already drawn, with the bundles it belongs to (wires of one bundle may share a run). */
export interface DrawnSegment {
  a: Pt;
  b: Pt;
  bundles: string[];
}

/** What a route must avoid or should prefer to avoid. */
export interface RouteScene {
  /** Rectangles no segment may enter (already inflated by the wanted clearance). */
  hard: Box4[];
  /** Box outlines a wire may cross at a small cost (the boxes its ends sit in). */
  frames: Box4[];
  /** Wires already drawn: crossing one costs, running close beside one costs more. */
  segments: DrawnSegment[];
  bounds: Box4;
  /** Regions a route should leave soon and enter late (length inside costs extra). */
  regions?: Box4[];
  /** Extra grid lines (x and y) the route may use. */
  lines?: { xs: number[]; ys: number[] };
}

export const ROUTE_COST = {
  bend: 36,
  cross: 90,
  frame: 10,
  /** Running within `near` units beside another bundle's wire, per unit of length. */
  near: 40,
  nearDistance: 9,
  /** Length along a run shared with a wire of the same bundle costs this fraction. */
  shared: 0.75,
  /** Running within `hugDistance` of an obstacle, per unit of length (wires keep to the middle of corridors). */
  hug: 0.6,
  hugDistance: 18,
  /** Per unit of length inside one of the scene's regions, and per bend there. */
  inside: 0.5,
  bendInside: 160,
  /** Per unit of length running beside a region's outline within `repelDistance` (room for labels). */
  repel: 0.35,
  repelDistance: 100,
  stub: 10
} as const;

const EPS = 1e-6;

/**
 * Cheapest orthogonal route from one of `from` ports to one of `to` ports: length plus a
 * cost per bend, per crossed wire and per crossed box outline, with runs beside another
 * bundle's wire made expensive and runs along a wire of one of its `bundles` made cheap (so
 * arrows from one part leave as a trunk). Searches the grid of lines through the
 * obstacles' edges, the ports and the drawn wires. Deterministic; undefined when blocked.
 */
export function routeOrthogonal(
  from: Port[],
  to: Port[],
  scene: RouteScene,
  bundles: string[]
): Pt[] | undefined {
  const together = (s: DrawnSegment) => s.bundles.some((b) => bundles.includes(b));
  const r2 = (n: number) => Math.round(n * 2) / 2;
  const b = scene.bounds;
  const insideBounds = (x: number, y: number) =>
    x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;
  const strictlyIn = (x: number, y: number, r: Box4) =>
    x > r.x + 0.01 && x < r.x + r.width - 0.01 && y > r.y + 0.01 && y < r.y + r.height - 0.01;
  const free = (x: number, y: number) =>
    insideBounds(x, y) && !scene.hard.some((r) => strictlyIn(x, y, r));
  const stub = (q: Port): Pt => [
    r2(q.p[0] + q.d[0] * ROUTE_COST.stub),
    r2(q.p[1] + q.d[1] * ROUTE_COST.stub)
  ];
  const src = from.filter((q) => free(...stub(q)));
  const dst = to.filter((q) => free(...stub(q)));
  if (!src.length || !dst.length) return undefined;

  const xsSet = new Set<number>();
  const ysSet = new Set<number>();
  for (const r of [...scene.hard, ...scene.frames]) {
    xsSet.add(r2(r.x)).add(r2(r.x + r.width));
    ysSet.add(r2(r.y)).add(r2(r.y + r.height));
  }
  for (const q of [...src, ...dst]) {
    const [sx, sy] = stub(q);
    xsSet.add(sx).add(r2(q.p[0]));
    ysSet.add(sy).add(r2(q.p[1]));
  }
  for (const s of scene.segments) {
    const vertical = Math.abs(s.a[0] - s.b[0]) < EPS;
    const k = vertical ? s.a[0] : s.a[1];
    const set = vertical ? xsSet : ysSet;
    set.add(r2(k));
    set.add(r2(k - 12)).add(r2(k + 12));
  }
  for (const x of scene.lines?.xs ?? []) xsSet.add(r2(x));
  for (const y of scene.lines?.ys ?? []) ysSet.add(r2(y));
  const withMid = (set: Set<number>, lo: number, hi: number) => {
    const v = [...set].filter((n) => n >= lo && n <= hi).sort((p, q) => p - q);
    const mids = v.slice(1).map((n, i) => r2((n + v[i]) / 2));
    return [...new Set([...v, ...mids])].sort((p, q) => p - q);
  };
  const xs = withMid(xsSet, b.x, b.x + b.width);
  const ys = withMid(ysSet, b.y, b.y + b.height);
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, i) => [y, i]));
  const W = xs.length;

  // Per grid line, the intervals hard rectangles block (so a step checks a short list).
  const blockH = ys.map((y) =>
    scene.hard.filter((r) => y > r.y + 0.01 && y < r.y + r.height - 0.01)
  );
  const blockV = xs.map((x) =>
    scene.hard.filter((r) => x > r.x + 0.01 && x < r.x + r.width - 0.01)
  );
  const segH = scene.segments.filter((s) => Math.abs(s.a[1] - s.b[1]) < EPS);
  const segV = scene.segments.filter((s) => Math.abs(s.a[0] - s.b[0]) < EPS);
  const framesH = ys.map((y) => scene.frames.filter((r) => y > r.y && y < r.y + r.height));
  const D = ROUTE_COST.hugDistance;
  // Obstacles a grid line passes close beside (within D), with how close.
  const nearH = ys.map((y) =>
    scene.hard.flatMap((r) => {
      const d = y <= r.y ? r.y - y : y >= r.y + r.height ? y - r.y - r.height : -1;
      return d >= 0 && d < D ? [{ lo: r.x, hi: r.x + r.width, w: 1 - d / D }] : [];
    })
  );
  const nearV = xs.map((x) =>
    scene.hard.flatMap((r) => {
      const d = x <= r.x ? r.x - x : x >= r.x + r.width ? x - r.x - r.width : -1;
      return d >= 0 && d < D ? [{ lo: r.y, hi: r.y + r.height, w: 1 - d / D }] : [];
    })
  );
  // Outside a region, runs parallel to its outline keep their distance (labels go there).
  const R = ROUTE_COST.repelDistance;
  for (const r of scene.regions ?? []) {
    xs.forEach((x, i) => {
      const d = x <= r.x ? r.x - x : x >= r.x + r.width ? x - r.x - r.width : -1;
      if (d >= 0 && d < R)
        nearV[i].push({
          lo: r.y,
          hi: r.y + r.height,
          w: ((1 - d / R) * ROUTE_COST.repel) / ROUTE_COST.hug
        });
    });
    ys.forEach((y, i) => {
      const d = y <= r.y ? r.y - y : y >= r.y + r.height ? y - r.y - r.height : -1;
      if (d >= 0 && d < R)
        nearH[i].push({
          lo: r.x,
          hi: r.x + r.width,
          w: ((1 - d / R) * ROUTE_COST.repel) / ROUTE_COST.hug
        });
    });
  }
  const framesV = xs.map((x) => scene.frames.filter((r) => x > r.x && x < r.x + r.width));
  // Wires and outlines lying on a grid line are met at a grid point, not inside a step:
  // going straight on through that point crosses them.
  const on = (k: number, x: number) => Math.abs(k - x) < EPS;
  const wiresAtX = xs.map((x) => segV.filter((s) => on(s.a[0], x)));
  const wiresAtY = ys.map((y) => segH.filter((s) => on(s.a[1], y)));
  const outlinesAtX = xs.map((x) => scene.frames.filter((r) => on(r.x, x) || on(r.x + r.width, x)));
  const outlinesAtY = ys.map((y) =>
    scene.frames.filter((r) => on(r.y, y) || on(r.y + r.height, y))
  );
  const passCost = (ix: number, iy: number, horiz: boolean): number => {
    const [x, y] = [xs[ix], ys[iy]];
    let c = 0;
    for (const s of horiz ? wiresAtX[ix] : wiresAtY[iy]) {
      const [s0, s1] = horiz ? [s.a[1], s.b[1]] : [s.a[0], s.b[0]];
      const fixed = horiz ? y : x;
      if (fixed > Math.min(s0, s1) && fixed < Math.max(s0, s1)) c += ROUTE_COST.cross;
    }
    for (const r of horiz ? outlinesAtX[ix] : outlinesAtY[iy]) {
      const inside = horiz ? y > r.y && y < r.y + r.height : x > r.x && x < r.x + r.width;
      if (inside) c += ROUTE_COST.frame;
    }
    return c;
  };

  const stepCost = (ix: number, iy: number, nx: number, ny: number): number => {
    const horiz = iy === ny;
    const x1 = xs[ix];
    const y1 = ys[iy];
    const x2 = xs[nx];
    const y2 = ys[ny];
    const lo = horiz ? Math.min(x1, x2) : Math.min(y1, y2);
    const hi = horiz ? Math.max(x1, x2) : Math.max(y1, y2);
    const len = hi - lo;
    for (const r of horiz ? blockH[iy] : blockV[ix]) {
      const r0 = horiz ? r.x : r.y;
      const r1 = horiz ? r.x + r.width : r.y + r.height;
      if (hi > r0 + 0.01 && lo < r1 - 0.01) return Infinity;
    }
    if (!insideBounds((x1 + x2) / 2, (y1 + y2) / 2)) return Infinity;
    const fixed = horiz ? y1 : x1;
    let c = 0;
    let lengthFactor = 1;
    for (const s of horiz ? segV : segH) {
      const k = horiz ? s.a[0] : s.a[1];
      const s0 = horiz ? Math.min(s.a[1], s.b[1]) : Math.min(s.a[0], s.b[0]);
      const s1 = horiz ? Math.max(s.a[1], s.b[1]) : Math.max(s.a[0], s.b[0]);
      if (k > lo && k < hi && fixed > s0 && fixed < s1) c += ROUTE_COST.cross;
    }
    for (const s of horiz ? segH : segV) {
      const k = horiz ? s.a[1] : s.a[0];
      const s0 = horiz ? Math.min(s.a[0], s.b[0]) : Math.min(s.a[1], s.b[1]);
      const s1 = horiz ? Math.max(s.a[0], s.b[0]) : Math.max(s.a[1], s.b[1]);
      const overlap = Math.min(hi, s1) - Math.max(lo, s0);
      if (overlap <= 0.5) continue;
      const gap = Math.abs(k - fixed);
      if (together(s)) {
        if (gap < 0.5) lengthFactor = ROUTE_COST.shared;
      } else if (gap < ROUTE_COST.nearDistance) c += ROUTE_COST.near * overlap;
    }
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    for (const r of scene.regions ?? [])
      if (mx > r.x && mx < r.x + r.width && my > r.y && my < r.y + r.height)
        c += ROUTE_COST.inside * len;
    for (const n of horiz ? nearH[iy] : nearV[ix]) {
      const overlap = Math.min(hi, n.hi) - Math.max(lo, n.lo);
      if (overlap > 0) c += ROUTE_COST.hug * n.w * overlap;
    }
    for (const r of horiz ? framesH[iy] : framesV[ix]) {
      const edges = horiz ? [r.x, r.x + r.width] : [r.y, r.y + r.height];
      for (const k of edges) if (k > lo && k < hi) c += ROUTE_COST.frame;
    }
    return c + len * lengthFactor;
  };

  const insideRegion = (ix: number, iy: number) =>
    (scene.regions ?? []).some(
      (r) => xs[ix] > r.x && xs[ix] < r.x + r.width && ys[iy] > r.y && ys[iy] < r.y + r.height
    );
  const DIRS: Pt[] = [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1]
  ];
  const dirIndex = (d: Pt) => DIRS.findIndex((q) => q[0] === d[0] && q[1] === d[1]);
  const key = (ix: number, iy: number, di: number) => (iy * W + ix) * 4 + di;
  const dist = new Map<number, number>();
  const prev = new Map<number, number>();
  const heap = new MinHeap();
  const goals = new Map<number, number>();
  const goalPort = new Map<number, Port>();
  for (const q of dst) {
    const [sx, sy] = stub(q);
    const inward = dirIndex([-q.d[0], -q.d[1]] as Pt);
    for (let di = 0; di < 4; di++) {
      // Arriving at the stub moving outward would need a U-turn into the port: the wire
      // would come back over itself, through the end's own box.
      if (di === dirIndex(q.d)) continue;
      const k = key(xi.get(sx)!, yi.get(sy)!, di);
      const c = (di === inward ? 0 : ROUTE_COST.bend) + q.cost + ROUTE_COST.stub;
      if (c < (goals.get(k) ?? Infinity)) {
        goals.set(k, c);
        goalPort.set(k, q);
      }
    }
  }
  const tx = dst.reduce((s, q) => s + q.p[0], 0) / dst.length;
  const ty = dst.reduce((s, q) => s + q.p[1], 0) / dst.length;
  const spread = Math.max(...dst.map((q) => Math.abs(q.p[0] - tx) + Math.abs(q.p[1] - ty)));
  // Admissible: shared runs cost a fraction of their length.
  const h = (x: number, y: number) =>
    Math.max(0, Math.abs(x - tx) + Math.abs(y - ty) - spread - ROUTE_COST.stub) * ROUTE_COST.shared;
  const startPort = new Map<number, Port>();
  for (const q of src) {
    const [sx, sy] = stub(q);
    const s = key(xi.get(sx)!, yi.get(sy)!, dirIndex(q.d));
    const c = ROUTE_COST.stub + q.cost;
    if (c < (dist.get(s) ?? Infinity)) {
      dist.set(s, c);
      prev.set(s, -1);
      startPort.set(s, q);
      heap.push(c + h(sx, sy), s);
    }
  }
  let best = Infinity;
  let bestState = -1;
  while (heap.size) {
    const [f, s] = heap.pop();
    if (f >= best) break;
    const d = dist.get(s)!;
    const cell = Math.floor(s / 4);
    const di = s % 4;
    const ix = cell % W;
    const iy = Math.floor(cell / W);
    if (f - h(xs[ix], ys[iy]) > d + 1e-9) continue;
    const g = goals.get(s);
    if (g !== undefined && d + g < best) {
      best = d + g;
      bestState = s;
    }
    for (let nd = 0; nd < 4; nd++) {
      const [dx, dy] = DIRS[nd];
      if (dx === -DIRS[di][0] && dy === -DIRS[di][1]) continue;
      const nx = ix + dx;
      const ny = iy + dy;
      if (nx < 0 || ny < 0 || nx >= W || ny >= ys.length) continue;
      const step = stepCost(ix, iy, nx, ny);
      if (step === Infinity) continue;
      const turn =
        nd === di
          ? passCost(ix, iy, nd < 2)
          : ROUTE_COST.bend + (insideRegion(ix, iy) ? ROUTE_COST.bendInside : 0);
      const nc = d + step + turn;
      const ns = key(nx, ny, nd);
      if (nc < (dist.get(ns) ?? Infinity) - 1e-9) {
        dist.set(ns, nc);
        prev.set(ns, s);
        heap.push(nc + h(xs[nx], ys[ny]), ns);
      }
    }
  }
  if (bestState < 0) return undefined;
  const states: number[] = [];
  for (let s = bestState; s >= 0; s = prev.get(s)!) states.push(s);
  states.reverse();
  const cells: Pt[] = states.map((s) => {
    const cell = Math.floor(s / 4);
    return [xs[cell % W], ys[Math.floor(cell / W)]];
  });
  const first = startPort.get(states[0])!;
  const last = goalPort.get(bestState)!;
  return simplify([first.p, ...cells, last.p]);
}

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(pts: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of pts) {
    const n = out.length;
    if (n && Math.abs(out[n - 1][0] - p[0]) < EPS && Math.abs(out[n - 1][1] - p[1]) < EPS) continue;
    if (n >= 2) {
      const [a, c] = [out[n - 2], out[n - 1]];
      if (
        (Math.abs(a[0] - c[0]) < EPS && Math.abs(c[0] - p[0]) < EPS) ||
        (Math.abs(a[1] - c[1]) < EPS && Math.abs(c[1] - p[1]) < EPS)
      ) {
        out[n - 1] = p;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

/** A binary min-heap of [priority, state], ties broken by insertion order (deterministic). */
class MinHeap {
  private items: [number, number, number][] = [];
  private seq = 0;
  get size() {
    return this.items.length;
  }
  private less(i: number, j: number) {
    const [a, b] = [this.items[i], this.items[j]];
    return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  }
  push(f: number, s: number) {
    const h = this.items;
    h.push([f, this.seq++, s]);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  pop(): [number, number] {
    const h = this.items;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(l, m)) m = l;
        if (r < h.length && this.less(r, m)) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i], h[m]];
        i = m;
      }
    }
    return [top[0], top[2]];
  }
}
