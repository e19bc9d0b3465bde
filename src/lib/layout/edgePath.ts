/**
 * SVG path through orthogonal points with corners rounded by up to `radius`
 * (never more than half the shorter adjoining segment, so short jogs stay clean).
 */
export function roundedPath(points: [number, number][], radius = 8): string {
  if (points.length === 0) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M${f(points[0][0])},${f(points[0][1])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [px, py] = points[i - 1];
    const [x, y] = points[i];
    const [nx, ny] = points[i + 1];
    const inLen = Math.hypot(x - px, y - py);
    const outLen = Math.hypot(nx - x, ny - y);
    const r = Math.min(radius, inLen / 2, outLen / 2);
    if (r < 0.5) {
      d += `L${f(x)},${f(y)}`;
      continue;
    }
    const ax = x - ((x - px) / inLen) * r;
    const ay = y - ((y - py) / inLen) * r;
    const bx = x + ((nx - x) / outLen) * r;
    const by = y + ((ny - y) / outLen) * r;
    d += `L${f(ax)},${f(ay)}Q${f(x)},${f(y)} ${f(bx)},${f(by)}`;
  }
  const last = points[points.length - 1];
  return d + `L${f(last[0])},${f(last[1])}`;
}

/** Greedy word wrap of `text` into lines no wider than `maxWidth` (a long word stays whole). */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Shifts an orthogonal polyline sideways by `distance` (to the left of its direction
 * of travel for positive values), keeping every segment parallel to the original, so
 * two arrows can run side by side along one route.
 */
export function offsetPath(points: [number, number][], distance: number): [number, number][] {
  const pts = points.filter(
    (p, i) => i === 0 || Math.hypot(p[0] - points[i - 1][0], p[1] - points[i - 1][1]) > 1e-6
  );
  if (pts.length < 2) return pts.map(([x, y]) => [x, y]);
  const normals = pts.slice(1).map((p, i): [number, number] => {
    const dx = p[0] - pts[i][0];
    const dy = p[1] - pts[i][1];
    const len = Math.hypot(dx, dy);
    return [dy / len, -dx / len];
  });
  return pts.map(([x, y], i) => {
    const a = normals[Math.max(0, i - 1)];
    const b = normals[Math.min(normals.length - 1, i)];
    // At a right-angle corner both neighbouring segments move, so the corner moves by both.
    const same = Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;
    const [nx, ny] = same ? a : [a[0] + b[0], a[1] + b[1]];
    return [x + nx * distance, y + ny * distance];
  });
}

type Pt = [number, number];
interface Box4 {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What an orthogonal route must avoid or should prefer to avoid. */
export interface RouteScene {
  /** Rectangles no segment may enter (already inflated by the wanted clearance). */
  hard: Box4[];
  /** Box outlines: crossing one costs a little, running along one is avoided. */
  frames: Box4[];
  /** Segments of arrows already drawn: crossing costs, running on top is avoided. */
  segments: [Pt, Pt][];
  bounds: Box4;
}

const BEND_COST = 40;
const CROSS_COST = 60;
const FRAME_COST = 12;
const OVERLAP_COST = 2000;
const STUB = 12;

/**
 * Shortest orthogonal route (length plus a cost per bend, per crossed arrow and per
 * crossed box outline) from a side of `from` to a side of `to`, on the grid of lines
 * through the obstacles' edges. Deterministic. Returns undefined when no route exists.
 */
export function routeOrthogonal(from: Box4, to: Box4, scene: RouteScene): Pt[] | undefined {
  const ports = (r: Box4) => {
    const out: { p: Pt; d: Pt; extra: number }[] = [];
    const h2 = (n: number) => Math.round(n * 2) / 2;
    const cx = h2(r.x + r.width / 2);
    const cy = h2(r.y + r.height / 2);
    const along = r.width >= 80 ? [0, -0.25, 0.25] : [0];
    for (const f of along) {
      const extra = f === 0 ? 0 : 6;
      out.push({ p: [h2(cx + f * r.width), r.y], d: [0, -1], extra });
      out.push({ p: [h2(cx + f * r.width), r.y + r.height], d: [0, 1], extra });
    }
    out.push({ p: [r.x, cy], d: [-1, 0], extra: 0 });
    out.push({ p: [r.x + r.width, cy], d: [1, 0], extra: 0 });
    return out;
  };
  const inside = (x: number, y: number, r: Box4) => x > r.x + 0.01 && x < r.x + r.width - 0.01 && y > r.y + 0.01 && y < r.y + r.height - 0.01;
  const hard = [...scene.hard, from, to];
  const free = (x: number, y: number) =>
    x >= scene.bounds.x && x <= scene.bounds.x + scene.bounds.width && y >= scene.bounds.y && y <= scene.bounds.y + scene.bounds.height && !hard.some((r) => inside(x, y, r));
  const stub = (q: { p: Pt; d: Pt }): Pt => [q.p[0] + q.d[0] * STUB, q.p[1] + q.d[1] * STUB];
  const srcPorts = ports(from).filter((q) => free(...stub(q)));
  const dstPorts = ports(to).filter((q) => free(...stub(q)));
  if (!srcPorts.length || !dstPorts.length) return undefined;

  const xsSet = new Set<number>();
  const ysSet = new Set<number>();
  const r2 = (n: number) => Math.round(n * 2) / 2;
  for (const r of [...hard, ...scene.frames]) {
    xsSet.add(r2(r.x)).add(r2(r.x + r.width));
    ysSet.add(r2(r.y)).add(r2(r.y + r.height));
  }
  for (const q of [...srcPorts, ...dstPorts]) {
    const [sx, sy] = stub(q);
    xsSet.add(r2(sx));
    ysSet.add(r2(sy));
  }
  const withMid = (set: Set<number>, lo: number, hi: number) => {
    const v = [...set].filter((n) => n >= lo && n <= hi).sort((a, b) => a - b);
    const mids = v.slice(1).map((n, i) => r2((n + v[i]) / 2));
    return [...new Set([...v, ...mids])].sort((a, b) => a - b);
  };
  const b = scene.bounds;
  const xs = withMid(xsSet, b.x, b.x + b.width);
  const ys = withMid(ysSet, b.y, b.y + b.height);
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, i) => [y, i]));
  const W = xs.length;

  const segH = scene.segments.filter(([a, c]) => Math.abs(a[1] - c[1]) < 0.5);
  const segV = scene.segments.filter(([a, c]) => Math.abs(a[0] - c[0]) < 0.5);
  // Cost of the grid step from (x1,y1) to (x2,y2) beyond its length, or Infinity if blocked.
  const stepCost = (x1: number, y1: number, x2: number, y2: number): number => {
    const horiz = y1 === y2;
    const lo = horiz ? Math.min(x1, x2) : Math.min(y1, y2);
    const hi = horiz ? Math.max(x1, x2) : Math.max(y1, y2);
    const mx = (x1 + x2) / 2;
    const my = (y1 + y2) / 2;
    if (!free(mx, my)) return Infinity;
    for (const r of hard) {
      if (horiz ? y1 > r.y && y1 < r.y + r.height && hi > r.x && lo < r.x + r.width : x1 > r.x && x1 < r.x + r.width && hi > r.y && lo < r.y + r.height)
        return Infinity;
    }
    let c = 0;
    for (const [a, e] of horiz ? segV : segH) {
      const k = horiz ? a[0] : a[1];
      const s0 = horiz ? Math.min(a[1], e[1]) : Math.min(a[0], e[0]);
      const s1 = horiz ? Math.max(a[1], e[1]) : Math.max(a[0], e[0]);
      const fixed = horiz ? y1 : x1;
      if (k > lo && k < hi && fixed > s0 && fixed < s1) c += CROSS_COST;
    }
    for (const [a, e] of horiz ? segH : segV) {
      const k = horiz ? a[1] : a[0];
      const fixed = horiz ? y1 : x1;
      const s0 = horiz ? Math.min(a[0], e[0]) : Math.min(a[1], e[1]);
      const s1 = horiz ? Math.max(a[0], e[0]) : Math.max(a[1], e[1]);
      if (Math.abs(k - fixed) < 5 && Math.min(hi, s1) - Math.max(lo, s0) > 1) c += OVERLAP_COST;
    }
    for (const r of scene.frames) {
      const edgesAcross = horiz ? [r.x, r.x + r.width] : [r.y, r.y + r.height];
      const fixed = horiz ? y1 : x1;
      const span0 = horiz ? r.y : r.x;
      const span1 = horiz ? r.y + r.height : r.x + r.width;
      if (fixed > span0 && fixed < span1) for (const k of edgesAcross) if (k > lo && k < hi) c += FRAME_COST;
      const along = horiz ? [r.y, r.y + r.height] : [r.x, r.x + r.width];
      const a0 = horiz ? r.x : r.y;
      const a1 = horiz ? r.x + r.width : r.y + r.height;
      for (const k of along) if (Math.abs(k - fixed) < 6 && Math.min(hi, a1) - Math.max(lo, a0) > 1) c += OVERLAP_COST;
    }
    return c;
  };

  const DIRS: Pt[] = [[1, 0], [-1, 0], [0, 1], [0, -1]];
  const dirIndex = (d: Pt) => DIRS.findIndex((q) => q[0] === d[0] && q[1] === d[1]);
  const key = (ix: number, iy: number, di: number) => (iy * W + ix) * 4 + di;
  const dist = new Map<number, number>();
  const prev = new Map<number, number>();
  // Binary heap of [cost + heuristic, tie-break, state].
  const heap: [number, number, number][] = [];
  let seq = 0;
  const push = (f: number, s: number) => {
    heap.push([f, seq++, s]);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p][0] < heap[i][0] || (heap[p][0] === heap[i][0] && heap[p][1] < heap[i][1])) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        const less = (a: number, c: number) => heap[a][0] < heap[c][0] || (heap[a][0] === heap[c][0] && heap[a][1] < heap[c][1]);
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  const goals = new Map<number, number>();
  for (const q of dstPorts) {
    const [sx, sy] = stub(q);
    const ix = xi.get(r2(sx))!;
    const iy = yi.get(r2(sy))!;
    const inward = dirIndex([-q.d[0], -q.d[1]] as Pt);
    for (let di = 0; di < 4; di++) {
      const k = key(ix, iy, di);
      const c = (di === inward ? 0 : BEND_COST) + q.extra + STUB;
      goals.set(k, Math.min(goals.get(k) ?? Infinity, c));
    }
  }
  const tx = to.x + to.width / 2;
  const ty = to.y + to.height / 2;
  const h = (x: number, y: number) => Math.abs(x - tx) + Math.abs(y - ty) - to.width / 2 - to.height / 2;
  for (const q of srcPorts) {
    const [sx, sy] = stub(q);
    const s = key(xi.get(r2(sx))!, yi.get(r2(sy))!, dirIndex(q.d));
    const c = STUB + q.extra;
    if (c < (dist.get(s) ?? Infinity)) {
      dist.set(s, c);
      prev.set(s, -1);
      push(c + Math.max(0, h(sx, sy)), s);
    }
  }
  let best = Infinity;
  let bestState = -1;
  while (heap.length) {
    const [f, , s] = pop();
    if (f >= best) break;
    const d = dist.get(s)!;
    if (f - Math.max(0, h(xs[Math.floor(s / 4) % W], ys[Math.floor(Math.floor(s / 4) / W)])) > d + 1e-9) continue;
    const g = goals.get(s);
    if (g !== undefined && d + g < best) {
      best = d + g;
      bestState = s;
    }
    const cell = Math.floor(s / 4);
    const di = s % 4;
    const ix = cell % W;
    const iy = Math.floor(cell / W);
    for (let nd = 0; nd < 4; nd++) {
      const [dx, dy] = DIRS[nd];
      if (dx === -DIRS[di][0] && dy === -DIRS[di][1]) continue;
      const nx = ix + dx;
      const ny = iy + dy;
      if (nx < 0 || ny < 0 || nx >= W || ny >= ys.length) continue;
      const extra = stepCost(xs[ix], ys[iy], xs[nx], ys[ny]);
      if (extra === Infinity) continue;
      const nc = d + Math.abs(xs[nx] - xs[ix]) + Math.abs(ys[ny] - ys[iy]) + extra + (nd === di ? 0 : BEND_COST);
      const ns = key(nx, ny, nd);
      if (nc < (dist.get(ns) ?? Infinity)) {
        dist.set(ns, nc);
        prev.set(ns, s);
        push(nc + Math.max(0, h(xs[nx], ys[ny])), ns);
      }
    }
  }
  if (bestState < 0) return undefined;
  const cells: Pt[] = [];
  for (let s = bestState; s >= 0; s = prev.get(s)!) {
    const cell = Math.floor(s / 4);
    cells.push([xs[cell % W], ys[Math.floor(cell / W)]]);
  }
  cells.reverse();
  const first = srcPorts.find((q) => r2(stub(q)[0]) === cells[0][0] && r2(stub(q)[1]) === cells[0][1]) ?? srcPorts[0];
  const endCell = cells[cells.length - 1];
  const last = dstPorts.find((q) => r2(stub(q)[0]) === endCell[0] && r2(stub(q)[1]) === endCell[1]) ?? dstPorts[0];
  const pts: Pt[] = [first.p, ...cells, last.p];
  // Drop repeated and collinear points.
  const out: Pt[] = [];
  for (const p of pts) {
    if (out.length && Math.abs(out[out.length - 1][0] - p[0]) < 1e-6 && Math.abs(out[out.length - 1][1] - p[1]) < 1e-6) continue;
    if (out.length >= 2) {
      const [a, c] = [out[out.length - 2], out[out.length - 1]];
      if ((Math.abs(a[0] - c[0]) < 1e-6 && Math.abs(c[0] - p[0]) < 1e-6) || (Math.abs(a[1] - c[1]) < 1e-6 && Math.abs(c[1] - p[1]) < 1e-6)) {
        out[out.length - 1] = p;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}
