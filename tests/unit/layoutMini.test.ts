import { describe, expect, it } from 'vitest';
import { roundedPath, wrapText } from '../../src/lib/layout/edgePath.ts';
import { collisions, parentsContain } from '../support/layoutChecks.ts';
import { siteFor } from './siteFixture.ts';

// The small fixture laid out, and the layout's path and text helpers (layout.test.ts
// checks the real content the same way).
describe.each([
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
