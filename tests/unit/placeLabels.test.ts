// Where a wire's labels go on small hand-made scenes: touching their own wire, on the side
// the code promises, clear of nodes, frames, bounds, other labels and other wires, and as
// big as their measured text and padding. Everything is computed inside each test
// (mutation testing switches a mutant on only while a test runs).
import { describe, expect, it } from 'vitest';
import type { MeasureText, Rect } from '../../src/lib/layout/MapLayout.ts';
import { SPACE, TYPE } from '../../src/lib/layout/mapStyle.ts';
import type { Pt } from '../../src/lib/layout/orthogonalRouter.ts';
import {
  LABEL_MAX_TEXT,
  labelSize,
  placeLabels,
  polylineDistance,
  rectSegmentDistance,
  type LabelScene
} from '../../src/lib/layout/phases/placeLabels.ts';
import type { Wire } from '../../src/lib/layout/phases/routeWires.ts';

/** Half the type size per character: 6 units at the label size of 12. */
const measure: MeasureText = (text, size) => (text.length * size) / 2;
const CHAR = TYPE.edgeLabel / 2;
const LINE = TYPE.edgeLabel * TYPE.lineHeight;
/** A one-line label's pill: its text plus the padding on each side. */
const pill = (text: string) => ({
  width: text.length * CHAR + 2 * SPACE.labelPadX,
  height: LINE + 2 * SPACE.labelPadY
});
const TOUCH = 1.5;

const wire = (points: Pt[], label?: string, back?: string): Wire => ({
  forward: { id: 'f', from: 'a', to: 'b', kind: 'flow', label },
  ...(back !== undefined
    ? { back: { id: 'r', from: 'b', to: 'a', kind: 'flow', label: back } }
    : {}),
  points
});
const scene = (s: Partial<LabelScene> = {}): LabelScene => ({
  blocked: [],
  frames: [],
  bounds: { x: 0, y: 0, width: 300, height: 200 },
  ...s
});
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const centreX = (r: Rect) => r.x + r.width / 2;

describe('labelSize', () => {
  it('is the measured text at the label size plus the padding, rounded up', () => {
    expect(labelSize('go', measure)).toEqual({ lines: ['go'], ...pill('go') });
    // Fractional widths round up to whole units.
    const odd: MeasureText = (t) => t.length * 6.3;
    expect(labelSize('go', odd).width).toBe(Math.ceil(12.6 + 2 * SPACE.labelPadX));
    // The text is measured at the label type size.
    const sizes: number[] = [];
    labelSize('go', (t, size) => (sizes.push(size), t.length));
    expect(new Set(sizes)).toEqual(new Set([TYPE.edgeLabel]));
  });

  it('wraps at LABEL_MAX_TEXT, one line per row, as wide as the widest', () => {
    // 6 units a character: 19 characters fit in 116, 20 do not.
    const per = LABEL_MAX_TEXT / 4;
    const four: MeasureText = (t) => t.length * 4;
    const fits = 'x'.repeat(per - 5) + ' abcd';
    expect(labelSize(fits, four).lines).toEqual([fits]);
    const over = `${fits}e`;
    expect(labelSize(over, four).lines).toEqual(['x'.repeat(per - 5), 'abcde']);
    const s = labelSize('alpha beta gamma delta', measure);
    expect(s.lines).toEqual(['alpha beta gamma', 'delta']);
    expect(s.width).toBe(16 * CHAR + 2 * SPACE.labelPadX);
    expect(s.height).toBe(Math.ceil(2 * LINE + 2 * SPACE.labelPadY));
    expect(labelSize('one two three four five six seven', measure).lines).toHaveLength(2);
  });
});

describe('distances', () => {
  const r = { x: 0, y: 0, width: 10, height: 10 };
  it('rectSegmentDistance is the gap between a rectangle and a segment', () => {
    expect(rectSegmentDistance(r, [0, 13], [20, 13])).toBe(3);
    expect(rectSegmentDistance(r, [20, 13], [0, 13])).toBe(3);
    expect(rectSegmentDistance(r, [-5, 0], [-5, 10])).toBe(5);
    expect(rectSegmentDistance(r, [3, -2], [8, -2])).toBe(2);
    expect(rectSegmentDistance(r, [16, 0], [16, 4])).toBe(6);
    // Off a corner: straight-line distance.
    expect(rectSegmentDistance(r, [14, 13], [20, 13])).toBe(5);
    expect(rectSegmentDistance(r, [-3, -4], [-3, -9])).toBe(5);
    // Beside a rectangle, level with part of it: the sideways gap.
    expect(rectSegmentDistance(r, [12, 5], [12, 30])).toBe(2);
    expect(rectSegmentDistance(r, [12, 30], [12, 5])).toBe(2);
    expect(rectSegmentDistance(r, [-5, 12], [5, 12])).toBe(2);
    // Touching or crossing: none.
    expect(rectSegmentDistance(r, [10, 5], [20, 5])).toBe(0);
    expect(rectSegmentDistance(r, [-5, 5], [20, 5])).toBe(0);
  });

  it('polylineDistance is the nearest of its segments, none for a single point', () => {
    const pts: Pt[] = [
      [0, 40],
      [25, 40],
      [25, 5],
      [60, 5]
    ];
    expect(polylineDistance(r, pts)).toBe(15);
    expect(polylineDistance(r, pts.slice(0, 2))).toBe(30);
    expect(polylineDistance(r, [[0, 30]])).toBe(Infinity);
  });
});

describe('placeLabels', () => {
  it('puts a label at the middle of a straight wire, touching it on the left of travel', () => {
    const { width, height } = pill('go');
    const at = (points: Pt[]) => placeLabels([wire(points, 'go')], measure, scene())[0].forward;
    // Rightward: above.
    expect(
      at([
        [0, 100],
        [300, 100]
      ])
    ).toEqual({ x: 150 - width / 2, y: 100 - TOUCH - height, width, height });
    // Leftward: below.
    expect(
      at([
        [300, 100],
        [0, 100]
      ])
    ).toEqual({ x: 150 - width / 2, y: 100 + TOUCH, width, height });
    // Downward: to the right.
    expect(
      at([
        [150, 0],
        [150, 200]
      ])
    ).toEqual({ x: 150 + TOUCH, y: 100 - height / 2, width, height });
    // Upward: to the left.
    expect(
      at([
        [150, 200],
        [150, 0]
      ])
    ).toEqual({ x: 150 - TOUCH - width, y: 100 - height / 2, width, height });
  });

  it('puts a two-way wire’s labels on opposite sides at one point, the request’s on the left', () => {
    const [placed] = placeLabels(
      [
        wire(
          [
            [0, 100],
            [300, 100]
          ],
          'go',
          'back'
        )
      ],
      measure,
      scene()
    );
    expect(placed.forward).toEqual({ x: 140, y: 100 - TOUCH - 19, ...pill('go') });
    expect(placed.back).toEqual({
      x: 150 - pill('back').width / 2,
      y: 100 + TOUCH,
      ...pill('back')
    });
    // Only the reply labelled: it still sits on the right of the request's travel.
    const [reply] = placeLabels(
      [
        wire(
          [
            [0, 100],
            [300, 100]
          ],
          undefined,
          'back'
        )
      ],
      measure,
      scene()
    );
    expect(reply.forward).toBeUndefined();
    expect(reply.back!.y).toBe(100 + TOUCH);
  });

  it('places nothing for a wire without labels, or with no room anywhere', () => {
    const points: Pt[] = [
      [0, 100],
      [300, 100]
    ];
    expect(placeLabels([wire(points)], measure, scene())).toEqual([{}]);
    const everywhere = { x: 0, y: 0, width: 300, height: 200 };
    expect(placeLabels([wire(points, 'go')], measure, scene({ blocked: [everywhere] }))).toEqual([
      {}
    ]);
  });

  it('goes to the other side of a node in its way, or along the wire for a pair', () => {
    const points: Pt[] = [
      [0, 100],
      [300, 100]
    ];
    const node = { x: 140, y: 60, width: 20, height: 30 };
    const [one] = placeLabels([wire(points, 'go')], measure, scene({ blocked: [node] }));
    expect(one.forward).toEqual({ x: 140, y: 100 + TOUCH, ...pill('go') });
    const [pair] = placeLabels([wire(points, 'go', 'back')], measure, scene({ blocked: [node] }));
    // The pair keeps its sides and moves along, both labels at one point, off the node.
    expect(overlap(pair.forward!, node)).toBe(false);
    expect(pair.forward!.y + pair.forward!.height).toBe(100 - TOUCH);
    expect(pair.back!.y).toBe(100 + TOUCH);
    expect(centreX(pair.forward!)).toBe(centreX(pair.back!));
    expect(centreX(pair.forward!)).not.toBe(150);
    expect(Math.abs(centreX(pair.forward!) - 150)).toBeLessThanOrEqual(30);
  });

  it('stays inside the bounds', () => {
    const [top] = placeLabels(
      [
        wire(
          [
            [0, 15],
            [300, 15]
          ],
          'go'
        )
      ],
      measure,
      scene()
    );
    expect(top.forward).toEqual({ x: 140, y: 15 + TOUCH, ...pill('go') });
    const [side] = placeLabels(
      [
        wire(
          [
            [290, 0],
            [290, 200]
          ],
          'go'
        )
      ],
      measure,
      scene()
    );
    expect(side.forward!.x + side.forward!.width).toBe(290 - TOUCH);
  });

  it('sits wholly inside a frame or wholly outside it, never across its outline', () => {
    const points: Pt[] = [
      [0, 100],
      [300, 100]
    ];
    // The frame's top edge runs 10 above the wire: a label above would straddle it.
    const frame = { x: 0, y: 90, width: 300, height: 110 };
    const [inside] = placeLabels([wire(points, 'go')], measure, scene({ frames: [frame] }));
    expect(inside.forward).toEqual({ x: 140, y: 100 + TOUCH, ...pill('go') });
    // A frame far off changes nothing.
    const far = { x: 0, y: 0, width: 50, height: 50 };
    const [free] = placeLabels([wire(points, 'go')], measure, scene({ frames: [far] }));
    expect(free.forward!.y).toBe(100 - TOUCH - pill('go').height);
  });

  it('keeps clear of other wires, taking the side with more room', () => {
    const own: Pt[] = [
      [0, 100],
      [300, 100]
    ];
    const other = (y: number) =>
      wire([
        [0, y],
        [300, y]
      ]);
    const place = (y: number) => placeLabels([wire(own, 'go'), other(y)], measure, scene())[0];
    // A wire 20 above runs through where the label would go: it goes below.
    expect(place(80).forward!.y).toBe(100 + TOUCH);
    // A wire 40 above leaves 19.5 units: below has more room.
    expect(place(60).forward!.y).toBe(100 + TOUCH);
    // Far enough away on both sides: left of travel again.
    expect(place(20).forward!.y).toBe(100 - TOUCH - pill('go').height);
    // Beyond 24 units of room more does not count: left of travel, though below has more.
    expect(place(100 - TOUCH - 19 - 30).forward!.y).toBe(100 - TOUCH - 19);
    // Another wire 4.5 units off is too close even when nothing else is free; 5 will do.
    const hemmed = (gap: number) =>
      placeLabels(
        [wire(own, 'go'), other(100 - TOUCH - 19 - gap), other(100 + TOUCH + 19 + gap)],
        measure,
        scene()
      )[0];
    expect(hemmed(4.5)).toEqual({});
    expect(hemmed(5).forward).toBeDefined();
  });

  it('keeps a label off the labels placed before it', () => {
    // Two wires 60 apart with two-line labels; the space above the first and below the
    // second is taken, so both labels go into the gap between them, side by side.
    const bounds = { x: 0, y: 0, width: 400, height: 200 };
    const text = 'alpha beta gamma delta';
    const a = wire(
      [
        [0, 100],
        [400, 100]
      ],
      text
    );
    const b = wire(
      [
        [0, 160],
        [400, 160]
      ],
      text
    );
    const blocked = [
      { x: 0, y: 0, width: 400, height: 98 },
      { x: 0, y: 162, width: 400, height: 38 }
    ];
    const [pa, pb] = placeLabels([a, b], measure, scene({ blocked, bounds }));
    expect(pa.forward!.y).toBe(100 + TOUCH);
    expect(centreX(pa.forward!)).toBe(200);
    expect(pb.forward!.y + pb.forward!.height).toBe(160 - TOUCH);
    const grown = {
      x: pa.forward!.x - 2,
      y: pa.forward!.y - 2,
      width: pa.forward!.width + 4,
      height: pa.forward!.height + 4
    };
    expect(overlap(pb.forward!, grown)).toBe(false);
  });

  it('prefers the long run of a bent wire, between its middle and the wire’s', () => {
    const [l] = placeLabels(
      [
        wire(
          [
            [0, 50],
            [200, 50],
            [200, 150]
          ],
          'go'
        )
      ],
      measure,
      scene()
    );
    expect(l.forward!.y + l.forward!.height).toBe(50 - TOUCH);
    expect(centreX(l.forward!)).toBeGreaterThan(100);
    expect(centreX(l.forward!)).toBeLessThan(150);
  });

  it('prefers the run nearest the middle of the wire to longer runs off it', () => {
    // Runs of 200, 100 and 200: the middle one's middle is the wire's middle.
    const [u] = placeLabels(
      [
        wire(
          [
            [0, 20],
            [200, 20],
            [200, 120],
            [400, 120]
          ],
          'go'
        )
      ],
      measure,
      scene({ bounds: { x: 0, y: 0, width: 400, height: 200 } })
    );
    expect(u.forward).toEqual({ x: 200 + TOUCH, y: 70 - 19 / 2, ...pill('go') });
  });

  it('gives up a pair when either label would sit too near another wire', () => {
    const own: Pt[] = [
      [0, 100],
      [300, 100]
    ];
    const near = wire([
      [0, 100 + TOUCH + 19 + 4.5],
      [300, 100 + TOUCH + 19 + 4.5]
    ]);
    expect(placeLabels([wire(own, 'go', 'back'), near], measure, scene())[0]).toEqual({});
    // One label alone on that wire goes above, clear of it.
    expect(placeLabels([wire(own, 'go'), near], measure, scene())[0].forward).toBeDefined();
  });

  it('places the next wire’s labels after a wire with one of its two labels', () => {
    const [a, b] = placeLabels(
      [
        wire(
          [
            [0, 50],
            [300, 50]
          ],
          undefined,
          'back'
        ),
        wire(
          [
            [0, 150],
            [300, 150]
          ],
          'go'
        )
      ],
      measure,
      scene()
    );
    expect(a.back!.y).toBe(50 + TOUCH);
    expect(b.forward!.y).toBe(150 - TOUCH - 19);
  });

  it('skips runs too short for a label and keeps off the ends of a run', () => {
    // The first run is 19 long: the label goes on the second.
    const [l] = placeLabels(
      [
        wire(
          [
            [0, 50],
            [19, 50],
            [19, 190]
          ],
          'go'
        )
      ],
      measure,
      scene()
    );
    expect(l.forward!.x).toBe(19 + TOUCH);
    // A run of 20 takes a label at its middle.
    const [m] = placeLabels(
      [
        wire(
          [
            [100, 50],
            [120, 50]
          ],
          'go'
        )
      ],
      measure,
      scene()
    );
    expect(centreX(m.forward!)).toBe(110);
    // On a run of 30 with only its first fifth free, 6 units from its start: too near.
    const run = (x1: number, blocked: Rect) =>
      placeLabels(
        [
          wire(
            [
              [100, 50],
              [x1, 50]
            ],
            'go'
          )
        ],
        measure,
        scene({ blocked: [blocked] })
      )[0];
    expect(run(130, { x: 116, y: 0, width: 2, height: 200 })).toEqual({});
    // The same at the far end of the run.
    expect(run(130, { x: 112, y: 0, width: 2, height: 200 })).toEqual({});
    // A wire of one run 19 long has no room for a label at all.
    expect(run(119, { x: 0, y: 0, width: 1, height: 1 })).toEqual({});
    // On a run of 40, a fifth in is 8 units: near enough to the middle.
    expect(centreX(run(140, { x: 118, y: 0, width: 1, height: 200 }).forward!)).toBe(108);
  });

  it('stacks a vertical pair on one side when asked and the sides have no room', () => {
    const points: Pt[] = [
      [100, 0],
      [100, 200]
    ];
    const left = { x: 0, y: 0, width: 95, height: 200 };
    const pair = wire(points, 'go', 'back');
    expect(placeLabels([pair], measure, scene({ blocked: [left] }))).toEqual([{}]);
    const [stacked] = placeLabels([pair], measure, scene({ blocked: [left], stackPairs: true }));
    // The request's above the reply's, both right of the wire, touching at its middle.
    expect(stacked.forward).toEqual({ x: 100 + TOUCH, y: 100 - 19 - 1, ...pill('go') });
    expect(stacked.back).toEqual({ x: 100 + TOUCH, y: 100 + 1, ...pill('back') });
    // With room on both sides, the pair still takes both sides.
    const [sides] = placeLabels([pair], measure, scene({ stackPairs: true }));
    expect(sides.forward!.x).toBe(100 + TOUCH);
    expect(sides.back!.x + sides.back!.width).toBe(100 - TOUCH);
    // A vertical wire with one label has nothing to stack: it goes on the free side.
    const [single] = placeLabels([wire(points, undefined, 'back')], measure, {
      ...scene({ stackPairs: true })
    });
    expect(single.back!.x + single.back!.width).toBe(100 - TOUCH);
    // A horizontal pair never stacks.
    const flat = wire(
      [
        [0, 100],
        [300, 100]
      ],
      'go',
      'back'
    );
    const below = { x: 0, y: 105, width: 300, height: 95 };
    expect(placeLabels([flat], measure, scene({ blocked: [below], stackPairs: true }))).toEqual([
      {}
    ]);
  });
});
