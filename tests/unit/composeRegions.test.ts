import { describe, expect, it } from 'vitest';
import type { Composition } from '../../src/lib/content/types.ts';
import type { GraphEdge, TopicGraph } from '../../src/lib/graph/TopicGraph.ts';
import type { MeasureText, Rect } from '../../src/lib/layout/MapLayout.ts';
import { SPACE, TYPE } from '../../src/lib/layout/mapStyle.ts';
import { buildTree, type Item, type Tree } from '../../src/lib/layout/phases/buildTree.ts';
import { composeRegions } from '../../src/lib/layout/phases/composeRegions.ts';
import { rectsOverlap } from '../../src/lib/layout/rects.ts';
import { graphNode } from '../support/layoutFixture.ts';

// The composition phase on a hand-made map, landscape and portrait: where each region,
// box and topic goes, checked against what the drawing promises (columns left to right,
// topics level with what they face, the band under what it points at, the key and the
// opening lines in free corners). layoutMini.test.ts checks whole layouts of fixtures.

/** Every character 7 units wide (8 in bold). */
const measure: MeasureText = (text, _size, bold) => text.length * (bold ? 8 : 7);

const flow = (from: string, to: string, label: string): GraphEdge => ({
  id: `flow:${from}>${to}`,
  from,
  to,
  kind: 'flow',
  label
});

/**
 * Clients | services | app as columns, `extra` a region the composition does not name,
 * `start` set aside, `ops` the band with four boxes.
 */
function graph(edit: Partial<TopicGraph> = {}): TopicGraph {
  return {
    groups: [{ id: 'g', label: 'G' }],
    boxes: [
      { id: 'clients', label: 'Clients' },
      { id: 'services', label: 'Services' },
      { id: 'app', label: 'App' },
      { id: 'extra', label: 'Extra' },
      { id: 'start', label: 'Start' },
      { id: 'ops', label: 'Operations' },
      { id: 'ci', label: 'CI', parent: 'ops' },
      { id: 'watch', label: 'Watch', parent: 'ops' },
      { id: 'spare', label: 'Spare', parent: 'ops' },
      { id: 'fixed', label: 'Fixed', parent: 'ops' }
    ],
    nodes: [
      graphNode('phone', 'clients'),
      graphNode('browser', 'clients'),
      graphNode('kiosk', 'clients'),
      graphNode('logs', 'services'),
      graphNode('metrics', 'services'),
      graphNode('web', 'app'),
      graphNode('wsgi', 'app'),
      graphNode('cache', 'app'),
      graphNode('queue', 'app'),
      graphNode('db', 'app'),
      graphNode('lonely', 'extra'),
      graphNode('home', 'start'),
      ...['c1', 'c2', 'c3', 'c4'].map((s) => graphNode(s, 'ci')),
      ...['w1', 'w2', 'w3'].map((s) => graphNode(s, 'watch')),
      graphNode('s1', 'spare'),
      graphNode('f1', 'fixed'),
      graphNode('f2', 'fixed')
    ],
    flows: [
      flow('browser', 'web', 'asks the web server'),
      flow('phone', 'db', 'syncs'),
      flow('phone', 'logs', 'sends crash reports'),
      flow('web', 'wsgi', 'hands on'),
      flow('wsgi', 'db', 'reads'),
      flow('wsgi', 'logs', 'logs'),
      flow('db', 'metrics', 'reports'),
      flow('c1', 'web', 'deploys'),
      flow('c2', 'browser', 'tests'),
      flow('w1', 'logs', 'reads')
    ],
    related: [],
    learningPath: [],
    composition: composition(),
    ...edit
  };
}

function composition(edit: Partial<Composition> = {}): Composition {
  return {
    columns: ['clients', 'services', 'app'],
    band: 'ops',
    aside: ['start'],
    arrange: { app: 'column', fixed: 'column' },
    ...edit
  };
}

/** Label widths by label: the crash reports' is wide, the web server's wider. */
const labelWidth = (e: GraphEdge) =>
  e.label === 'sends crash reports' ? 200 : e.label === 'asks the web server' ? 300 : 40;

const KEY = { width: 60, height: 40 };

function compose(g = graph(), key = KEY, portraitWidth?: number) {
  const tree = buildTree(g, measure);
  const composed = composeRegions(tree, g.composition, g.flows, key, labelWidth, portraitWidth);
  return { tree, composed, at: (id: string) => tree.byId.get(id)! };
}

const rect = (i: Item): Rect => ({ x: i.x, y: i.y, width: i.w, height: i.h });
const bottom = (i: Item) => i.y + i.h;
const rightOf = (i: Item) => i.x + i.w;
const midY = (i: Item) => i.y + i.h / 2;
const midX = (i: Item) => i.x + i.w / 2;

/** Pairs of siblings that overlap, and items that stick out of their parents. */
function clashes(tree: Tree): string[] {
  const out: string[] = [];
  const check = (items: Item[]) => {
    for (const [n, a] of items.entries())
      for (const b of items.slice(n + 1))
        if (rectsOverlap(rect(a), rect(b), 0)) out.push(`${a.id} overlaps ${b.id}`);
    for (const a of items) {
      for (const c of a.children)
        if (c.x < a.x || c.y < a.y + a.header || rightOf(c) > rightOf(a) || bottom(c) > bottom(a))
          out.push(`${c.id} sticks out of ${a.id}`);
      check(a.children);
    }
  };
  check(tree.roots);
  return out;
}

/** A box's children, row by row, left to right. */
const readingOrder = (box: Item) =>
  [...box.children].sort((a, b) => a.y - b.y || a.x - b.x).map((k) => k.id);

/** A label's pill height: what must fit between a wire and the box below it. */
const LABEL_HEIGHT = TYPE.edgeLabel * TYPE.lineHeight + 2 * SPACE.labelPadY;

describe('composeRegions, landscape', () => {
  it('stands the columns left to right, unnamed regions after, gaps fitting the labels that cross', () => {
    const { tree, at } = compose();
    const [clients, services, app, extra] = ['clients', 'services', 'app', 'extra'].map(at);
    expect(clashes(tree)).toEqual([]);
    expect([clients.x, services.x, app.x, extra.x]).toEqual(
      [clients.x, services.x, app.x, extra.x].sort((a, b) => a - b)
    );
    expect(clients.x).toBe(SPACE.margin);
    // Phone to logs crosses the first gap (label 200 wide); browser to web skips over the
    // services column, so its wider label widens neither gap.
    expect(services.x - rightOf(clients)).toBe(200 + 32);
    expect(app.x - rightOf(services)).toBe(SPACE.columnGap);
    expect(extra.x - rightOf(app)).toBe(SPACE.columnGap);
    // A facing column is as wide as its widest topic (or title), its topics centred in it.
    expect(clients.w).toBe(Math.max(clients.titleWidth, 84) + 2 * SPACE.boxPad);
    for (const k of clients.children) expect(midX(k), k.id).toBe(midX(clients));
  });

  it('stands the largest region at the top as arranged, the others facing what they connect to', () => {
    const { at } = compose();
    const app = at('app');
    expect([app.x, app.y].map((v) => v >= SPACE.margin)).toEqual([true, true]);
    expect(app.y).toBe(SPACE.margin);
    const column = ['web', 'wsgi', 'cache', 'queue', 'db'].map(at);
    for (const [i, k] of column.slice(1).entries()) {
      expect(k.x, k.id).toBe(column[i].x);
      expect(k.y, k.id).toBeGreaterThan(bottom(column[i]));
    }
    // The phone comes first in the content, but the browser faces the web server at the
    // top: the browser goes first, as near its level as the title strip allows; the phone
    // level with the database.
    const [browser, phone, kiosk] = ['browser', 'phone', 'kiosk'].map(at);
    expect(browser.y).toBe(SPACE.margin + at('clients').header + SPACE.boxPad);
    expect(midY(browser) - midY(at('web'))).toBeLessThanOrEqual(SPACE.boxPad);
    expect(Math.abs(midY(phone) - midY(at('db')))).toBeLessThanOrEqual(2);
    // A topic with nothing to face follows the one before it, a stack gap below.
    expect(kiosk.y - bottom(phone)).toBe(SPACE.tightGap + 4);
    // The column's box hugs its topics: its title strip just above the first.
    const clients = at('clients');
    expect(browser.y - clients.y).toBe(clients.header + SPACE.boxPad - 4);
    expect(bottom(clients) - bottom(kiosk)).toBe(SPACE.boxPad);
  });

  it('keeps the rows the composition gives a column, whatever its topics face', () => {
    const g = graph();
    g.composition!.arrange.clients = [['phone'], ['browser'], ['kiosk']];
    const { at } = compose(g);
    const [phone, browser, kiosk] = ['phone', 'browser', 'kiosk'].map(at);
    expect(phone.y).toBeLessThan(browser.y);
    expect(browser.y).toBeLessThan(kiosk.y);
  });

  it('keeps a column below the wires that pass over it, with room for their labels', () => {
    const { at } = compose();
    // Browser → web and phone → db run over the services column.
    const lowest = Math.max(midY(at('browser')), midY(at('phone')));
    expect(at('services').y - lowest).toBeGreaterThanOrEqual(LABEL_HEIGHT);
    // Without them the column rises to meet the phone that sends it crash reports.
    const g = graph();
    g.flows = g.flows.filter((e) => e.to !== 'db' || e.from !== 'phone');
    const { at: at2 } = compose(g);
    expect(at2('services').y).toBeLessThan(at('services').y);
  });

  it('sets aside regions down the first column, below what stands there', () => {
    const { at } = compose();
    const start = at('start');
    expect(start.x).toBe(SPACE.margin);
    expect(start.y).toBe(bottom(at('clients')) + SPACE.bandGap);
  });

  it('puts the key at the foot of the first column when it fits there', () => {
    const g = graph({ composition: composition({ aside: [] }) });
    const columns = ['clients', 'services', 'app', 'extra'];
    const { composed, tree, at } = compose(g);
    const lowest = Math.max(...columns.map((id) => bottom(at(id))));
    expect(composed.key).toEqual({ x: SPACE.margin, y: lowest - KEY.height, ...KEY });
    for (const r of tree.roots) expect(rectsOverlap(composed.key!, rect(r), 0), r.id).toBe(false);
    // As wide as the first column and half a gap; not a unit wider.
    const widest = at('clients').w + SPACE.columnGap / 2;
    expect(compose(g, { width: widest, height: 40 }).composed.key).toBeDefined();
    expect(compose(g, { width: widest + 1, height: 40 }).composed.key).toBeUndefined();
    // As tall as the room under the first column; not a unit taller.
    const room = lowest - (bottom(at('clients')) + SPACE.bandGap);
    expect(compose(g, { width: 60, height: room }).composed.key).toBeDefined();
    expect(compose(g, { width: 60, height: room + 0.25 }).composed.key).toBeUndefined();
    // With the aside region under the first column there is no room left.
    expect(compose().composed.key).toBeUndefined();
  });

  it('runs the band along the bottom, its wired boxes under what they point at, loose ones after', () => {
    const { tree, composed, at } = compose();
    const ops = at('ops');
    const lowest = Math.max(...tree.roots.filter((r) => r !== ops).map(bottom));
    expect(ops.x).toBe(SPACE.margin);
    expect(ops.y).toBe(lowest + SPACE.bandGap);
    const boxes = ['ci', 'watch', 'spare', 'fixed'].map(at);
    for (const b of boxes) expect(b.y, b.id).toBe(ops.y + ops.header);
    expect(bottom(ops)).toBe(Math.max(...boxes.map(bottom)) + SPACE.boxPad);
    // Left to right: CI (it points at the browser and the web server), Watch (the logs,
    // further right), then the boxes with no wires.
    const xs = boxes.map((b) => b.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const [i, b] of boxes.slice(1).entries())
      expect(b.x - rightOf(boxes[i]), b.id).toBeGreaterThanOrEqual(SPACE.looseGapX / 2);
    // The box wired to the logs alone sits right under them, the room allowing.
    expect(Math.abs(midX(at('watch')) - midX(at('logs')))).toBeLessThan(at('watch').w / 2);
    // The band reaches across the map, and the map ends a margin past it.
    expect(rightOf(ops)).toBe(Math.max(...tree.roots.filter((r) => r !== ops).map(rightOf)));
    expect(composed.width).toBe(Math.ceil(rightOf(ops) + SPACE.margin));
    expect(composed.height).toBe(Math.ceil(bottom(ops) + SPACE.margin));
  });

  it('fills a band with the loose boxes first when the wired ones point far right', () => {
    const g = graph();
    g.flows = [
      ...g.flows.filter((e) => !['c1', 'c2', 'w1'].includes(e.from)),
      flow('c1', 'lonely', 'deploys'),
      flow('w1', 'db', 'reads')
    ];
    const { tree, at } = compose(g);
    expect(clashes(tree)).toEqual([]);
    const [spare, fixed, watch, ci] = ['spare', 'fixed', 'watch', 'ci'].map(at);
    const xs = [spare, fixed, watch, ci].map((b) => b.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(spare.x).toBe(SPACE.margin + SPACE.boxPad);
    // CI points at the extra region, at the map's right end: it ends there too.
    expect(rightOf(ci)).toBe(rightOf(at('ops')) - SPACE.boxPad);
  });

  it('gives a band box its topics in order of what they point at, two rows past three', () => {
    const { at } = compose();
    // c2 points at the browser (left), c1 at the web server (right); c3 and c4 at nothing.
    const [c1, c2, c3, c4] = ['c1', 'c2', 'c3', 'c4'].map(at);
    expect(c2.y).toBe(c1.y);
    expect(c2.x).toBeLessThan(c1.x);
    expect([c3.x, c3.y]).toEqual([c2.x, bottom(c2) + SPACE.tightGap]);
    expect([c4.x, c4.y]).toEqual([c1.x, c3.y]);
    // Three topics stay in one row, in content order.
    const watch = ['w1', 'w2', 'w3'].map(at);
    expect(new Set(watch.map((k) => k.y)).size).toBe(1);
    expect(watch[0].x).toBeLessThan(watch[1].x);
    expect(watch[1].x).toBeLessThan(watch[2].x);
    // A box the composition arranges keeps its arrangement: a column.
    expect(at('f1').x).toBe(at('f2').x);
    expect(at('f2').y).toBeGreaterThan(bottom(at('f1')));
  });

  it('gives the opening lines the corner above the first columns when it is free', () => {
    // Nothing faces the top of the app region now: every facing column starts lower.
    const g = graph();
    g.flows = [
      ...g.flows.filter((e) => !['browser', 'c2'].includes(e.from)),
      flow('lonely', 'db', 'reads')
    ];
    const { tree, composed, at } = compose(g);
    const intro = composed.intro!;
    expect(intro).toBeDefined();
    const under = Math.min(...['clients', 'services', 'extra'].map((id) => at(id).y));
    expect([intro.x, intro.y]).toEqual([SPACE.margin + 4, SPACE.margin]);
    expect(intro.x + intro.width).toBeCloseTo(at('app').x - SPACE.columnGap / 3, 6);
    expect(intro.y + intro.height).toBe(under - 6);
    for (const r of tree.roots) expect(rectsOverlap(intro, rect(r), 0), r.id).toBe(false);
    // Where the clients face the top of the app region, the corner is theirs.
    expect(compose().composed.intro).toBeUndefined();
  });
});

describe('composeRegions, portrait', () => {
  const WIDTH = 300;
  it('stacks the regions: the first column, the largest, the other columns, aside, band, the rest', () => {
    const { tree, composed, at } = compose(graph(), KEY, WIDTH);
    const order = ['clients', 'app', 'services', 'start', 'ops', 'extra'].map(at);
    expect(order[0].y).toBe(SPACE.margin);
    for (const [i, r] of order.entries()) {
      expect(r.x, r.id).toBe(SPACE.margin);
      if (i) expect(r.y - bottom(order[i - 1]), r.id).toBe(SPACE.portraitRegionGap);
    }
    expect(clashes(tree)).toEqual([]);
    const right = Math.max(SPACE.margin + WIDTH, ...order.map(rightOf));
    expect(composed).toEqual({
      width: Math.ceil(right + SPACE.margin),
      height: Math.ceil(bottom(order[order.length - 1]) + SPACE.margin)
    });
  });

  it('takes the first column first, whichever is largest', () => {
    const g = graph({ composition: composition({ columns: ['services', 'clients', 'app'] }) });
    const { at } = compose(g, KEY, WIDTH);
    const ys = ['services', 'app', 'clients', 'start'].map((id) => at(id).y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    // One column alone is simply first.
    const one = compose(graph({ composition: composition({ columns: ['services'] }) }), KEY, WIDTH);
    const ys1 = ['services', 'start', 'ops', 'clients', 'app', 'extra'].map((id) => one.at(id).y);
    expect(ys1).toEqual([...ys1].sort((a, b) => a - b));
  });

  it('orders the topics of a region by the height of what they connect to above', () => {
    const g = graph();
    g.flows = [
      ...g.flows.filter((e) => e.to !== 'logs' && e.to !== 'metrics'),
      flow('db', 'logs', 'logs'),
      flow('web', 'metrics', 'reports')
    ];
    const { at } = compose(g, KEY, WIDTH);
    // Metrics faces the web server, above the database the logs face: metrics first.
    const [metrics, logs] = [at('metrics'), at('logs')];
    expect(metrics.y).toBe(logs.y);
    expect(metrics.x).toBeLessThan(logs.x);
    // The clients come first, with nothing above them: content order.
    expect(readingOrder(at('clients'))).toEqual(['phone', 'browser', 'kiosk']);
    // A region the composition arranges keeps its order (the database would otherwise
    // move up, to face the phone), wrapped to the width.
    expect(readingOrder(at('app'))).toEqual(['web', 'wsgi', 'cache', 'queue', 'db']);
    expect(Math.max(...at('app').children.map(rightOf))).toBeLessThanOrEqual(SPACE.margin + WIDTH);
  });
});
