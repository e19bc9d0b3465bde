import type { MapLayout, Rect } from './MapLayout.ts';

/** A region, box or topic in reading order, with what it holds. */
export interface ReadingItem {
  id: string;
  kind: 'box' | 'node';
  children: ReadingItem[];
}

/**
 * Sorts siblings the way a reader scans a drawing: into rows of items whose heights
 * overlap (transitively), top row first, and each row left to right (top to bottom
 * where two items share a column).
 */
export function readingSort<T extends Rect>(items: T[]): T[] {
  const byTop = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: { bottom: number; items: T[] }[] = [];
  for (const it of byTop) {
    const row = rows[rows.length - 1];
    if (row && it.y < row.bottom - 0.5) {
      row.items.push(it);
      row.bottom = Math.max(row.bottom, it.y + it.height);
    } else rows.push({ bottom: it.y + it.height, items: [it] });
  }
  return rows.flatMap((r) => r.items.sort((a, b) => a.x - b.x || a.y - b.y));
}

/**
 * The map's boxes and topics as a tree in reading order: regions row by row, and inside
 * every box its children the same way. Tab order and the screen reader follow it.
 */
export function readingOrder(layout: MapLayout): ReadingItem[] {
  const kids = new Map<string, (Rect & { id: string; kind: 'box' | 'node' })[]>();
  const add = (parent: string, item: Rect & { id: string; kind: 'box' | 'node' }) =>
    kids.set(parent, [...(kids.get(parent) ?? []), item]);
  for (const b of layout.boxes)
    add(b.parent ?? '', {
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      id: b.id,
      kind: 'box'
    });
  for (const n of layout.nodes)
    add(n.parent, { x: n.x, y: n.y, width: n.width, height: n.height, id: n.slug, kind: 'node' });
  const build = (parent: string, depth: number): ReadingItem[] =>
    depth > 50
      ? []
      : readingSort(kids.get(parent) ?? []).map((i) => ({
          id: i.id,
          kind: i.kind,
          children: i.kind === 'box' ? build(i.id, depth + 1) : []
        }));
  return build('', 0);
}
