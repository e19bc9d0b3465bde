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
    /** The wire a two-way pair is drawn as. */
    wire?: string;
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

describe('measureQuality, measure by measure', () => {
  type Flow = Parameters<typeof scene>[0][number];
  const wire = (
    id: string,
    from: string,
    to: string,
    points: [number, number][],
    extra = {}
  ): Flow => ({
    id,
    from,
    to,
    points,
    ...extra
  });
  const across = wire('x', 'a', 'b', [
    [50, 100],
    [350, 100]
  ]);
  /** The wire across the scene, with a label or other fields. */
  const acrossWith = (extra: Partial<Flow>) => ({ ...across, ...extra });

  it('says where each crossing is, and counts a touch and a shared trunk as none', () => {
    const q = measureQuality(
      scene([
        across,
        wire('y', 'c', 'd', [
          [200, 30],
          [200, 170]
        ])
      ])
    );
    expect(q.crossingsAt).toEqual(['x × y at 200,100']);
    // A wire that runs along x for a while and leaves it: a shared run, not a crossing.
    const trunk = measureQuality(
      scene([
        across,
        wire('y', 'a', 'd', [
          [50, 100],
          [150, 100],
          [150, 170]
        ])
      ])
    );
    expect(trunk.crossings).toBe(0);
    // Two crossings of one pair are both counted, and named.
    const twice = measureQuality(
      scene([
        across,
        wire('y', 'c', 'd', [
          [120, 30],
          [120, 150],
          [250, 150],
          [250, 30]
        ])
      ])
    );
    expect(twice.crossingsAt).toEqual(['x × y at 120,100', 'x × y at 250,100']);
    // Through a corner of x, where two of its runs meet: one crossing, not two.
    const corner = measureQuality(
      scene([
        wire('x', 'a', 'b', [
          [50, 100],
          [200, 100],
          [350, 100]
        ]),
        wire('y', 'c', 'd', [
          [200, 30],
          [200, 170]
        ])
      ])
    );
    expect(corner.crossingsAt).toEqual(['x × y at 200,100']);
  });

  it('names wires through a box or a title they do not belong to', () => {
    const layout = scene([
      wire('y', 'c', 'd', [
        [190, 30],
        [190, 170]
      ])
    ]);
    layout.boxes.push({
      id: 'inner',
      label: 'Inner',
      depth: 1,
      parent: 'r',
      x: 150,
      y: 120,
      width: 100,
      height: 40,
      header: { x: 150, y: 120, width: 100, height: 16 },
      title: { x: 150, y: 120, width: 60, height: 16 }
    });
    const q = measureQuality(layout);
    expect(q.foreignPasses).toEqual([
      'y through node e',
      'y through box inner',
      'y through the title of inner'
    ]);
    // Into a box it belongs to, below the title: nothing to report.
    layout.nodes.push({ ...layout.nodes[0], slug: 'k', parent: 'inner', x: 160, y: 140 });
    layout.flows = [
      {
        kind: 'flow',
        path: '',
        id: 'z',
        from: 'a',
        to: 'k',
        points: [
          [50, 110],
          [50, 150],
          [160, 150]
        ]
      }
    ];
    expect(measureQuality(layout).foreignPasses).toEqual([]);
  });

  it('finds the worst detour and the most bent wire, by name', () => {
    const q = measureQuality(
      scene([
        across,
        wire('long', 'c', 'd', [
          [200, 30],
          [390, 30],
          [390, 190],
          [200, 190]
        ])
      ])
    );
    // c to d: centres 160 apart; the wire runs 190 + 160 + 190 = 540.
    expect(q.worstDetour.wire).toBe('long');
    expect(q.worstDetour.ratio).toBeCloseTo(540 / 160, 6);
    expect(q.mostBends).toEqual({ wire: 'long', bends: 2 });
    // Two turns the same way that come back: a U-turn.
    expect(q.uTurns).toEqual(['long']);
    // A zigzag turns one way and then the other: not a U-turn; a slight kink is no bend.
    const zig = measureQuality(
      scene([
        wire('z', 'a', 'b', [
          [50, 100],
          [150, 100],
          [150, 60],
          [350, 60]
        ]),
        wire('k', 'c', 'd', [
          [200, 30],
          [201, 100],
          [201, 170]
        ])
      ])
    );
    expect(zig.uTurns).toEqual([]);
    expect(zig.mostBends).toEqual({ wire: 'z', bends: 2 });
    // Turns of 10 degrees or less are not bends; 12 degrees is one.
    const kink = (degrees: number) => {
      const t = (degrees * Math.PI) / 180;
      return measureQuality(
        scene([
          wire('k', 'a', 'b', [
            [50, 100],
            [150, 100],
            [150 + 100 * Math.cos(t), 100 + 100 * Math.sin(t)]
          ])
        ])
      ).mostBends;
    };
    expect(kink(9)).toEqual({ wire: '', bends: 0 });
    expect(kink(12)).toEqual({ wire: 'k', bends: 1 });
  });

  it('reports labels away from their wire, nearer another, and over what they must not cover', () => {
    const label = (text: string, x: number, y: number) => ({
      label: text,
      labelRect: { x, y, width: 30, height: 12 }
    });
    const layout = scene([
      acrossWith(label('far', 100, 130)),
      wire(
        'y',
        'c',
        'd',
        [
          [300, 30],
          [300, 170]
        ],
        label('on y', 301, 40)
      ),
      wire(
        'z',
        'a',
        'c',
        [
          [60, 95],
          [60, 40],
          [180, 40]
        ],
        label('tied', 301, 40)
      )
    ]);
    layout.key = { x: 90, y: 125, width: 20, height: 20 };
    const q = measureQuality(layout);
    expect(q.strayLabels).toEqual([
      'x: "far" own 30.0, other 53.2',
      'z: "tied" own 121.0, other 1.0'
    ]);
    expect(q.labelOverlaps).toEqual(['"far" over the key', '"on y" over "tied"']);
    // On a crossing, as near another wire as its own: stray too.
    const onCross = measureQuality(
      scene([
        acrossWith(label('where', 190, 95)),
        wire('y', 'c', 'd', [
          [200, 30],
          [200, 170]
        ])
      ])
    );
    expect(onCross.strayLabels).toEqual(['x: "where" own 0.0, other 0.0']);
    expect(q.labels).toBe(3);
    expect(q.missingLabels).toEqual([]);
  });

  it('names label clashes with a topic, a title and a box outline', () => {
    const layout = scene([
      acrossWith({
        label: 'over e',
        labelRect: { x: 185, y: 95, width: 30, height: 10 }
      }),
      wire(
        'y',
        'c',
        'd',
        [
          [20, 5],
          [20, 195]
        ],
        {
          label: 'top',
          labelRect: { x: 5, y: 2, width: 30, height: 10 }
        }
      )
    ]);
    layout.boxes.push({
      id: 'inner',
      label: 'Inner',
      depth: 1,
      parent: 'r',
      x: 195,
      y: 98,
      width: 100,
      height: 40,
      header: { x: 195, y: 120, width: 1, height: 1 }
    });
    const q = measureQuality(layout);
    expect(q.labelOverlaps).toEqual([
      '"over e" over node e',
      '"over e" across the outline of inner',
      '"top" over the title of r'
    ]);
  });

  it('finds two wires of different bundles running close, but not a bundle', () => {
    const close = (dy: number, length: number, from = 'c', to = 'd') =>
      measureQuality(
        scene([
          across,
          wire('y', from, to, [
            [100, 100 + dy],
            [100 + length, 100 + dy]
          ])
        ])
      ).closeWires;
    expect(close(5, 100)).toEqual(['x and y 5.0 apart over 100']);
    expect(close(8, 100)).toEqual([]);
    expect(close(5, 40)).toEqual([]);
    expect(close(5, 41)).toEqual(['x and y 5.0 apart over 41']);
    // From one part into one region: a bundle, drawn together on purpose.
    expect(close(5, 100, 'a', 'e')).toEqual([]);
    // Into one topic with one label: a bundle too; with its own label, not.
    const into = (label: string) =>
      measureQuality(
        scene([
          acrossWith({
            label: 'reads',
            labelRect: { x: 60, y: 88, width: 30, height: 11 }
          }),
          wire(
            'y',
            'c',
            'b',
            [
              [100, 105],
              [350, 105]
            ],
            {
              label,
              labelRect: { x: 110, y: 106, width: 30, height: 11 }
            }
          )
        ])
      ).closeWires;
    expect(into('reads')).toEqual([]);
    expect(into('writes')).toEqual(['x and y 5.0 apart over 250']);
    // Vertical runs count too.
    const vertical = measureQuality(
      scene([
        wire('p', 'c', 'd', [
          [200, 30],
          [200, 170]
        ]),
        wire('q', 'e', 'b', [
          [204, 40],
          [204, 160]
        ])
      ])
    ).closeWires;
    expect(vertical).toEqual(['p and q 4.0 apart over 120']);
  });

  it('draws a two-way pair as one wire with both labels, and measures the cover', () => {
    const layout = scene([
      acrossWith({
        label: 'asks',
        labelRect: { x: 100, y: 88, width: 30, height: 11 },
        wire: 'x'
      }),
      wire(
        'back',
        'b',
        'a',
        [
          [350, 100],
          [50, 100]
        ],
        {
          label: 'answers',
          labelRect: { x: 200, y: 101, width: 40, height: 11 },
          wire: 'x'
        }
      )
    ]);
    const q = measureQuality(layout);
    expect([q.wires, q.labels]).toEqual([1, 2]);
    expect(q.strayLabels).toEqual([]);
    // Five topics of 40 × 20 and the region's 400 × 20 title strip, over 400 × 200.
    expect(q.coverage).toBeCloseTo((5 * 40 * 20 + 400 * 20) / (400 * 200), 9);
  });
});
