import { describe, expect, it } from 'vitest';
import { collisions, parentsContain } from '../support/layoutChecks.ts';
import { siteFor } from './siteFixture.ts';

// The real content laid out (slow: mutation runs leave this file out; layoutMini.test.ts
// checks the same on the small fixture, with the edge path and wrapping helpers).
describe.each([
  ['the real content', 'content', false, 'layout'],
  ['the real content, portrait', 'content', false, 'portrait']
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
