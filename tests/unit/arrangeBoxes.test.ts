import { describe, expect, it } from 'vitest';
import type { GraphEdge } from '../../src/lib/graph/TopicGraph.ts';
import { SPACE } from '../../src/lib/layout/mapStyle.ts';
import {
  arrangeBox,
  arrangeSubtree,
  hasInnerWires,
  rowsOf,
  wrapRows
} from '../../src/lib/layout/phases/arrangeBoxes.ts';
import type { Item } from '../../src/lib/layout/phases/buildTree.ts';

// How a box holds its children: which rows, how far apart, how big the box becomes.

const leaf = (id: string, w = 80, h = 30): Item => ({
  id,
  label: id,
  children: [],
  depth: 2,
  lines: [id],
  x: 0,
  y: 0,
  w,
  h,
  header: 0,
  titleWidth: 0
});
const box = (id: string, children: Item[], header = 24, titleWidth = 50): Item => {
  const b: Item = { ...leaf(id, 0, 0), children, header, titleWidth, depth: 1 };
  for (const c of children) c.parent = b;
  return b;
};
const flow = (from: string, to: string, label = 'goes'): GraphEdge => ({
  id: `flow:${from}>${to}`,
  from,
  to,
  kind: 'flow',
  label
});
const ids = (rows: Item[][][]) => rows.map((r) => r.map((cell) => cell.map((i) => i.id).join('+')));
const right = (i: Item) => i.x + i.w;
const bottom = (i: Item) => i.y + i.h;

describe('rowsOf', () => {
  const kids = (n: number) => Array.from({ length: n }, (_, i) => leaf(`k${i + 1}`));
  it('puts up to four leaves in a column and more in a near-square grid', () => {
    expect(ids(rowsOf(box('b', kids(4)), undefined))).toEqual([['k1'], ['k2'], ['k3'], ['k4']]);
    expect(ids(rowsOf(box('b', kids(5)), undefined))).toEqual([
      ['k1', 'k2', 'k3'],
      ['k4', 'k5']
    ]);
    expect(ids(rowsOf(box('b', kids(9)), undefined))).toEqual([
      ['k1', 'k2', 'k3'],
      ['k4', 'k5', 'k6'],
      ['k7', 'k8', 'k9']
    ]);
  });
  it('puts a few children in a grid when one of them is a box', () => {
    const b = box('b', [leaf('a'), box('inner', [leaf('x')]), leaf('c')]);
    expect(ids(rowsOf(b, undefined))).toEqual([['a', 'inner'], ['c']]);
  });
  it('stacks the children of a cell, drops ids it does not hold and rows left empty', () => {
    const b = box('b', [leaf('a'), leaf('b'), leaf('c'), leaf('d')]);
    expect(ids(rowsOf(b, [['a', ['b', 'c']], ['nope'], [['gone', 'd']]]))).toEqual([
      ['a', 'b+c'],
      ['d']
    ]);
  });
});

describe('hasInnerWires', () => {
  const b = () => box('b', [box('one', [leaf('x'), leaf('y')]), leaf('two')]);
  it.each([
    ['a wire between two children', [flow('two', 'one')], true],
    ['a wire from a grandchild to another child', [flow('x', 'two')], true],
    ['a wire inside one child', [flow('x', 'y')], false],
    ['a wire to somewhere outside', [flow('x', 'far'), flow('far', 'two')], false],
    ['no wires', [], false]
  ] as const)('%s: %s', (_, flows, want) => {
    expect(hasInnerWires(b(), [...flows])).toBe(want);
  });
});

describe('arrangeBox', () => {
  it('stacks a cell’s children one under the other, the cell as wide as the widest', () => {
    const b = box('b', [leaf('a', 80), leaf('s', 120), leaf('t', 60), leaf('c', 70)]);
    arrangeBox(b, rowsOf(b, [['a', ['s', 't'], 'c']]), false);
    const [a, s, t, c] = b.children;
    expect([s.x, t.x]).toEqual([right(a) + SPACE.tightGap, right(a) + SPACE.tightGap]);
    expect(t.y).toBe(bottom(s) + SPACE.tightGap + 4);
    expect(c.x).toBe(s.x + 120 + SPACE.tightGap);
    expect(b.w).toBe(SPACE.boxPad + 80 + 120 + 70 + 2 * SPACE.tightGap + SPACE.boxPad);
    expect(b.h).toBe(b.header + 30 + SPACE.tightGap + 4 + 30 + SPACE.boxPad);
  });

  it('drops leaves beside a box below its title strip, level with its children', () => {
    const inner = box('inner', [leaf('x')], 24);
    inner.w = 100;
    inner.h = 24 + 30 + SPACE.boxPad;
    const b = box('b', [leaf('a'), inner]);
    arrangeBox(b, rowsOf(b, 'row'), false);
    const a = b.children[0];
    expect(inner.y).toBe(b.header);
    expect(a.y).toBe(b.header + inner.header + SPACE.boxPad);
    expect(b.h).toBe(a.y + a.h + SPACE.boxPad);
  });

  it('leaves loose gaps where wires run, widened to the labels between neighbours', () => {
    const b = box('b', [leaf('a'), leaf('b'), leaf('c'), leaf('d')]);
    const wiring = {
      flows: [flow('b', 'a', 'a long label'), flow('b', 'c', 'short')],
      labelWidth: (e: GraphEdge) => (e.label === 'a long label' ? 100 : 10)
    };
    arrangeBox(
      b,
      [[[b.children[0]], [b.children[1]], [b.children[2]]], [[b.children[3]]]],
      true,
      wiring
    );
    const [a, bb, c, d] = b.children;
    // Either way round, a wire's label fits between the two it joins.
    expect(bb.x - right(a)).toBe(100 + 24);
    expect(c.x - right(bb)).toBe(SPACE.looseGapX);
    expect(d.y - bottom(a)).toBe(SPACE.looseGapY);
    expect(b.w).toBe(right(c) + SPACE.boxPad);
    expect(b.h).toBe(bottom(d) + SPACE.boxPad);
    // No wiring given: the plain loose gap.
    arrangeBox(b, [[[a], [bb]]], true);
    expect(bb.x - right(a)).toBe(SPACE.looseGapX);
  });

  it('is at least as wide as its title', () => {
    const b = box('b', [leaf('a', 40)], 24, 300);
    arrangeBox(b, rowsOf(b, 'row'), false);
    expect(b.w).toBe(300);
  });
});

describe('wrapRows', () => {
  it('fills a row to exactly the width before starting the next', () => {
    const b = box('b', [leaf('a', 50), leaf('b', 50), leaf('c', 50)]);
    expect(ids(wrapRows(b, 'row', 110, 10))).toEqual([['a', 'b'], ['c']]);
    expect(ids(wrapRows(b, 'row', 109, 10))).toEqual([['a'], ['b'], ['c']]);
  });
});

describe('arrangeSubtree', () => {
  const tree = () => box('r', [box('one', [leaf('x'), leaf('y')]), leaf('two'), leaf('three')]);
  const wiring = { flows: [flow('x', 'two'), flow('x', 'y')], labelWidth: () => 10 };
  it('arranges the inner boxes first, then the box around them', () => {
    const r = tree();
    arrangeSubtree(r, { columns: [], aside: [], arrange: { one: 'row', r: 'row' } }, wiring);
    const [one, two] = r.children;
    const [x, y] = one.children;
    // Inside: x and y in a row, a loose gap between them (a wire joins them).
    expect(y.x - right(x)).toBe(SPACE.looseGapX);
    expect(y.y).toBe(x.y);
    // Around: one holds them, and two stands beside it, after a loose gap.
    expect(right(one)).toBe(right(y) + SPACE.boxPad);
    expect(two.x - right(one)).toBe(SPACE.looseGapX);
  });
  it('wraps each depth to the width in portrait, rows further apart', () => {
    const r = tree();
    arrangeSubtree(r, { columns: [], aside: [], arrange: {} }, wiring, 200);
    for (const c of r.children) expect(right(c), c.id).toBeLessThanOrEqual(r.x + r.w);
    expect(r.w).toBeLessThanOrEqual(200);
    const [one, two] = r.children;
    expect(two.y - bottom(one)).toBe(SPACE.portraitGapY);
  });
});
