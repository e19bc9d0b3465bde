import { describe, expect, it } from 'vitest';
import type { MapLayout, Rect } from '../../src/lib/layout/MapLayout.ts';
import { roundedPath, wrapText } from '../../src/lib/layout/edgePath.ts';
import { rectsOverlap, rectWithin } from '../../src/lib/layout/rects.ts';
import { siteFor } from './siteFixture.ts';

const overlaps = (a: Rect, b: Rect) => rectsOverlap(a, b, 0.5);
const inside = (a: Rect, b: Rect) => rectWithin(a, b, 0.5);

/** Named rectangles that must not overlap: nodes, edge labels, and sibling boxes. */
function collisions(layout: MapLayout): string[] {
  const items: { id: string; rect: Rect; parent?: string; box?: boolean }[] = [
    ...layout.nodes.map((n) => ({ id: `node ${n.slug}`, rect: n as Rect, parent: n.parent })),
    ...layout.flows
      .filter((e) => e.labelRect)
      .map((e) => ({ id: `label ${e.id}`, rect: e.labelRect! })),
    ...layout.boxes.map((b) => ({
      id: `box ${b.id}`,
      rect: b as Rect,
      parent: b.parent,
      box: true
    }))
  ];
  const out: string[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i], items[j]];
      if (!overlaps(a.rect, b.rect)) continue;
      // A box may contain what nests in it; that is not a collision.
      if (a.box && inside(b.rect, a.rect)) continue;
      if (b.box && inside(a.rect, b.rect)) continue;
      out.push(`${a.id} overlaps ${b.id}`);
    }
  return out;
}

function parentsContain(layout: MapLayout): string[] {
  const rects = new Map<string, Rect>(layout.boxes.map((b) => [b.id, b]));
  const out: string[] = [];
  for (const n of layout.nodes) {
    const p = rects.get(n.parent);
    if (!p || !inside(n, p)) out.push(`${n.slug} outside ${n.parent}`);
  }
  for (const b of layout.boxes) {
    const p = b.parent ? rects.get(b.parent) : undefined;
    if (b.parent && (!p || !inside(b, p))) out.push(`${b.id} outside ${b.parent}`);
  }
  return out;
}

describe.each([
  ['the real content', 'content', false, 'layout'],
  ['the real content, portrait', 'content', false, 'portrait'],
  ['the mini fixture', 'tests/fixtures/mini-content', true, 'layout'],
  ['the mini fixture, portrait', 'tests/fixtures/mini-content', true, 'portrait']
] as const)('layout of %s', (_, dir, relaxed, which) => {
  it('is deterministic to the last digit', async () => {
    const { buildSiteData } = await import('../../src/lib/site/siteData.ts');
    const a = await siteFor(dir, relaxed);
    const b = await buildSiteData(dir, relaxed ? { rules: {} } : {});
    expect(JSON.stringify(b[which])).toBe(JSON.stringify(a[which]));
  });

  it('has no overlapping node, label or box rectangles', async () => {
    const layout = (await siteFor(dir, relaxed))[which];
    expect(collisions(layout)).toEqual([]);
  });

  it('puts every node and box inside its parent box', async () => {
    const layout = (await siteFor(dir, relaxed))[which];
    expect(parentsContain(layout)).toEqual([]);
  });

  it('draws every topic once and every flow arrow with its label', async () => {
    const site = await siteFor(dir, relaxed);
    const [layout, content] = [site[which], site.content];
    const drawn = [
      ...layout.nodes.map((n) => n.slug),
      ...layout.boxes.flatMap((b) => (b.slug ? [b.slug] : []))
    ];
    expect(drawn.sort()).toEqual(content.topics.map((t) => t.slug).sort());
    const arrows = content.topics.flatMap((t) =>
      t.arrows.map((a) => `${t.slug}>${a.to}:${a.label}`)
    );
    expect(layout.flows.map((e) => `${e.from}>${e.to}:${e.label}`).sort()).toEqual(arrows.sort());
    for (const e of layout.flows) expect(e.path).toMatch(/^M[\d.]+,[\d.]+/);
  });
});

describe('edge paths and text', () => {
  it('rounds orthogonal corners and keeps end points', () => {
    expect(
      roundedPath(
        [
          [0, 0],
          [10, 0],
          [10, 10]
        ],
        4
      )
    ).toBe('M0,0L6,0Q10,0 10,4L10,10');
    expect(
      roundedPath(
        [
          [0, 0],
          [2, 0],
          [2, 10]
        ],
        4
      )
    ).toBe('M0,0L1,0Q2,0 2,1L2,10');
    expect(roundedPath([])).toBe('');
  });
  it('wraps words greedily without breaking a word', () => {
    const measure = (s: string) => s.length;
    expect(wrapText('Infrastructure as a service', 14, measure)).toEqual([
      'Infrastructure',
      'as a service'
    ]);
    expect(wrapText('Nginx', 3, measure)).toEqual(['Nginx']);
  });
});
