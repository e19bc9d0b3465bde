// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mapPlace, type PlaceTopic } from '../../src/lib/graph/mapPlace.ts';

const boxes = [
  { id: 'region', label: 'The region' },
  { id: 'frame', label: 'A frame', parent: 'region' }
];
const topics: PlaceTopic[] = [
  { slug: 'os', title: 'OS', parent: 'frame', arrows: [] },
  { slug: 'web', title: 'Web servers', parent: 'os', arrows: [{ to: 'app', label: 'passes on' }] },
  { slug: 'nginx', title: 'Nginx', parent: 'web', arrows: [] },
  {
    slug: 'app',
    title: 'App',
    parent: 'os',
    arrows: [
      { to: 'web', label: 'answers' },
      { to: 'db', label: 'reads' }
    ]
  },
  { slug: 'db', title: 'DB', parent: 'region', arrows: [] },
  { slug: 'browser', title: 'Browser', parent: 'region', arrows: [{ to: 'web', label: 'asks' }] }
];

describe('mapPlace', () => {
  it.each([
    ['nginx', ['Web servers', 'OS', 'A frame', 'The region']],
    ['app', ['OS', 'A frame', 'The region']],
    ['db', ['The region']]
  ])('%s sits inside %j, innermost first', (slug, labels) => {
    expect(mapPlace(slug, topics, boxes).within.map((b) => b.label)).toEqual(labels);
  });

  it('links the boxes that are topics and not the frame boxes', () => {
    const { within } = mapPlace('nginx', topics, boxes);
    expect(within.map((b) => b.slug)).toEqual(['web', 'os', undefined, undefined]);
  });

  it('names the far end of each arrow, out and in, with its label', () => {
    const place = mapPlace('app', topics, boxes);
    expect(place.out).toEqual([
      { label: 'answers', slug: 'web', title: 'Web servers' },
      { label: 'reads', slug: 'db', title: 'DB' }
    ]);
    expect(place.in).toEqual([{ label: 'passes on', slug: 'web', title: 'Web servers' }]);
  });

  it('gives a tool the arrows of the topic box it sits in, and lists what a box contains', () => {
    const place = mapPlace('nginx', topics, boxes);
    expect(place.out).toEqual([]);
    expect(place.families.map((f) => f.slug)).toEqual(['web']);
    expect(place.families[0].out.map((a) => a.title)).toEqual(['App']);
    expect(place.families[0].in.map((a) => `${a.title} ${a.label}`)).toEqual([
      'App answers',
      'Browser asks'
    ]);
    expect(mapPlace('web', topics, boxes).contains).toEqual([{ slug: 'nginx', title: 'Nginx' }]);
    // A box without arrows (OS) is not listed as a family.
    expect(mapPlace('app', topics, boxes).families).toEqual([]);
  });

  it('lists a family with arrows only one way, either way', () => {
    const oneWay: PlaceTopic[] = [
      {
        slug: 'sender',
        title: 'Sender',
        parent: 'region',
        arrows: [{ to: 'other', label: 'sends' }]
      },
      { slug: 'receiver', title: 'Receiver', parent: 'region', arrows: [] },
      {
        slug: 'other',
        title: 'Other',
        parent: 'region',
        arrows: [{ to: 'receiver', label: 'tells' }]
      },
      { slug: 'a', title: 'A', parent: 'sender', arrows: [] },
      { slug: 'b', title: 'B', parent: 'receiver', arrows: [] }
    ];
    expect(mapPlace('a', oneWay, []).families).toEqual([
      {
        slug: 'sender',
        title: 'Sender',
        out: [{ label: 'sends', slug: 'other', title: 'Other' }],
        in: []
      }
    ]);
    expect(mapPlace('b', oneWay, []).families).toEqual([
      {
        slug: 'receiver',
        title: 'Receiver',
        out: [],
        in: [{ label: 'tells', slug: 'other', title: 'Other' }]
      }
    ]);
  });

  it('gives a topic it does not know an empty place rather than failing', () => {
    expect(mapPlace('missing', topics, boxes)).toMatchObject({ within: [], out: [], families: [] });
  });

  it('stops at a parent that is neither a topic nor a box, and never loops', () => {
    const loop: PlaceTopic[] = [
      { slug: 'a', title: 'A', parent: 'b', arrows: [] },
      { slug: 'b', title: 'B', parent: 'a', arrows: [] },
      { slug: 'c', title: 'C', parent: 'nowhere', arrows: [] }
    ];
    expect(mapPlace('a', loop, []).within.map((b) => b.label)).toEqual(['B']);
    expect(mapPlace('c', loop, []).within).toEqual([]);
  });
});
