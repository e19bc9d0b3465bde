// measureQuality on small hand-drawn scenes: what each measure counts and what it lets
// pass. (mapQuality.test.ts holds the real map to its targets; it is slow, so mutation
// runs leave it out, and these tests are what check the measures themselves.)
import { describe, expect, it } from 'vitest';
import type { MapLayout } from '../../src/lib/layout/MapLayout.ts';
import { measureQuality } from '../../src/lib/layout/quality.ts';

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
