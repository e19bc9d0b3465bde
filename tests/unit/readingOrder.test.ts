// The order a reader (and the Tab key, and a screen reader) goes through the map: rows of
// siblings top to bottom, each row left to right, every box's contents in the same way.
import { describe, expect, it } from 'vitest';
import type { LayoutBox, LayoutNode, MapLayout } from '../../src/lib/layout/MapLayout.ts';
import { readingOrder, readingSort } from '../../src/lib/layout/readingOrder.ts';
import { fixtureNode, regionBox } from '../support/layoutFixture.ts';

type At = { id: string; x: number; y: number; width?: number; height?: number };
const sorted = (items: At[]) =>
  readingSort(items.map((i) => ({ width: 20, height: 20, ...i }))).map((i) => i.id);

describe('readingSort', () => {
  it.each([
    [
      'a row left to right',
      [
        { id: 'b', x: 50, y: 0 },
        { id: 'a', x: 0, y: 5 }
      ],
      ['a', 'b']
    ],
    [
      'rows top to bottom',
      [
        { id: 'b', x: 0, y: 100 },
        { id: 'a', x: 50, y: 0 }
      ],
      ['a', 'b']
    ],
    [
      'a column inside a row, top to bottom',
      [
        { id: 'c', x: 50, y: 30 },
        { id: 'b', x: 50, y: 0 },
        { id: 'a', x: 0, y: 0, height: 80 }
      ],
      ['a', 'b', 'c']
    ]
  ])('%s', (_, items, want) => {
    expect(sorted(items)).toEqual(want);
  });

  it('reads a row left to right, then the next row', () => {
    expect(
      sorted([
        { id: 'c', x: 100, y: 0 },
        { id: 'd', x: 0, y: 50 },
        { id: 'a', x: 0, y: 5 },
        { id: 'b', x: 50, y: 10 }
      ])
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('joins items into one row while their heights overlap, by more than half a unit', () => {
    // b starts 19.4 below a (a is 20 tall): still a's row; at 19.5, the next row.
    expect(
      sorted([
        { id: 'b', x: 0, y: 19.4 },
        { id: 'a', x: 50, y: 0 },
        { id: 'c', x: 10, y: 39.6 }
      ])
    ).toEqual(['b', 'a', 'c']);
    expect(
      sorted([
        { id: 'a', x: 50, y: 0 },
        { id: 'b', x: 0, y: 19.5 }
      ])
    ).toEqual(['a', 'b']);
  });

  it('grows a row to its tallest item, so a row can chain down a tall neighbour', () => {
    expect(
      sorted([
        { id: 'tall', x: 0, y: 0, height: 100 },
        { id: 'low', x: 100, y: 70 },
        { id: 'next', x: 50, y: 110 }
      ])
    ).toEqual(['tall', 'low', 'next']);
  });

  it('reads items in one column of a row top to bottom', () => {
    expect(
      sorted([
        { id: 'under', x: 0, y: 30, height: 20 },
        { id: 'tall', x: 40, y: 0, height: 60 },
        { id: 'over', x: 0, y: 0, height: 20 }
      ])
    ).toEqual(['over', 'under', 'tall']);
  });
});

describe('readingOrder', () => {
  const box = (id: string, parent: string | undefined, x: number, y: number): LayoutBox => ({
    ...regionBox(100, 100, { id, label: id.toUpperCase() }),
    x,
    y,
    depth: parent ? 1 : 0,
    ...(parent ? { parent } : {})
  });
  const node = (slug: string, parent: string, x: number, y: number): LayoutNode =>
    fixtureNode(slug, { x, y, width: 20, height: 20 }, { parent });
  const layout = (boxes: LayoutBox[], nodes: LayoutNode[]) =>
    ({
      boxes,
      nodes,
      flows: [],
      related: [],
      groups: [],
      learningPath: [],
      width: 1000,
      height: 1000
    }) as unknown as MapLayout;

  it('gives the regions in reading order, each box with its own contents', () => {
    const tree = readingOrder(
      layout(
        [
          box('right', undefined, 500, 0),
          box('left', undefined, 0, 0),
          box('inner', 'left', 10, 50)
        ],
        [
          node('r1', 'right', 510, 30),
          node('l2', 'left', 60, 20),
          node('l1', 'left', 10, 20),
          node('i1', 'inner', 20, 80)
        ]
      )
    );
    expect(tree).toEqual([
      {
        id: 'left',
        kind: 'box',
        children: [
          { id: 'l1', kind: 'node', children: [] },
          { id: 'l2', kind: 'node', children: [] },
          { id: 'inner', kind: 'box', children: [{ id: 'i1', kind: 'node', children: [] }] }
        ]
      },
      { id: 'right', kind: 'box', children: [{ id: 'r1', kind: 'node', children: [] }] }
    ]);
  });

  it('stops at fifty levels of nesting rather than running away', () => {
    const boxes = Array.from({ length: 60 }, (_, i) =>
      box(`b${i}`, i ? `b${i - 1}` : undefined, i, i)
    );
    let depth = 0;
    for (let items = readingOrder(layout(boxes, [])); items.length; items = items[0].children)
      depth++;
    expect(depth).toBe(51);
  });
});
