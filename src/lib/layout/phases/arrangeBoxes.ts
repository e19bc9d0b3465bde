import type { ArrangeCell, Composition } from '../../content/types.ts';
import type { GraphEdge } from '../../graph/TopicGraph.ts';
import { SPACE } from '../mapStyle.ts';
import { shift, subtree, type Item } from './buildTree.ts';

export type Rows = Item[][][];

/**
 * The rows a box's children sit in: as the composition says (`row`, `column` or rows of
 * cells, a cell being one child or a column of children), else a column for a few
 * leaves and a near-square grid for more. Children the composition leaves out follow
 * in a row of their own, in `order`.
 */
export function rowsOf(
  box: Item,
  spec: Composition['arrange'][string] | undefined,
  order: Item[] = box.children
): Rows {
  const kids = order;
  const byId = new Map(kids.map((k) => [k.id, k]));
  if (spec === 'row') return [kids.map((k) => [k])];
  if (spec === 'column') return kids.map((k) => [[k]]);
  if (spec) {
    const used = new Set(spec.flat(2));
    const cell = (c: ArrangeCell) =>
      (typeof c === 'string' ? [c] : c).flatMap((id) => byId.get(id) ?? []);
    const rows = spec.map((row) => row.map(cell).filter((c) => c.length)).filter((r) => r.length);
    const rest = kids.filter((k) => !used.has(k.id));
    return rest.length ? [...rows, rest.map((k) => [k])] : rows;
  }
  if (kids.length <= 4 && kids.every((k) => !k.children.length)) return kids.map((k) => [[k]]);
  const cols = Math.ceil(Math.sqrt(kids.length));
  const rows: Rows = [];
  for (let i = 0; i < kids.length; i += cols) rows.push(kids.slice(i, i + cols).map((k) => [k]));
  return rows;
}

/** True when some flow joins two different children of the box (wires run between them). */
export function hasInnerWires(box: Item, flows: GraphEdge[]): boolean {
  const childOf = new Map<string, string>();
  for (const c of box.children) for (const d of subtree(c)) childOf.set(d.id, c.id);
  return flows.some(
    (e) => childOf.has(e.from) && childOf.has(e.to) && childOf.get(e.from) !== childOf.get(e.to)
  );
}

/**
 * Phase 2: sizes a box from its rows and places its children from its top left corner. Cells in a row align at the top; a cell of leaves beside a box
 * drops below that box's title strip, so the leaves sit level with its children and
 * the wires between them run straight.
 */
export function arrangeBox(
  box: Item,
  rows: Rows,
  loose: boolean,
  wiring?: Wiring,
  looseGapY: number = SPACE.looseGapY
) {
  const gx = loose ? SPACE.looseGapX : SPACE.tightGap;
  const gy = loose ? looseGapY : SPACE.tightGap;
  const stackGap = SPACE.tightGap + 4;
  let y = box.y + box.header;
  let width = box.titleWidth;
  for (const row of rows) {
    const boxHeader = Math.max(
      0,
      ...row.flat().map((i) => (i.children.length ? i.header + SPACE.boxPad : 0))
    );
    let x = box.x + SPACE.boxPad;
    let rowH = 0;
    for (const cell of row) {
      const leavesOnly = cell.every((i) => !i.children.length);
      let cy = y + (leavesOnly ? boxHeader : 0);
      const cw = Math.max(...cell.map((i) => i.w));
      for (const item of cell) {
        shift(item, x - item.x, cy - item.y);
        cy += item.h + stackGap;
      }
      rowH = Math.max(rowH, cy - stackGap - y);
      x += cw + gapAfter(row, row.indexOf(cell), gx, wiring);
    }
    width = Math.max(width, x - gapAfter(row, row.length - 1, gx, wiring) + SPACE.boxPad - box.x);
    y += rowH + gy;
  }
  box.w = Math.ceil(width);
  box.h = Math.ceil(y - gy + SPACE.boxPad - box.y);
}

/** The flows and how wide each one's label is: gaps between siblings fit the labels between them. */
export interface Wiring {
  flows: GraphEdge[];
  labelWidth: (e: GraphEdge) => number;
}

/** The gap after a cell of a row: wide enough for the widest label of a wire from it to the next cell. */
function gapAfter(row: Item[][], i: number, gap: number, wiring?: Wiring): number {
  if (!wiring || i + 1 >= row.length) return gap;
  const ids = (cell: Item[]) => new Set(cell.flatMap((c) => subtree(c).map((s) => s.id)));
  const [a, b] = [ids(row[i]), ids(row[i + 1])];
  const widths = wiring.flows
    .filter((e) => (a.has(e.from) && b.has(e.to)) || (b.has(e.from) && a.has(e.to)))
    .map(wiring.labelWidth);
  return Math.max(gap, ...widths.map((w) => w + 24));
}

/**
 * Rows no wider than `maxWidth`: the children in the order their rows give them, packed
 * left to right and wrapped (the portrait composition, for a narrow screen or page).
 */
export function wrapRows(
  box: Item,
  spec: Composition['arrange'][string] | undefined,
  maxWidth: number,
  gap: number
): Rows {
  const order = rowsOf(box, spec).flat(2);
  const rows: Rows = [];
  let width = Infinity;
  for (const item of order) {
    if (width + gap + item.w > maxWidth) {
      rows.push([]);
      width = -gap;
    }
    rows[rows.length - 1].push([item]);
    width += gap + item.w;
  }
  return rows;
}

/**
 * Arranges every box of a subtree, innermost first: in the rows the composition gives,
 * or, with `maxWidth`, wrapped to fit that width at each depth.
 */
export function arrangeSubtree(
  item: Item,
  composition: Composition | undefined,
  wiring: Wiring,
  maxWidth?: number
) {
  const inner = maxWidth === undefined ? undefined : maxWidth - 2 * SPACE.boxPad;
  for (const c of item.children) arrangeSubtree(c, composition, wiring, inner);
  if (!item.children.length) return;
  const spec = composition?.arrange[item.id];
  const loose = hasInnerWires(item, wiring.flows);
  const rows =
    inner === undefined
      ? rowsOf(item, spec)
      : wrapRows(item, spec, inner, loose ? SPACE.looseGapX : SPACE.tightGap);
  // Portrait rows are further apart: their wires run down between them, labels beside.
  arrangeBox(
    item,
    rows,
    loose,
    inner === undefined ? wiring : undefined,
    inner === undefined ? SPACE.looseGapY : SPACE.portraitGapY
  );
}
