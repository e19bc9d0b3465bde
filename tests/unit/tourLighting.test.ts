import { describe, expect, it } from 'vitest';
import type { TourStep } from '../../src/lib/content/validateTours.ts';
import type { LayoutEdge, MapLayout } from '../../src/lib/layout/MapLayout.ts';
import { boundsOf, planLighting, stepLighting } from '../../src/lib/tours/tourLighting.ts';
import {
  dismissTourOffer,
  shouldOfferTour,
  TOUR_OFFER_KEY
} from '../../src/lib/tours/tourOffer.ts';

const rect = (x: number, y: number) => ({ x, y, width: 100, height: 40 });
const node = (slug: string, x: number, y: number, parent = 'r') => ({
  slug,
  title: slug.toUpperCase(),
  group: 'g',
  parent,
  lines: [slug],
  ...rect(x, y)
});
const flow = (from: string, to: string): LayoutEdge => ({
  id: `flow:${from}>${to}`,
  from,
  to,
  kind: 'flow',
  path: 'M0,0'
});
// "box" is a topic drawn as a box around "inner".
const layout: MapLayout = {
  width: 1000,
  height: 600,
  groups: [],
  boxes: [
    {
      id: 'box',
      slug: 'box',
      label: 'Box',
      depth: 1,
      parent: 'r',
      group: 'g',
      header: rect(500, 300),
      title: rect(500, 300),
      ...rect(500, 300)
    }
  ],
  nodes: [node('a', 0, 0), node('b', 200, 0), node('c', 400, 100), node('inner', 520, 350, 'box')],
  flows: [flow('a', 'b'), flow('b', 'a'), flow('b', 'inner')],
  related: [],
  learningPath: []
};
const arrow = (from: string, to: string) => ({ from, to, id: `flow:${from}>${to}` });
const step: TourStep = {
  title: 'S',
  line: 1,
  topics: ['a'],
  arrows: [arrow('a', 'b'), arrow('c', 'a')],
  text: ['x'],
  breaks: { broken: ['inner'], symptom: [arrow('b', 'a')], log: 'l', check: 'c', text: ['y'] }
};

describe('planLighting', () => {
  it('lights the drawn parts and the arrows the request travels on, with their direction', () => {
    const l = planLighting(
      layout,
      ['a', 'c', 'ghost'],
      [
        { from: 'a', to: 'b' },
        { from: 'c', to: 'a' }
      ]
    );
    // c → a is not drawn, and "ghost" is no topic of this layout: both are left out.
    expect([...l.named].sort()).toEqual(['a', 'b', 'c']);
    expect([...l.edges]).toEqual(['flow:a>b']);
    expect([...l.travel]).toEqual(['flow:a>b']);
    expect(l.broken.size).toBe(0);
  });
  it('keeps the family box of a lit part at full strength', () => {
    const l = planLighting(layout, ['inner'], [{ from: 'b', to: 'inner' }]);
    expect([...l.slugs].sort()).toEqual(['b', 'box', 'inner']);
    expect([...l.named].sort()).toEqual(['b', 'inner']);
  });
});

describe('stepLighting', () => {
  it('lights the step topics, its drawn arrows and their ends; arrows show travel', () => {
    const l = stepLighting(layout, step);
    expect([...l.slugs].sort()).toEqual(['a', 'b']);
    // c → a is not drawn on this layout, so it is not lit.
    expect([...l.edges]).toEqual(['flow:a>b']);
    expect([...l.travel]).toEqual(['flow:a>b']);
    expect(l.broken.size).toBe(0);
    expect(l.focus).toEqual(['a', 'b']);
  });

  it('breaking it lights the broken part with its family and the symptom arrows instead', () => {
    const l = stepLighting(layout, step, true);
    expect([...l.broken]).toEqual(['inner']);
    expect([...l.edges]).toEqual(['flow:b>a']);
    expect([...l.slugs].sort()).toEqual(['a', 'b', 'box', 'inner']);
    expect([...l.named].sort()).toEqual(['a', 'b', 'inner']);
    expect(l.focus).toEqual(['a', 'inner', 'b']);
  });

  it('a step without what breaks ignores "break it"', () => {
    const { breaks: _b, ...plain } = step;
    expect([...stepLighting(layout, plain, true).edges]).toEqual(['flow:a>b']);
  });
});

describe('boundsOf', () => {
  it('frames the topics with a margin, and nothing for unknown topics', () => {
    expect(boundsOf(layout, ['a', 'c'], 10)).toEqual({ x: -10, y: -10, width: 520, height: 160 });
    expect(boundsOf(layout, ['ghost'])).toBeUndefined();
  });
});

describe('shouldOfferTour', () => {
  const storage = (value: string | null) => ({
    getItem: (k: string) => (k === TOUR_OFFER_KEY ? value : null)
  });
  it.each([
    ['a first visit', 0, storage(null), true],
    ['a visitor with marks', 3, storage(null), false],
    ['a visitor who took or declined it', 0, storage('1'), false],
    [
      'blocked storage',
      0,
      {
        getItem: () => {
          throw new Error('SecurityError');
        }
      },
      false
    ]
  ])('%s', (_, marked, store, expected) => {
    expect(shouldOfferTour(marked, store)).toBe(expected);
  });
});

describe('planLighting of a topic drawn as a box', () => {
  it('lights a part the layout draws as a box', () => {
    const l = planLighting(layout, ['box'], []);
    expect([...l.named]).toEqual(['box']);
    expect([...l.slugs]).toEqual(['box']);
  });
});

describe('dismissTourOffer', () => {
  it('remembers the offer was answered, so it is not offered again', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v)
    };
    expect(shouldOfferTour(0, storage)).toBe(true);
    dismissTourOffer(storage);
    expect(Object.fromEntries(data)).toEqual({ [TOUR_OFFER_KEY]: '1' });
    expect(shouldOfferTour(0, storage)).toBe(false);
  });

  it('blocked or missing storage is no error', () => {
    const blocked = {
      setItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }
    };
    expect(() => dismissTourOffer(blocked)).not.toThrow();
    expect(() => dismissTourOffer(undefined)).not.toThrow();
  });
});
