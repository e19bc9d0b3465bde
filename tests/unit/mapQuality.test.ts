import { describe, expect, it } from 'vitest';
import type { MapLayout } from '../../src/lib/layout/MapLayout.ts';
import { measureQuality } from '../../src/lib/layout/quality.ts';
import { TYPE } from '../../src/lib/layout/mapStyle.ts';
import { mapPlacement } from '../../src/lib/pdf/mapPlacement.ts';
import { siteFor } from './siteFixture.ts';

// The drawing's targets on the real content (definitions in the map design notes). A
// layout change that makes the map harder to trace fails here, naming what went wrong.
describe('the real map reads at a glance', () => {
  const quality = async () => measureQuality((await siteFor('content', false)).layout);

  it('has at most 4 crossings', async () => {
    const q = await quality();
    expect(q.crossings, q.crossingsAt.join('\n')).toBeLessThanOrEqual(4);
  });
  it('runs no wire through a topic, a box or a title it does not belong to', async () => {
    expect((await quality()).foreignPasses).toEqual([]);
  });
  it('keeps every wire within 1.35 times the distance between its ends, with at most 5 bends and no U-turn', async () => {
    const q = await quality();
    expect(q.worstDetour.ratio, q.worstDetour.wire).toBeLessThanOrEqual(1.35);
    expect(q.mostBends.bends, q.mostBends.wire).toBeLessThanOrEqual(5);
    expect(q.uTurns).toEqual([]);
  });
  it('draws every label, touching its own wire, nearer to it than to any other, over nothing', async () => {
    const q = await quality();
    expect(q.missingLabels).toEqual([]);
    expect(q.labels).toBe(28);
    expect(q.strayLabels).toEqual([]);
    expect(q.labelOverlaps).toEqual([]);
  });
  it('keeps wires of different bundles at least 8 units apart', async () => {
    expect((await quality()).closeWires).toEqual([]);
  });
  it('has room for the key and the opening lines, clear of everything', async () => {
    const { layout } = await siteFor('content', false);
    expect(layout.key).toBeDefined();
    expect(layout.intro).toBeDefined();
  });
  it('covers at least 15% of its area with topics and titles', async () => {
    expect((await quality()).coverage).toBeGreaterThanOrEqual(0.15);
  });
  it.each([
    ['A4', 6.5, 6],
    ['A3', 9, 9]
  ] as const)(
    'prints page 1 on %s with titles at %s pt and labels at %s pt or more',
    async (size, title, label) => {
      const { scale } = mapPlacement((await siteFor('content', false)).layout, size);
      expect(TYPE.node * scale).toBeGreaterThanOrEqual(title);
      expect(TYPE.box * scale).toBeGreaterThanOrEqual(title);
      expect(TYPE.edgeLabel * scale).toBeGreaterThanOrEqual(label);
    }
  );
  it('draws a request and its response as one wire', async () => {
    const q = await quality();
    // 28 arrows, 6 request/response pairs: 22 wires.
    expect(q.wires).toBe(22);
  });
});

/** A tiny layout with two wires, for the measures themselves. */
function scene(
  flows: {
    id: string;
    from: string;
    to: string;
    points: [number, number][];
    label?: string;
    labelRect?: { x: number; y: number; width: number; height: number };
  }[]
): MapLayout {
  const node = (slug: string, x: number, y: number) => ({
    slug,
    title: slug,
    group: 'g',
    parent: 'r',
    lines: [slug],
    x,
    y,
    width: 40,
    height: 20
  });
  return {
    width: 400,
    height: 200,
    groups: [],
    boxes: [
      {
        id: 'r',
        label: 'R',
        depth: 0,
        x: 0,
        y: 0,
        width: 400,
        height: 200,
        header: { x: 0, y: 0, width: 400, height: 20 },
        title: { x: 0, y: 0, width: 30, height: 20 }
      }
    ],
    nodes: [
      node('a', 10, 90),
      node('b', 350, 90),
      node('c', 180, 10),
      node('d', 180, 170),
      node('e', 180, 90)
    ],
    flows: flows.map((f) => ({ kind: 'flow' as const, path: '', ...f })),
    related: [],
    learningPath: []
  };
}

describe('measureQuality', () => {
  it.each([
    [
      'two wires that cross once',
      [
        [
          [200, 30],
          [200, 170]
        ]
      ],
      1
    ],
    [
      'two wires that meet only at a shared end',
      [
        [
          [50, 100],
          [50, 60],
          [190, 60]
        ]
      ],
      0
    ],
    [
      'two parallel wires',
      [
        [
          [50, 104],
          [350, 104]
        ]
      ],
      0
    ]
  ] as const)('counts crossings: %s', (_, other, n) => {
    const q = measureQuality(
      scene([
        {
          id: 'x',
          from: 'a',
          to: 'b',
          points: [
            [50, 100],
            [350, 100]
          ]
        },
        {
          id: 'y',
          from: 'c',
          to: 'd',
          points: other[0].map((p) => [p[0], p[1]] as [number, number])
        }
      ])
    );
    expect(q.crossings).toBe(n);
  });

  it('finds a wire through a topic it does not belong to, and wires running too close', () => {
    const q = measureQuality(
      scene([
        {
          id: 'x',
          from: 'a',
          to: 'b',
          points: [
            [50, 100],
            [350, 100]
          ]
        },
        {
          id: 'y',
          from: 'c',
          to: 'd',
          points: [
            [190, 30],
            [190, 95],
            [330, 95],
            [330, 170]
          ]
        }
      ])
    );
    expect(q.foreignPasses).toContain('x through node e');
    expect(q.closeWires.length).toBe(1);
  });

  it('measures detour, bends and U-turns', () => {
    const q = measureQuality(
      scene([
        {
          id: 'u',
          from: 'a',
          to: 'b',
          points: [
            [50, 100],
            [50, 190],
            [10, 190],
            [10, 195],
            [370, 195],
            [370, 110]
          ]
        }
      ])
    );
    expect(q.mostBends.bends).toBe(4);
    expect(q.uTurns).toEqual(['u']);
    expect(q.worstDetour.ratio).toBeGreaterThan(1.35);
  });

  it('calls a label stray when another wire is nearer, and missing when there is none', () => {
    const q = measureQuality(
      scene([
        {
          id: 'x',
          from: 'a',
          to: 'b',
          points: [
            [50, 100],
            [350, 100]
          ],
          label: 'x',
          labelRect: { x: 100, y: 130, width: 30, height: 14 }
        },
        {
          id: 'y',
          from: 'c',
          to: 'd',
          points: [
            [200, 30],
            [200, 170]
          ],
          label: 'y'
        },
        {
          id: 'z',
          from: 'a',
          to: 'c',
          points: [
            [30, 90],
            [30, 150],
            [150, 150]
          ]
        }
      ])
    );
    expect(q.strayLabels.map((s) => s.split(':')[0])).toEqual(['x']);
    expect(q.missingLabels).toEqual(['y']);
  });
});
