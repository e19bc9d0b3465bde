import { describe, expect, it } from 'vitest';
import type { TopicGraph } from '../../src/lib/graph/TopicGraph.ts';
import type { MapLayout, MeasureText } from '../../src/lib/layout/MapLayout.ts';
import { SPACE } from '../../src/lib/layout/mapStyle.ts';
import { routeOrthogonal, simplify, type Port } from '../../src/lib/layout/orthogonalRouter.ts';
import { arrangeBox, rowsOf, wrapRows } from '../../src/lib/layout/phases/arrangeBoxes.ts';
import { buildTree, type Item } from '../../src/lib/layout/phases/buildTree.ts';
import { composeRegions, placeInOrder } from '../../src/lib/layout/phases/composeRegions.ts';
import {
  labelSize,
  placeLabels,
  rectSegmentDistance
} from '../../src/lib/layout/phases/placeLabels.ts';
import { elbow, portsOf, routeWires } from '../../src/lib/layout/phases/routeWires.ts';
import { familyOf, neighbourhood } from '../../src/lib/layout/neighbourhood.ts';
import { nextInDirection } from '../../src/lib/layout/spatialNavigation.ts';
import { layoutMap } from '../../src/lib/layout/layoutMap.ts';
import { graphNode } from '../support/layoutFixture.ts';

/** Every character 7 units wide (8 in bold): simple enough to reason about. */
const measure: MeasureText = (text, _size, bold) => text.length * (bold ? 8 : 7);

const item = (
  id: string,
  x: number,
  y: number,
  w: number,
  h: number,
  children: Item[] = []
): Item => ({
  id,
  label: id,
  children,
  depth: 0,
  lines: [id],
  x,
  y,
  w,
  h,
  header: children.length ? 24 : 0,
  titleWidth: children.length ? 60 : 0
});

/** A small graph: clients | services | app (web → wsgi → db), with a two-way pair. */
function graph(): TopicGraph {
  return {
    groups: [{ id: 'g', label: 'G' }],
    boxes: [
      { id: 'clients', label: 'Clients' },
      { id: 'services', label: 'Services' },
      { id: 'app', label: 'App' }
    ],
    nodes: [
      graphNode('browser', 'clients'),
      graphNode('phone', 'clients'),
      graphNode('logs', 'services'),
      graphNode('metrics', 'services'),
      graphNode('web', 'app'),
      graphNode('wsgi', 'app'),
      graphNode('db', 'app')
    ],
    flows: [
      { id: 'flow:browser>web', from: 'browser', to: 'web', kind: 'flow', label: 'asks' },
      { id: 'flow:web>browser', from: 'web', to: 'browser', kind: 'flow', label: 'answers' },
      { id: 'flow:phone>web', from: 'phone', to: 'web', kind: 'flow', label: 'calls' },
      { id: 'flow:web>wsgi', from: 'web', to: 'wsgi', kind: 'flow', label: 'hands on' },
      { id: 'flow:wsgi>db', from: 'wsgi', to: 'db', kind: 'flow', label: 'reads' },
      { id: 'flow:wsgi>logs', from: 'wsgi', to: 'logs', kind: 'flow', label: 'logs' },
      { id: 'flow:wsgi>metrics', from: 'wsgi', to: 'metrics', kind: 'flow', label: 'reports' }
    ],
    related: [],
    learningPath: [],
    composition: {
      columns: ['clients', 'services', 'app'],
      aside: [],
      arrange: { app: [['web'], ['wsgi', 'db']] }
    }
  };
}

describe('buildTree', () => {
  it('nests items as the content does and sizes leaves to their wrapped titles', () => {
    const tree = buildTree(graph(), measure);
    expect(tree.roots.map((r) => r.id)).toEqual(['clients', 'services', 'app']);
    const web = tree.byId.get('web')!;
    expect(web.parent?.id).toBe('app');
    expect(web.w).toBe(Math.max(SPACE.nodeMinWidth, 3 * 8 + 2 * SPACE.nodePadX));
    expect(tree.byId.get('app')!.header).toBe(SPACE.regionHeader);
    expect(buildTree(graph(), measure, 40).byId.get('app')!.header).toBe(40);
  });
});

describe('arrangeBoxes', () => {
  const box = () =>
    item('box', 0, 0, 0, 0, [
      item('a', 0, 0, 50, 20),
      item('b', 0, 0, 60, 20),
      item('c', 0, 0, 70, 20)
    ]);
  it.each([
    ['row', 'row', [['a', 'b', 'c']]],
    ['column', 'column', [['a'], ['b'], ['c']]],
    ['rows as written, the rest after', [['c'], ['a']], [['c'], ['a'], ['b']]],
    ['a few leaves by default: a column', undefined, [['a'], ['b'], ['c']]]
  ] as const)('rowsOf %s', (_, spec, want) => {
    expect(
      rowsOf(box(), spec as never).map((r) => r.map((cell) => cell.map((i) => i.id).join('+')))
    ).toEqual(want);
  });
  it('wraps rows to a width', () => {
    expect(wrapRows(box(), 'row', 125, 10).map((r) => r.map((c) => c[0].id))).toEqual([
      ['a', 'b'],
      ['c']
    ]);
  });
  it('sizes a box around its rows and places children below its title strip', () => {
    const b = box();
    arrangeBox(b, rowsOf(b, 'row'), false);
    const [a, bb, c] = b.children;
    expect(a.y).toBe(b.header);
    expect(bb.x).toBe(a.x + a.w + SPACE.tightGap);
    expect(b.w).toBe(SPACE.boxPad * 2 + 50 + 60 + 70 + 2 * SPACE.tightGap);
    expect(c.x + c.w).toBeLessThanOrEqual(b.x + b.w);
  });
});

describe('composeRegions', () => {
  it.each([
    ['keeps targets that do not collide', [0, 100], [20, 20], [0, 100]],
    ['pushes apart what would overlap, around the mean', [50, 50], [20, 20], [35, 65]],
    ['never goes before the minimum', [-100, -100], [20, 20], [0, 30]]
  ])('placeInOrder %s', (_, targets, sizes, want) => {
    expect(placeInOrder(targets, sizes, 10, 0)).toEqual(want);
  });
  it('places regions left to right and the facing topics level with what they call', () => {
    const tree = buildTree(graph(), measure);
    composeRegions(tree, graph().composition, graph().flows, { width: 50, height: 40 }, () => 40);
    const [clients, services, app] = tree.roots;
    expect(clients.x + clients.w).toBeLessThan(services.x);
    expect(services.x + services.w).toBeLessThan(app.x);
    const mid = (id: string) => tree.byId.get(id)!.y + tree.byId.get(id)!.h / 2;
    // The clients face the web server they call: as near its level as the column allows.
    expect(Math.abs(mid('browser') - mid('web'))).toBeLessThan(16);
    expect(tree.byId.get('phone')!.y).toBeGreaterThan(tree.byId.get('browser')!.y);
    // The services column stays clear below the clients' wires that cross over it.
    expect(services.y).toBeGreaterThan(Math.max(mid('browser'), mid('phone')));
  });
});

describe('orthogonalRouter', () => {
  const bounds = { x: 0, y: 0, width: 300, height: 200 };
  const port = (x: number, y: number, d: [number, number]): Port => ({ p: [x, y], d, cost: 0 });
  it('goes straight when nothing is in the way', () => {
    expect(
      routeOrthogonal(
        [port(10, 100, [1, 0])],
        [port(290, 100, [-1, 0])],
        { hard: [], frames: [], segments: [], bounds },
        ['a']
      )
    ).toEqual([
      [10, 100],
      [290, 100]
    ]);
  });
  it('goes round an obstacle, never through it', () => {
    const block = { x: 100, y: 50, width: 100, height: 100 };
    const route = routeOrthogonal(
      [port(10, 100, [1, 0])],
      [port(290, 100, [-1, 0])],
      { hard: [block], frames: [], segments: [], bounds },
      ['a']
    )!;
    expect(route.length).toBeGreaterThan(2);
    for (let i = 1; i < route.length; i++) {
      const [p, q] = [route[i - 1], route[i]];
      const inside =
        Math.max(p[0], q[0]) > block.x &&
        Math.min(p[0], q[0]) < block.x + block.width &&
        Math.max(p[1], q[1]) > block.y &&
        Math.min(p[1], q[1]) < block.y + block.height;
      expect(inside).toBe(false);
    }
  });
  it('is undefined when the way is shut', () => {
    expect(
      routeOrthogonal(
        [port(10, 100, [1, 0])],
        [port(290, 100, [-1, 0])],
        { hard: [{ x: 50, y: -10, width: 20, height: 220 }], frames: [], segments: [], bounds },
        ['a']
      )
    ).toBeUndefined();
  });
  it('simplify drops repeated and collinear points', () => {
    expect(
      simplify([
        [0, 0],
        [0, 0],
        [5, 0],
        [10, 0],
        [10, 5]
      ])
    ).toEqual([
      [0, 0],
      [10, 0],
      [10, 5]
    ]);
  });
});

describe('routeWires and placeLabels', () => {
  it('meets a leaf level with what it faces, and a box below its title', () => {
    const a = item('a', 0, 0, 40, 20);
    const b = item('b', 100, 5, 40, 20);
    expect(portsOf(a, b).find((p) => p.cost === 0 && p.d[0] === 1)?.p).toEqual([40, 15]);
    const box = item('box', 100, 0, 100, 100, [item('k', 110, 30, 40, 20)]);
    for (const p of portsOf(box, a))
      if (p.d[0] !== 0) expect(p.p[1]).toBeGreaterThan(box.y + box.header);
  });
  it('elbow joins the facing sides in three parts', () => {
    expect(elbow(item('a', 0, 0, 40, 20), item('b', 100, 50, 40, 20))).toEqual([
      [40, 10],
      [70, 10],
      [70, 60],
      [100, 60]
    ]);
  });
  it('draws a request and its response as one wire, the request first', () => {
    const g = graph();
    const tree = buildTree(g, measure);
    composeRegions(tree, g.composition, g.flows, { width: 50, height: 40 }, () => 40);
    const wires = routeWires(g, tree, { x: 0, y: 0, width: 2000, height: 2000 }, [], () => 40);
    const pair = wires.find((w) => w.back)!;
    expect([pair.forward.id, pair.back!.id]).toEqual(['flow:browser>web', 'flow:web>browser']);
    expect(wires).toHaveLength(6);
  });
  it('labels touch their own wire, on the left of travel for a request', () => {
    expect(rectSegmentDistance({ x: 0, y: 0, width: 10, height: 10 }, [0, 13], [20, 13])).toBe(3);
    const wire = {
      forward: { id: 'f', from: 'a', to: 'b', kind: 'flow' as const, label: 'go' },
      back: { id: 'r', from: 'b', to: 'a', kind: 'flow' as const, label: 'back' },
      points: [
        [0, 100],
        [300, 100]
      ] as [number, number][]
    };
    const [placed] = placeLabels([wire], measure, {
      blocked: [],
      frames: [],
      bounds: { x: 0, y: 0, width: 300, height: 200 }
    });
    expect(placed.forward!.y + placed.forward!.height).toBeLessThanOrEqual(100);
    expect(placed.back!.y).toBeGreaterThanOrEqual(100);
    expect(
      labelSize('a long label that must wrap over lines', measure).lines.length
    ).toBeGreaterThan(1);
  });
});

describe('families and arrow keys', () => {
  it('a tool lights its family and the family\u2019s arrows; arrow keys follow connections that way', async () => {
    const g = graph();
    g.boxes.push({ id: 'inner', label: 'Inner', parent: 'app' });
    const layout: MapLayout = await layoutMap(
      {
        ...g,
        nodes: [
          ...g.nodes,
          { slug: 'tool', title: 'tool', summary: '', group: 'g', parent: 'wsgi' }
        ]
      },
      measure
    );
    expect(familyOf(layout, 'tool')).toEqual(['wsgi']);
    const hood = neighbourhood(layout, 'tool', false);
    expect(hood.slugs.has('wsgi')).toBe(true);
    expect(hood.edges.has('flow:wsgi>db')).toBe(true);
    expect(hood.connected.has('db')).toBe(true);
    const right = nextInDirection(layout, 'browser', 'right', false);
    expect(right).toBe('web');
  });
});
