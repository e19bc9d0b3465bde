// What every laid-out map must satisfy, for the layout tests of the real content
// (layout.test.ts) and of the small fixture (layoutMini.test.ts).
import type { MapLayout, Rect } from '../../src/lib/layout/MapLayout.ts';
import { rectsOverlap, rectWithin } from '../../src/lib/layout/rects.ts';

const overlaps = (a: Rect, b: Rect) => rectsOverlap(a, b, 0.5);
const inside = (a: Rect, b: Rect) => rectWithin(a, b, 0.5);

/** Named rectangles that must not overlap: nodes, edge labels, and sibling boxes. */
export function collisions(layout: MapLayout): string[] {
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

export function parentsContain(layout: MapLayout): string[] {
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
