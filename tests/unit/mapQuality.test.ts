import { describe, expect, it } from 'vitest';
import { measureQuality } from '../../src/lib/layout/quality.ts';
import { TYPE } from '../../src/lib/layout/mapStyle.ts';
import { mapPlacement } from '../../src/lib/pdf/mapPlacement.ts';
import { siteFor } from './siteFixture.ts';

// The drawing's targets on the real content (definitions in the map design notes). A
// layout change that makes the map harder to trace fails here, naming what went wrong.
describe('the real map reads at a glance', () => {
  const quality = async () => measureQuality((await siteFor('content', false)).layout);

  it('has at most 4 crossings', async () => {
    const q = await quality();
    expect(q.crossings, q.crossingsAt.join('\n')).toBeLessThanOrEqual(4);
  });
  it('runs no wire through a topic, a box or a title it does not belong to', async () => {
    expect((await quality()).foreignPasses).toEqual([]);
  });
  it('keeps every wire within 1.35 times the distance between its ends, with at most 5 bends and no U-turn', async () => {
    const q = await quality();
    expect(q.worstDetour.ratio, q.worstDetour.wire).toBeLessThanOrEqual(1.35);
    expect(q.mostBends.bends, q.mostBends.wire).toBeLessThanOrEqual(5);
    expect(q.uTurns).toEqual([]);
  });
  it('draws every label, touching its own wire, nearer to it than to any other, over nothing', async () => {
    const q = await quality();
    expect(q.missingLabels).toEqual([]);
    expect(q.labels).toBe(28);
    expect(q.strayLabels).toEqual([]);
    expect(q.labelOverlaps).toEqual([]);
  });
  it('keeps wires of different bundles at least 8 units apart', async () => {
    expect((await quality()).closeWires).toEqual([]);
  });
  it('has room for the key and the opening lines, clear of everything', async () => {
    const { layout } = await siteFor('content', false);
    expect(layout.key).toBeDefined();
    expect(layout.intro).toBeDefined();
  });
  it('covers at least 15% of its area with topics and titles', async () => {
    expect((await quality()).coverage).toBeGreaterThanOrEqual(0.15);
  });
  it.each([
    ['A4', 6.5, 6],
    ['A3', 9, 9]
  ] as const)(
    'prints page 1 on %s with titles at %s pt and labels at %s pt or more',
    async (size, title, label) => {
      const { scale } = mapPlacement((await siteFor('content', false)).layout, size);
      expect(TYPE.node * scale).toBeGreaterThanOrEqual(title);
      expect(TYPE.box * scale).toBeGreaterThanOrEqual(title);
      expect(TYPE.edgeLabel * scale).toBeGreaterThanOrEqual(label);
    }
  );
  it('draws a request and its response as one wire', async () => {
    const q = await quality();
    // 28 arrows, 6 request/response pairs: 22 wires.
    expect(q.wires).toBe(22);
  });
});
