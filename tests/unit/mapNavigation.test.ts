// Arrow keys and highlighting on hand-drawn maps: where focus goes from a topic (the
// destination, not only that it moved) and what a hover or focus lights and announces.
import { describe, expect, it } from 'vitest';
import type {
  LayoutBox,
  LayoutEdge,
  LayoutNode,
  MapLayout
} from '../../src/lib/layout/MapLayout.ts';
import {
  familyOf,
  neighbourhood,
  topicGroup,
  topicRect,
  topicTitle
} from '../../src/lib/layout/neighbourhood.ts';
import { nextInDirection, type Direction } from '../../src/lib/layout/spatialNavigation.ts';

/** A 40 x 20 topic whose centre is at (cx, cy). */
const node = (
  slug: string,
  cx: number,
  cy: number,
  parent = 'region',
  group = 'g'
): LayoutNode => ({
  slug,
  title: `${slug.toUpperCase()} title`,
  group,
  parent,
  lines: [slug],
  x: cx - 20,
  y: cy - 10,
  width: 40,
  height: 20
});
const flow = (from: string, to: string, label = `${from} to ${to}`): LayoutEdge => ({
  id: `flow:${from}>${to}`,
  from,
  to,
  kind: 'flow',
  path: '',
  label
});
const related = (from: string, to: string): LayoutEdge => ({
  id: `related:${from}~${to}`,
  from,
  to,
  kind: 'related',
  path: ''
});
const region: LayoutBox = {
  id: 'region',
  label: 'Region',
  depth: 0,
  x: -1000,
  y: -1000,
  width: 2000,
  height: 2000,
  header: { x: -1000, y: -1000, width: 2000, height: 24 }
};

function map(
  nodes: LayoutNode[],
  flows: LayoutEdge[] = [],
  rel: LayoutEdge[] = [],
  boxes: LayoutBox[] = []
): MapLayout {
  return {
    width: 2000,
    height: 2000,
    groups: [{ id: 'g', label: 'G' }],
    boxes: [region, ...boxes],
    nodes,
    flows,
    related: rel,
    learningPath: []
  };
}

describe('nextInDirection (arrow keys on the map)', () => {
  // A plus sign of unconnected topics around `c`.
  const plus = map([
    node('c', 0, 0),
    node('east', 200, 0),
    node('west', -200, 0),
    node('north', 0, -200),
    node('south', 0, 200)
  ]);

  it.each<[Direction, string]>([
    ['right', 'east'],
    ['left', 'west'],
    ['up', 'north'],
    ['down', 'south']
  ])('moves %s to the topic that lies that way (%s)', (dir, expected) => {
    expect(nextInDirection(plus, 'c', dir, false)).toBe(expected);
  });

  it('goes nowhere when nothing lies that way, and from an unknown topic', () => {
    expect(nextInDirection(plus, 'east', 'right', false)).toBeUndefined();
    expect(nextInDirection(plus, 'north', 'up', false)).toBeUndefined();
    expect(nextInDirection(plus, 'nowhere', 'right', false)).toBeUndefined();
  });

  it('does not count a topic straight above or below as being to the right', () => {
    const column = map([node('c', 0, 0), node('above', 0, -100), node('below', 0, 100)]);
    expect(nextInDirection(column, 'c', 'right', false)).toBeUndefined();
    expect(nextInDirection(column, 'c', 'left', false)).toBeUndefined();
  });

  it('follows a connection before a nearer topic it is not joined to', () => {
    const layout = map(
      [node('c', 0, 0), node('near', 100, 0), node('joined', 400, 150)],
      [flow('c', 'joined')]
    );
    expect(nextInDirection(layout, 'c', 'right', false)).toBe('joined');
    // Arrows count in both directions: from `joined`, `c` is its connection to the left.
    expect(nextInDirection(layout, 'joined', 'left', false)).toBe('c');
  });

  it('falls back to the whole map when no connection lies that way', () => {
    const layout = map(
      [node('c', 0, 0), node('near', 100, 0), node('joined', -300, 0)],
      [flow('joined', 'c')]
    );
    expect(nextInDirection(layout, 'c', 'right', false)).toBe('near');
    expect(nextInDirection(layout, 'c', 'left', false)).toBe('joined');
  });

  it('follows related links only while they are shown', () => {
    const layout = map(
      [node('c', 0, 0), node('near', 100, 0), node('cousin', 500, 200)],
      [],
      [related('c', 'cousin')]
    );
    expect(nextInDirection(layout, 'c', 'right', true)).toBe('cousin');
    expect(nextInDirection(layout, 'c', 'right', false)).toBe('near');
  });

  it('favours the axis of travel over straight-line distance', () => {
    // `ahead` is farther (120) than `aside` (about 89) but lies along the way.
    const layout = map([node('c', 0, 0), node('ahead', 120, 0), node('aside', 60, 65)]);
    expect(nextInDirection(layout, 'c', 'right', false)).toBe('ahead');
    expect(nextInDirection(layout, 'c', 'down', false)).toBe('aside');
  });

  it('picks the nearer of two topics on the same line', () => {
    const layout = map([node('c', 0, 0), node('far', 400, 0), node('close', 150, 0)]);
    expect(nextInDirection(layout, 'c', 'right', false)).toBe('close');
    expect(nextInDirection(layout, 'far', 'left', false)).toBe('close');
  });

  it('breaks a tie by slug, whatever the order topics are listed in', () => {
    const a = map([node('c', 0, 0), node('zed', 200, 30), node('abe', 200, -30)]);
    const b = map([node('c', 0, 0), node('abe', 200, -30), node('zed', 200, 30)]);
    expect(nextInDirection(a, 'c', 'right', false)).toBe('abe');
    expect(nextInDirection(b, 'c', 'right', false)).toBe('abe');
  });

  it('reaches a topic drawn as a box by its header', () => {
    const box: LayoutBox = {
      id: 'family',
      slug: 'family',
      label: 'Family',
      depth: 1,
      parent: 'region',
      x: 300,
      y: -100,
      width: 200,
      height: 200,
      header: { x: 300, y: -100, width: 200, height: 24 }
    };
    const layout = map([node('c', 0, -88)], [], [], [box]);
    expect(nextInDirection(layout, 'c', 'right', false)).toBe('family');
    expect(nextInDirection(layout, 'family', 'left', false)).toBe('c');
  });
});

describe('neighbourhood (what a hover or focus lights and announces)', () => {
  // web → app → db, with `other` unconnected; `app` sits in the topic box `servers`,
  // whose own arrow goes to `logs`.
  const servers: LayoutBox = {
    id: 'servers',
    slug: 'servers',
    label: 'App servers',
    group: 'h',
    depth: 1,
    parent: 'region',
    x: 100,
    y: -50,
    width: 200,
    height: 100,
    header: { x: 100, y: -50, width: 200, height: 24 }
  };
  const layout = map(
    [
      node('web', 0, 0),
      node('app', 200, 0, 'servers'),
      node('db', 400, 0),
      node('logs', 200, 300),
      node('other', 0, 300)
    ],
    [
      flow('web', 'app', 'forwards'),
      flow('app', 'db', 'queries'),
      flow('servers', 'logs', 'writes')
    ],
    [related('web', 'other')],
    [servers]
  );

  it('lights a topic, both ends of its arrows and those arrows, and says which way each goes', () => {
    const hood = neighbourhood(layout, 'db', false);
    expect([...hood.slugs].sort()).toEqual(['app', 'db']);
    expect([...hood.connected]).toEqual(['app']);
    expect([...hood.edges]).toEqual(['flow:app>db']);
    expect(hood.list).toEqual([{ slug: 'app', relation: 'queries, towards this topic' }]);
    expect(neighbourhood(layout, 'web', false).list).toEqual([
      { slug: 'app', relation: 'forwards' }
    ]);
  });

  it('adds related links only when they are shown', () => {
    expect(neighbourhood(layout, 'web', false).connected.has('other')).toBe(false);
    const shown = neighbourhood(layout, 'web', true);
    expect(shown.connected.has('other')).toBe(true);
    expect(shown.edges.has('related:web~other')).toBe(true);
    expect(shown.list).toContainEqual({ slug: 'other', relation: 'related' });
  });

  it("gives a tool its family's arrows, named through the family", () => {
    const hood = neighbourhood(layout, 'app', false);
    expect(hood.slugs).toEqual(new Set(['app', 'servers', 'web', 'db', 'logs']));
    expect(hood.edges).toEqual(new Set(['flow:web>app', 'flow:app>db', 'flow:servers>logs']));
    expect(hood.list).toEqual([
      { slug: 'web', relation: 'forwards, towards this topic' },
      { slug: 'db', relation: 'queries' },
      { slug: 'logs', relation: 'writes, through App servers' }
    ]);
  });

  it('lets a family light what it holds, but not its members’ arrows', () => {
    const hood = neighbourhood(layout, 'servers', false);
    expect(hood.slugs).toEqual(new Set(['servers', 'app', 'logs']));
    expect(hood.edges).toEqual(new Set(['flow:servers>logs']));
  });

  it('lights nothing but itself for a topic with no arrows', () => {
    const hood = neighbourhood(layout, 'other', false);
    expect(hood.slugs).toEqual(new Set(['other']));
    expect(hood.edges.size + hood.connected.size + hood.list.length).toBe(0);
  });

  it('finds the families around a topic, innermost first, skipping plain regions', () => {
    const inner: LayoutBox = {
      ...servers,
      id: 'inner',
      slug: 'inner',
      label: 'Inner',
      depth: 2,
      parent: 'servers'
    };
    const nested = map([node('tool', 200, 0, 'inner')], [], [], [servers, inner]);
    expect(familyOf(nested, 'tool')).toEqual(['inner', 'servers']);
    expect(familyOf(nested, 'servers')).toEqual([]);
    expect(familyOf(nested, 'unknown')).toEqual([]);
  });

  it('reads a topic’s rectangle, title and colour group from a node or a topic box', () => {
    expect(topicRect(layout, 'web')).toEqual({ ...node('web', 0, 0) });
    expect(topicRect(layout, 'servers')).toEqual(servers.header);
    expect(topicRect(layout, 'unknown')).toBeUndefined();
    expect(topicTitle(layout, 'web')).toBe('WEB title');
    expect(topicTitle(layout, 'servers')).toBe('App servers');
    expect(topicTitle(layout, 'unknown')).toBe('unknown');
    expect(topicGroup(layout, 'web')).toBe('g');
    expect(topicGroup(layout, 'servers')).toBe('h');
    expect(topicGroup(layout, 'region')).toBe('');
  });
});
