// What a routed wire looks like on small hand-made scenes: where it starts and ends, which
// way it leaves and enters its ports, what it keeps clear of, how long it is and how many
// times it bends. Every route is computed inside its test (mutation testing switches a
// mutant on only while a test runs).
import { describe, expect, it } from 'vitest';
import {
  ROUTE_COST,
  routeOrthogonal,
  simplify,
  type Box4,
  type Port,
  type Pt,
  type RouteScene
} from '../../src/lib/layout/orthogonalRouter.ts';

const bounds: Box4 = { x: 0, y: 0, width: 300, height: 200 };
const port = (x: number, y: number, d: Pt, cost = 0): Port => ({ p: [x, y], d, cost });
const scene = (s: Partial<RouteScene> = {}): RouteScene => ({
  hard: [],
  frames: [],
  segments: [],
  bounds,
  ...s
});
const length = (r: Pt[]) =>
  r.slice(1).reduce((s, p, i) => s + Math.abs(p[0] - r[i][0]) + Math.abs(p[1] - r[i][1]), 0);
const bends = (r: Pt[]) => r.length - 2;
const dirOf = (a: Pt, b: Pt): Pt => [Math.sign(b[0] - a[0]), Math.sign(b[1] - a[1])];
/** Whether the segment a-b runs through the inside of r (touching its outline is allowed). */
const enters = (a: Pt, b: Pt, r: Box4) =>
  Math.max(a[0], b[0]) > r.x + 0.01 &&
  Math.min(a[0], b[0]) < r.x + r.width - 0.01 &&
  Math.max(a[1], b[1]) > r.y + 0.01 &&
  Math.min(a[1], b[1]) < r.y + r.height - 0.01;
/** The corners of a route (its points but the two ends). */
const corners = (r: Pt[]) => r.slice(1, -1);
/** The runs of a route between its two end stubs, as [a, b] pairs. */
const segments = (r: Pt[]) => r.slice(1).map((p, i): [Pt, Pt] => [r[i], p]);

/**
 * Routes and checks what every route must be: made of horizontal and vertical runs with a
 * bend at every inner point, from one of `from` leaving in its port's direction for at
 * least a stub, to one of `to` entering against its port's direction after at least a
 * stub, never through a hard rectangle nor out of bounds.
 */
function route(from: Port[], to: Port[], s: RouteScene, bundles = ['a']): Pt[] {
  const r = routeOrthogonal(from, to, s, bundles);
  expect(r, 'a route').toBeDefined();
  const pts = r!;
  expect(pts.length).toBeGreaterThanOrEqual(2);
  for (const [a, b] of segments(pts)) {
    const d = dirOf(a, b);
    expect(Math.abs(d[0]) + Math.abs(d[1]), `run ${a} to ${b} is straight`).toBe(1);
    for (const h of s.hard) expect(enters(a, b, h), `run ${a} to ${b} enters a box`).toBe(false);
    for (const p of [a, b]) {
      expect(p[0]).toBeGreaterThanOrEqual(s.bounds.x);
      expect(p[0]).toBeLessThanOrEqual(s.bounds.x + s.bounds.width);
      expect(p[1]).toBeGreaterThanOrEqual(s.bounds.y);
      expect(p[1]).toBeLessThanOrEqual(s.bounds.y + s.bounds.height);
    }
  }
  for (let i = 2; i < pts.length; i++) {
    const [d0, d1] = [dirOf(pts[i - 2], pts[i - 1]), dirOf(pts[i - 1], pts[i])];
    expect(Math.abs(d0[0] * d1[0] + d0[1] * d1[1]), `a bend at ${pts[i - 1]}`).toBe(0);
  }
  const start = from.find((q) => q.p[0] === pts[0][0] && q.p[1] === pts[0][1]);
  const end = to.find((q) => q.p[0] === pts.at(-1)![0] && q.p[1] === pts.at(-1)![1]);
  expect(start, 'starts at a port').toBeDefined();
  expect(end, 'ends at a port').toBeDefined();
  expect(dirOf(pts[0], pts[1]), 'leaves its port outward').toEqual(start!.d);
  expect(dirOf(pts.at(-2)!, pts.at(-1)!), 'enters its port inward').toEqual([
    -end!.d[0] || 0,
    -end!.d[1] || 0
  ]);
  if (pts.length > 2) {
    expect(length([pts[0], pts[1]])).toBeGreaterThanOrEqual(ROUTE_COST.stub);
    expect(length(pts.slice(-2))).toBeGreaterThanOrEqual(ROUTE_COST.stub);
  }
  return pts;
}

describe('routeOrthogonal: shape', () => {
  it('joins two facing ports in one straight run', () => {
    expect(route([port(10, 100, [1, 0])], [port(290, 100, [-1, 0])], scene())).toEqual([
      [10, 100],
      [290, 100]
    ]);
    expect(route([port(150, 190, [0, -1])], [port(150, 10, [0, 1])], scene())).toEqual([
      [150, 190],
      [150, 10]
    ]);
  });

  it('turns once to reach a port facing across its way', () => {
    expect(route([port(50, 50, [1, 0])], [port(200, 150, [0, -1])], scene())).toEqual([
      [50, 50],
      [200, 50],
      [200, 150]
    ]);
    // The same the other way round: leaving downwards, entering from the left.
    expect(route([port(50, 50, [0, 1])], [port(200, 150, [-1, 0])], scene())).toEqual([
      [50, 50],
      [50, 150],
      [200, 150]
    ]);
  });

  it('joins offset facing ports with two bends and no extra length', () => {
    const r = route([port(50, 50, [1, 0])], [port(250, 150, [-1, 0])], scene());
    expect(bends(r)).toBe(2);
    expect(length(r)).toBe(300);
    // The run between the two bends crosses over between the two stubs.
    expect(r[1][0]).toBe(r[2][0]);
    expect(r[1][0]).toBeGreaterThanOrEqual(50 + ROUTE_COST.stub);
    expect(r[1][0]).toBeLessThanOrEqual(250 - ROUTE_COST.stub);
  });

  it('comes round to a port that faces away, entering it from outside', () => {
    // Nothing in the way, but the end faces away: the wire passes it, turns round and
    // comes back in, rather than doubling back over itself into the port.
    const r = route(
      [port(100, 100, [1, 0])],
      [port(200, 100, [1, 0])],
      scene({ lines: { xs: [], ys: [150] } })
    );
    expect(r.at(-2)![0]).toBe(200 + ROUTE_COST.stub);
    expect(bends(r)).toBe(4);
    // With the end's box an obstacle, it goes round the box.
    const box = { x: 150, y: 60, width: 100, height: 80 };
    const round = route([port(50, 100, [1, 0])], [port(250, 100, [1, 0])], scene({ hard: [box] }));
    expect(round.at(-2)![0]).toBe(250 + ROUTE_COST.stub);
  });

  it('leaves by the cheaper of two ports, and by the other one when it costs more', () => {
    const to = [port(290, 100, [-1, 0])];
    const right = port(100, 100, [1, 0]);
    const top = port(80, 80, [0, -1]);
    expect(route([top, right], to, scene())[0]).toEqual([100, 100]);
    expect(route([top, { ...right, cost: 500 }], to, scene())[0]).toEqual([80, 80]);
    // Of two ends the one reached with fewer bends wins; of two with a bend each, the
    // nearer (130 units and a bend against 190 straight).
    const ends = [port(290, 100, [-1, 0]), port(150, 20, [0, -1])];
    expect(route([right], ends, scene()).at(-1)).toEqual([290, 100]);
    expect(route([right], [ends[0], { ...ends[1], d: [0, 1] }], scene()).at(-1)).toEqual([150, 20]);
  });

  it('never leaves from a port whose first step is blocked or out of bounds', () => {
    const to = [port(290, 100, [-1, 0])];
    const wall = { x: 100, y: 95, width: 20, height: 10 };
    // The straight port's stub would end inside the wall: the other port is used.
    const r = route(
      [port(95, 100, [1, 0]), port(60, 60, [0, -1])],
      to,
      scene({ hard: [{ ...wall, x: 98 }] })
    );
    expect(r[0]).toEqual([60, 60]);
    // Every start blocked: no route at all.
    expect(
      routeOrthogonal([port(95, 100, [1, 0])], to, scene({ hard: [{ ...wall, x: 98 }] }), ['a'])
    ).toBeUndefined();
    expect(
      routeOrthogonal([port(5, 100, [-1, 0])], to, scene(), ['a']),
      'stub out of bounds'
    ).toBeUndefined();
    expect(
      routeOrthogonal([port(10, 100, [1, 0])], [port(295, 100, [1, 0])], scene(), ['a']),
      'end stub out of bounds'
    ).toBeUndefined();
    expect(routeOrthogonal([], to, scene(), ['a'])).toBeUndefined();
  });

  it('may run along the bounds and end its stub on them or on an obstacle', () => {
    // Both ports face out towards the bounds, 10 away: the stubs end on the bounds, and
    // the wire runs round along them.
    const r = route(
      [port(10, 100, [-1, 0])],
      [port(290, 100, [1, 0])],
      scene({ lines: { xs: [], ys: [50] } })
    );
    expect(bends(r)).toBe(4);
    expect([r[1], r[4]]).toEqual([
      [0, 100],
      [300, 100]
    ]);
    expect(r[2][0]).toBe(0);
    const v = route(
      [port(100, 10, [0, -1])],
      [port(100, 190, [0, 1])],
      scene({ lines: { xs: [50], ys: [] } })
    );
    expect(bends(v)).toBe(4);
    expect([v[1], v[4]]).toEqual([
      [100, 0],
      [100, 200]
    ]);
    expect(v[2][1]).toBe(0);
    // A stub that ends on an obstacle's edge turns there.
    const block = { x: 20, y: 60, width: 40, height: 80 };
    const t = route([port(10, 100, [1, 0])], [port(290, 100, [-1, 0])], scene({ hard: [block] }));
    expect(t[1]).toEqual([20, 100]);
  });

  it('takes the cheaper of two ends', () => {
    const from = [port(150, 100, [1, 0])];
    const ends = [port(290, 100, [-1, 0], 50), port(200, 190, [0, -1])];
    // Straight on is 140 long, and 50 for the port; down is 130 long and a bend (36).
    expect(route(from, ends, scene()).at(-1)).toEqual([200, 190]);
    expect(route(from, [ends[0], { ...ends[1], cost: 80 }], scene()).at(-1)).toEqual([290, 100]);
  });

  it('is undefined when a wall shuts the way', () => {
    const wall = { x: 140, y: -10, width: 20, height: 220 };
    expect(
      routeOrthogonal([port(10, 100, [1, 0])], [port(290, 100, [-1, 0])], scene({ hard: [wall] }), [
        'a'
      ])
    ).toBeUndefined();
    // A gap of one unit at the bottom is enough: it runs along the wall's lower edge.
    const r = route(
      [port(10, 100, [1, 0])],
      [port(290, 100, [-1, 0])],
      scene({ hard: [{ ...wall, height: 209 }] })
    );
    expect(Math.max(...r.map((p) => p[1]))).toBe(199);
  });
});

describe('routeOrthogonal: obstacles', () => {
  it('goes round an obstacle on its nearer side, along its edge', () => {
    // The box reaches 40 above the wire's line and 20 below: it passes below, 20 + 20
    // units longer than straight, with four bends.
    const block = { x: 100, y: 60, width: 100, height: 60 };
    const r = route([port(10, 100, [1, 0])], [port(290, 100, [-1, 0])], scene({ hard: [block] }));
    expect(bends(r)).toBe(4);
    expect(length(r)).toBe(280 + 40);
    const under = r.filter((p) => p[0] >= block.x && p[0] <= block.x + block.width);
    expect(under.every((p) => p[1] === 120)).toBe(true);
    // Moved down, it passes above instead.
    const above = route(
      [port(10, 100, [1, 0])],
      [port(290, 100, [-1, 0])],
      scene({ hard: [{ ...block, y: 80 }] })
    );
    expect(length(above)).toBe(280 + 40);
    expect(Math.min(...above.map((p) => p[1]))).toBe(80);
  });

  it('keeps to the middle of a corridor between two obstacles', () => {
    const left = { x: 60, y: 70, width: 60, height: 60 };
    const right = { x: 180, y: 70, width: 60, height: 60 };
    const r = route(
      [port(50, 50, [1, 0])],
      [port(250, 150, [-1, 0])],
      scene({ hard: [left, right] })
    );
    expect(r).toEqual([
      [50, 50],
      [150, 50],
      [150, 150],
      [250, 150]
    ]);
  });

  it('prefers running clear of an obstacle to hugging it, when that costs no length', () => {
    // The crossing run may lie anywhere between the stubs; beside the box's edge it pays
    // for hugging, so it keeps at least hugDistance away.
    const box = { x: 150, y: 80, width: 40, height: 40 };
    const r = route([port(50, 50, [1, 0])], [port(250, 150, [-1, 0])], scene({ hard: [box] }));
    expect(length(r)).toBe(300);
    const x = r[1][0];
    const gap = x <= box.x ? box.x - x : x - box.x - box.width;
    expect(gap).toBeGreaterThanOrEqual(ROUTE_COST.hugDistance);
  });

  it('may run along an obstacle edge, but not through a corner', () => {
    const r = route(
      [port(10, 100, [1, 0])],
      [port(290, 100, [-1, 0])],
      scene({ hard: [{ x: 100, y: 100, width: 100, height: 100 }] })
    );
    // The box's top edge lies on the wire's line: touching it is allowed.
    expect(r).toEqual([
      [10, 100],
      [290, 100]
    ]);
  });
});

describe('routeOrthogonal: other wires', () => {
  const S = (): [Port[], Port[]] => [[port(10, 100, [1, 0])], [port(290, 100, [-1, 0])]];

  it('shares a run with a wire of its own bundle, but keeps off another bundle’s', () => {
    const drawn = [{ a: [0, 100] as Pt, b: [300, 100] as Pt, bundles: ['x'] }];
    expect(route(...S(), scene({ segments: drawn }), ['x'])).toEqual([
      [10, 100],
      [290, 100]
    ]);
    const r = route(...S(), scene({ segments: drawn }), ['y']);
    expect(bends(r)).toBe(4);
    // Between its stubs it runs at least nearDistance off the other wire.
    for (const [a, b] of segments(r).slice(1, -1))
      if (a[1] === b[1])
        expect(Math.abs(a[1] - 100)).toBeGreaterThanOrEqual(ROUTE_COST.nearDistance);
    expect(length(r)).toBeLessThanOrEqual(280 + 2 * 12);
  });

  it('joins the trunk of its bundle rather than a parallel way of the same length', () => {
    const trunk = { a: [150, 50] as Pt, b: [150, 150] as Pt, bundles: ['a'] };
    const Z: [Port[], Port[]] = [[port(50, 50, [1, 0])], [port(250, 150, [-1, 0])]];
    expect(route(...Z, scene({ segments: [trunk] }), ['a'])).toEqual([
      [50, 50],
      [150, 50],
      [150, 150],
      [250, 150]
    ]);
    // Another bundle's wire there is kept at a distance.
    const r = route(...Z, scene({ segments: [{ ...trunk, bundles: ['x'] }] }), ['a']);
    expect(Math.abs(r[1][0] - 150)).toBeGreaterThanOrEqual(ROUTE_COST.nearDistance);
  });

  it('crosses another wire rather than taking a longer way round it', () => {
    // Going round the drawn wire's end would cost four bends and 100 units: more than
    // one crossing.
    const wire = { a: [150, 50] as Pt, b: [150, 150] as Pt, bundles: ['x'] };
    expect(route(...S(), scene({ segments: [wire] }))).toEqual([
      [10, 100],
      [290, 100]
    ]);
  });
  it('puts its crossing run where it crosses no other wire', () => {
    // A drawn wire runs across the left half between the two levels: the vertical run of
    // the route goes to its right.
    const wire = { a: [40, 100] as Pt, b: [150, 100] as Pt, bundles: ['x'] };
    const r = route([port(50, 50, [1, 0])], [port(250, 150, [-1, 0])], scene({ segments: [wire] }));
    expect(bends(r)).toBe(2);
    expect(r[1][0]).toBeGreaterThanOrEqual(150);
    // The same wire on the right half sends it to the left (meeting a wire's end is no
    // crossing).
    const r2 = route(
      [port(50, 50, [1, 0])],
      [port(250, 150, [-1, 0])],
      scene({ segments: [{ ...wire, a: [150, 100], b: [260, 100] }] })
    );
    expect(r2[1][0]).toBeLessThanOrEqual(150);
  });

  it('counts a crossing of a wire off the grid lines too', () => {
    // Wires and outlines at odd positions lie inside a step of the grid, not on it.
    const wire = { a: [150.25, 100] as Pt, b: [260, 100] as Pt, bundles: ['x'] };
    const Z: [Port[], Port[]] = [[port(50, 50, [1, 0])], [port(250, 150, [-1, 0])]];
    const r = route(...Z, scene({ segments: [{ ...wire, a: [150, 100.25], b: [260, 100.25] }] }));
    expect(r[1][0]).toBeLessThanOrEqual(150);
    const frame = { x: 100.25, y: 0, width: 40, height: 80 };
    const f = route(...Z, scene({ frames: [frame] }));
    expect(f[1][0]).toBeLessThanOrEqual(frame.x);
  });

  it('crosses the outline of a box it passes only where it must', () => {
    // A box outline above the right half of the upper level: running on along the upper
    // level would cross it twice, so the route comes down before it.
    const frame = { x: 100, y: 0, width: 40, height: 80 };
    const r = route([port(50, 50, [1, 0])], [port(250, 150, [-1, 0])], scene({ frames: [frame] }));
    expect(bends(r)).toBe(2);
    expect(r[1][0]).toBeLessThanOrEqual(frame.x);
    // Leaving from inside the box, it crosses the outline once, where it is nearest.
    const inner = route(
      [port(120, 50, [1, 0])],
      [port(250, 150, [-1, 0])],
      scene({ frames: [frame] })
    );
    expect(bends(inner)).toBe(2);
    expect(inner[1][0]).toBeGreaterThanOrEqual(frame.x + frame.width);
  });
});

describe('routeOrthogonal: regions and extra lines', () => {
  it('bends outside a region rather than inside it', () => {
    // Without the region the cheapest way is the corridor's middle (x = 150).
    const hard = [
      { x: 60, y: 70, width: 60, height: 60 },
      { x: 180, y: 70, width: 60, height: 60 }
    ];
    const region = { x: 120, y: 0, width: 60, height: 200 };
    const r = route(
      [port(50, 50, [1, 0])],
      [port(250, 150, [-1, 0])],
      scene({ hard, regions: [region] })
    );
    for (const c of corners(r))
      expect(c[0] > region.x && c[0] < region.x + region.width, `corner ${c}`).toBe(false);
    expect(bends(r)).toBe(2);
  });

  it('keeps its runs beside a region away from the region’s outline', () => {
    // The region holds the start; the crossing run goes as far from it as it can.
    const region = { x: 0, y: 0, width: 150, height: 100 };
    expect(
      route([port(50, 50, [1, 0])], [port(250, 150, [-1, 0])], scene({ regions: [region] }))
    ).toEqual([
      [50, 50],
      [240, 50],
      [240, 150],
      [250, 150]
    ]);
  });

  it('enters a region late: the shortest run inside it to an end there', () => {
    // The end sits 50 below the region's top and 90 in from its left side: the wire comes
    // in from above, so 50 of its length lies inside.
    const region = { x: 150, y: 100, width: 150, height: 100 };
    const r = route(
      [port(50, 50, [1, 0])],
      [port(250, 150, [-1, 0])],
      scene({ regions: [region] })
    );
    const inside = segments(r).reduce((s, [a, b]) => {
      const [x0, x1] = [
        Math.max(region.x, Math.min(a[0], b[0])),
        Math.min(300, Math.max(a[0], b[0]))
      ];
      const [y0, y1] = [
        Math.max(region.y, Math.min(a[1], b[1])),
        Math.min(200, Math.max(a[1], b[1]))
      ];
      return s + (x1 >= x0 && y1 >= y0 ? x1 - x0 + (y1 - y0) : 0);
    }, 0);
    expect(inside).toBe(50 + ROUTE_COST.stub);
    expect(length(r)).toBe(300);
  });

  it('turns a corner outside a region even at the cost of two more bends', () => {
    // The one-bend way turns inside the region round its corner point: a bend there costs
    // bendInside, more than two bends outside.
    const region = { x: 120, y: 20, width: 60, height: 60 };
    const r = route(
      [port(50, 50, [1, 0])],
      [port(150, 150, [0, -1])],
      scene({ regions: [region] })
    );
    expect(bends(r)).toBe(3);
    expect(length(r)).toBe(200);
    for (const c of corners(r)) {
      const inside =
        c[0] > region.x &&
        c[0] < region.x + region.width &&
        c[1] > region.y &&
        c[1] < region.y + region.height;
      expect(inside, `corner ${c}`).toBe(false);
    }
  });

  it('goes round a region rather than through it when that is no longer', () => {
    // The crossing run may lie anywhere between the stubs; it keeps out of the region.
    const region = { x: 180, y: 60, width: 65, height: 80 };
    const r = route(
      [port(50, 50, [1, 0])],
      [port(250, 150, [-1, 0])],
      scene({ regions: [region] })
    );
    expect(length(r)).toBe(300);
    const x = r[1][0];
    expect(x <= region.x || x >= region.x + region.width).toBe(true);
  });

  it('keeps a run that passes beside a region a region’s distance off it', () => {
    // A region along the right edge: the crossing run stays repelDistance clear of it.
    const region = { x: 260, y: 0, width: 40, height: 200 };
    const r = route(
      [port(50, 50, [1, 0])],
      [port(250, 150, [-1, 0])],
      scene({ regions: [region] })
    );
    expect(r[1][0]).toBeLessThanOrEqual(region.x - ROUTE_COST.repelDistance);
    // The same for a level run below a region along the top edge.
    const top = { x: 0, y: 0, width: 300, height: 15 };
    const v = route([port(50, 20, [0, 1])], [port(250, 180, [0, -1])], scene({ regions: [top] }));
    expect(v[1][1]).toBeGreaterThanOrEqual(top.y + top.height + ROUTE_COST.repelDistance);
  });

  it('uses an extra grid line it is given', () => {
    // Round a box, the extra line lets the wire pass further off its edge.
    const r = route(
      [port(10, 100, [1, 0])],
      [port(290, 100, [-1, 0])],
      scene({ hard: [{ x: 100, y: 60, width: 100, height: 60 }], lines: { xs: [], ys: [135] } })
    );
    expect(r.filter((p) => p[0] > 100 && p[0] < 200)).toEqual([]);
    expect(Math.max(...r.map((p) => p[1]))).toBe(135);
    // An extra upright line does the same for a wire going down past a box.
    const v = route(
      [port(100, 10, [0, 1])],
      [port(100, 190, [0, -1])],
      scene({ hard: [{ x: 60, y: 50, width: 60, height: 100 }], lines: { xs: [135], ys: [] } })
    );
    expect(Math.max(...v.map((p) => p[0]))).toBe(135);
  });
});

describe('simplify', () => {
  it('drops repeated points and the middle of straight runs, keeping both ends', () => {
    expect(
      simplify([
        [0, 0],
        [0, 0],
        [5, 0],
        [10, 0],
        [10, 5],
        [10, 9],
        [10, 9],
        [20, 9]
      ])
    ).toEqual([
      [0, 0],
      [10, 0],
      [10, 9],
      [20, 9]
    ]);
  });

  it('keeps every corner and both ends of a short route', () => {
    const z: Pt[] = [
      [0, 0],
      [5, 0],
      [5, 5],
      [9, 5]
    ];
    expect(simplify(z)).toEqual(z);
    expect(simplify([[3, 4]])).toEqual([[3, 4]]);
    expect(simplify([])).toEqual([]);
    expect(
      simplify([
        [3, 4],
        [3, 4]
      ])
    ).toEqual([[3, 4]]);
    expect(
      simplify([
        [0, 0],
        [0, 7]
      ])
    ).toEqual([
      [0, 0],
      [0, 7]
    ]);
  });

  it('treats points closer than a millionth as one', () => {
    expect(
      simplify([
        [0, 0],
        [1e-7, 0],
        [5, 1e-7],
        [5, 5]
      ])
    ).toEqual([
      [0, 0],
      [5, 1e-7],
      [5, 5]
    ]);
    expect(
      simplify([
        [0, 0],
        [0.001, 0],
        [0.001, 5]
      ])
    ).toHaveLength(3);
  });
});
