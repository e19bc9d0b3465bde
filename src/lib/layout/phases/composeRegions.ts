import type { Composition } from '../../content/types.ts';
import type { GraphEdge } from '../../graph/TopicGraph.ts';
import type { Rect } from '../MapLayout.ts';
import { SPACE, TYPE } from '../mapStyle.ts';
import { arrangeBox, arrangeSubtree, hasInnerWires, rowsOf, type Rows } from './arrangeBoxes.ts';
import { bodyCentre, shift, subtree, type Item, type Tree } from './buildTree.ts';

/**
 * Places items of one size-ordered list along an axis as near as they can get to their
 * targets without overlapping or changing order (least squares, by pooling adjacent
 * violators), never before `min`. `sizes` are lengths along the axis; returns starts.
 */
export function placeInOrder(
  targets: number[],
  sizes: number[],
  gap: number,
  min: number
): number[] {
  const offset: number[] = [];
  let acc = 0;
  for (let i = 0; i < sizes.length; i++) {
    offset.push(acc);
    acc += sizes[i] + gap;
  }
  const blocks: { sum: number; n: number }[] = [];
  for (let i = 0; i < targets.length; i++) {
    blocks.push({ sum: targets[i] - offset[i], n: 1 });
    while (
      blocks.length > 1 &&
      blocks[blocks.length - 2].sum / blocks[blocks.length - 2].n >
        blocks[blocks.length - 1].sum / blocks[blocks.length - 1].n
    ) {
      const b = blocks.pop()!;
      blocks[blocks.length - 1].sum += b.sum;
      blocks[blocks.length - 1].n += b.n;
    }
  }
  const out: number[] = [];
  for (const b of blocks)
    for (let k = 0; k < b.n; k++) out.push(Math.max(min, b.sum / b.n) + offset[out.length]);
  return out;
}

export interface Composed {
  width: number;
  height: number;
  key?: Rect;
  intro?: Rect;
}

/**
 * Phase 3: the composition. Every box is arranged; the largest of the side-by-side
 * regions stands as arranged, and the others (clients, hosted services) are columns
 * whose topics move level with what they connect to, so their wires run short and
 * straight. A band region runs along the bottom with its boxes under what they point
 * at; aside regions and the key fill the left column below the first region.
 */
export function composeRegions(
  tree: Tree,
  composition: Composition | undefined,
  flows: GraphEdge[],
  keySize: { width: number; height: number },
  labelWidth: (e: GraphEdge) => number,
  portraitWidth?: number
): Composed {
  const wiring = { flows, labelWidth };
  if (portraitWidth) return composePortrait(tree, composition, wiring, portraitWidth);
  const byId = tree.byId;
  const columns = (composition?.columns ?? [])
    .flatMap((id) => byId.get(id) ?? [])
    .filter((r) => tree.roots.includes(r));
  const band = composition?.band ? byId.get(composition.band) : undefined;
  const aside = (composition?.aside ?? []).flatMap((id) => byId.get(id) ?? []);
  // Regions the composition does not name stand as further columns, in content order.
  const named = new Set([...columns, ...(band ? [band] : []), ...aside]);
  for (const r of tree.roots) if (!named.has(r)) columns.push(r);
  for (const r of tree.roots) arrangeSubtree(r, composition, wiring);

  const placed = new Set<Item>();
  const owner = new Map<string, Item>();
  for (const r of tree.roots) for (const i of subtree(r)) owner.set(i.id, r);
  const targetOf = (items: Item[], axis: 0 | 1, region: Item): number[] => {
    const out: number[] = [];
    for (const item of items) {
      const inside = new Set(subtree(item).map((i) => i.id));
      const ends: number[] = [];
      for (const e of flows) {
        const other = inside.has(e.from) ? e.to : inside.has(e.to) ? e.from : undefined;
        const o = other && byId.get(other);
        if (o && owner.get(o.id) !== region && placed.has(owner.get(o.id)!))
          ends.push(bodyCentre(o)[axis]);
      }
      out.push(ends.length ? ends.reduce((a, b) => a + b, 0) / ends.length : NaN);
    }
    return out;
  };
  const placeRegion = (r: Item, x: number, y: number) => {
    shift(r, x - r.x, y - r.y);
    placed.add(r);
  };

  // The main region: the largest column, placed as arranged.
  const main = columns.reduce<Item | undefined>(
    (m, c) => (!m || c.w * c.h > m.w * m.h ? c : m),
    undefined
  );
  const widths = columns.map((c) =>
    c === main ? c.w : Math.max(c.titleWidth, ...c.children.map((k) => k.w)) + 2 * SPACE.boxPad
  );
  // Each gap between columns fits the widest label of a wire from one side to the other.
  const ids = columns.map((c) => new Set(subtree(c).map((i) => i.id)));
  const side = (id: string) => ids.findIndex((s) => s.has(id));
  const xs: number[] = [];
  let x = SPACE.margin;
  widths.forEach((w, i) => {
    xs.push(x);
    const across = flows.filter(
      (e) =>
        Math.min(side(e.from), side(e.to)) === i && Math.max(side(e.from), side(e.to)) === i + 1
    );
    x += w + Math.max(SPACE.columnGap, ...across.map((e) => labelWidth(e) + 32));
  });
  const top = SPACE.margin;
  if (main) placeRegion(main, xs[columns.indexOf(main)], top);

  // Facing columns, left to right: each topic level with the mean of what it connects to.
  columns.forEach((col, ci) => {
    if (col === main) return;
    const spec = composition?.arrange[col.id];
    let order = rowsOf(col, typeof spec === 'string' ? undefined : spec).flat(2);
    const t = targetOf(order, 1, col);
    if (!spec) {
      const idx = new Map(order.map((k, i) => [k, i]));
      const key = (k: Item) => t[idx.get(k)!];
      order = [...order].sort(
        (a, b) => (key(a) || Infinity) - (key(b) || Infinity) || idx.get(a)! - idx.get(b)!
      );
    }
    const targets = targetOf(order, 1, col);
    // Wires that pass over this column (between columns on either side) keep it below them.
    let floor = top + col.header + SPACE.boxPad;
    const leftIds = new Set(columns.slice(0, ci).flatMap((c) => subtree(c).map((i) => i.id)));
    const rightIds = new Set(columns.slice(ci + 1).flatMap((c) => subtree(c).map((i) => i.id)));
    for (const e of flows) {
      const l = leftIds.has(e.from) ? e.from : leftIds.has(e.to) ? e.to : undefined;
      const r = rightIds.has(e.from) ? e.from : rightIds.has(e.to) ? e.to : undefined;
      if (l && r && placed.has(owner.get(l)!)) {
        const item = byId.get(l)!;
        floor = Math.max(floor, bodyCentre(item)[1] + labelRoom + col.header + SPACE.boxPad);
      }
    }
    const sizes = order.map((k) => k.h);
    const wanted = targets.map((tv, i) => (Number.isNaN(tv) ? -Infinity : tv - sizes[i] / 2));
    // Topics with nothing to face follow the one before them.
    for (let i = 0; i < wanted.length; i++)
      if (wanted[i] === -Infinity)
        wanted[i] = i ? wanted[i - 1] + sizes[i - 1] + SPACE.tightGap : floor;
    const ys = placeInOrder(wanted, sizes, SPACE.tightGap + 4, floor);
    const inner = widths[ci] - 2 * SPACE.boxPad;
    order.forEach((k, i) => shift(k, xs[ci] + SPACE.boxPad + (inner - k.w) / 2 - k.x, ys[i] - k.y));
    const first = Math.min(...order.map((k) => k.y));
    const last = Math.max(...order.map((k) => k.y + k.h));
    col.x = xs[ci];
    col.y = first - col.header - SPACE.boxPad + 4;
    col.w = widths[ci];
    col.h = last - col.y + SPACE.boxPad;
    placed.add(col);
  });

  let right = Math.max(...columns.map((c) => c.x + c.w));
  // Aside regions and the key: down the first column, below what stands there.
  const firstCol = columns[0];
  let y = firstCol ? firstCol.y + firstCol.h + SPACE.bandGap : top;
  for (const r of aside) {
    placeRegion(r, SPACE.margin, y);
    y += r.h + SPACE.bandGap;
  }
  const bottomOfColumns = Math.max(y - SPACE.bandGap, ...columns.map((c) => c.y + c.h));
  // The key sits at the foot of the first column, clear of the wires that leave it higher up.
  const fits =
    firstCol &&
    keySize.width <= widths[0] + SPACE.columnGap / 2 &&
    bottomOfColumns - keySize.height >= y;
  const key = fits
    ? { x: SPACE.margin, y: bottomOfColumns - keySize.height, ...keySize }
    : undefined;
  let bottom = Math.max(bottomOfColumns, key ? key.y + key.height : 0);

  if (band) {
    // Each box of the band under what its wires point at; its topics in two rows.
    const boxes = band.children;
    for (const b of boxes) {
      if (!b.children.length || composition?.arrange[b.id]) continue;
      const t = targetOf(b.children, 0, band);
      const order = [...b.children].sort(
        (p, q) => (t[b.children.indexOf(p)] || Infinity) - (t[b.children.indexOf(q)] || Infinity)
      );
      // Leaves only: two rows when there are more than three; boxes in between keep one row.
      const perRow = Math.ceil(order.length / 2);
      const twoRows = order.length > 3 && order.every((k) => !k.children.length);
      const rows: Rows = twoRows
        ? [order.slice(0, perRow).map((k) => [k]), order.slice(perRow).map((k) => [k])]
        : [order.map((k) => [k])];
      arrangeBox(b, rows, hasInnerWires(b, flows), wiring);
    }
    const t = targetOf(boxes, 0, band);
    const gap = SPACE.looseGapX / 2;
    const left = SPACE.margin + SPACE.boxPad;
    const limit = right - SPACE.boxPad;
    // Boxes with wires as near as they can get under what they point at; the others fill
    // the band from whichever end leaves the wired ones nearer their targets.
    const wired = boxes
      .filter((b, i) => !Number.isNaN(t[i]))
      .sort((p, q) => t[boxes.indexOf(p)] - t[boxes.indexOf(q)]);
    const loose = boxes.filter((b, i) => Number.isNaN(t[i]));
    const looseWidth = loose.reduce((s, b) => s + b.w + gap, 0);
    const candidates = [true, false].map((looseFirst) => {
      const lo = looseFirst ? left + looseWidth : left;
      const hi = looseFirst ? limit : limit - looseWidth;
      const xs = placeInOrder(
        wired.map((b) => t[boxes.indexOf(b)] - b.w / 2),
        wired.map((b) => b.w),
        gap,
        lo
      );
      let edge = hi;
      for (let i = xs.length - 1; i >= 0; i--) {
        xs[i] = Math.min(xs[i], edge - wired[i].w);
        edge = xs[i] - gap;
      }
      for (let i = 0; i < xs.length; i++)
        xs[i] = Math.max(xs[i], i ? xs[i - 1] + wired[i - 1].w + gap : lo);
      const cost = xs.reduce(
        (s, x, i) => s + Math.abs(x + wired[i].w / 2 - t[boxes.indexOf(wired[i])]),
        0
      );
      const at = new Map(wired.map((b, i) => [b, xs[i]]));
      let x = looseFirst
        ? left
        : xs.length
          ? xs[xs.length - 1] + wired[wired.length - 1].w + gap
          : left;
      for (const b of loose) {
        at.set(b, x);
        x += b.w + gap;
      }
      return { cost, at };
    });
    const best = candidates[0].cost <= candidates[1].cost ? candidates[0] : candidates[1];
    const by = bottom + SPACE.bandGap;
    for (const b of boxes) shift(b, best.at.get(b)! - b.x, by + band.header - b.y);
    const order = boxes;
    band.x = SPACE.margin;
    band.y = by;
    right = Math.max(right, ...order.map((b) => b.x + b.w + SPACE.boxPad));
    band.w = right - SPACE.margin;
    band.h = band.header + Math.max(0, ...order.map((b) => b.h)) + SPACE.boxPad;
    placed.add(band);
    bottom = band.y + band.h;
  }
  // The opening lines take the free corner above the first columns, if it is tall enough.
  const mainX = main ? main.x : right;
  const underIntro = Math.min(...columns.filter((c) => c !== main).map((c) => c.y));
  const intro = {
    x: SPACE.margin + 4,
    y: SPACE.margin,
    width: mainX - SPACE.columnGap / 3 - SPACE.margin - 4,
    height: underIntro - SPACE.margin - 6
  };
  const introFits = intro.height >= INTRO_HEIGHT && intro.width >= 420;
  return {
    width: Math.ceil(right + SPACE.margin),
    height: Math.ceil(bottom + SPACE.margin),
    ...(key ? { key } : {}),
    ...(introFits ? { intro } : {})
  };
}

/**
 * The portrait composition, for a phone or a portrait page: the regions one under the
 * other (the first column, then the largest, so the request runs straight down; then the
 * other columns, aside regions and the band), every box wrapped to the width. Wires are routed as in the landscape drawing.
 */
function composePortrait(
  tree: Tree,
  composition: Composition | undefined,
  wiring: { flows: GraphEdge[]; labelWidth: (e: GraphEdge) => number },
  width: number
): Composed {
  const byId = tree.byId;
  // The main column right under the first (clients call the web servers at its top), the
  // other columns after it, then aside regions and the band.
  const cols = composition?.columns ?? [];
  const largest = cols.reduce<string | undefined>((m, id) => {
    const [a, b] = [byId.get(id), m ? byId.get(m) : undefined];
    return a && (!b || subtree(a).length > subtree(b).length) ? id : m;
  }, undefined);
  const stacked =
    cols.length > 1 && largest
      ? [cols[0], largest, ...cols.slice(1).filter((c) => c !== largest)]
      : cols;
  const named = [
    ...stacked,
    ...(composition?.aside ?? []),
    ...(composition?.band ? [composition.band] : [])
  ];
  const order = [
    ...named.flatMap((id) => byId.get(id) ?? []).filter((r) => tree.roots.includes(r)),
    ...tree.roots.filter((r) => !named.includes(r.id))
  ];
  let y = SPACE.margin;
  let right = SPACE.margin + width;
  const placedIds = new Set<string>();
  for (const r of order) {
    // Children the composition does not order come in the order of what they connect to
    // above them (the first rows face the highest parts), so their wires run short.
    if (!composition?.arrange[r.id]) {
      const rank = (k: Item) => {
        const ids = new Set(subtree(k).map((i) => i.id));
        const ends = wiring.flows
          .flatMap((e) => (ids.has(e.from) ? [e.to] : ids.has(e.to) ? [e.from] : []))
          .filter((id) => placedIds.has(id));
        return ends.length
          ? ends.reduce((s, id) => s + bodyCentre(byId.get(id)!)[1], 0) / ends.length
          : Infinity;
      };
      const ranks = new Map(r.children.map((k, i) => [k, [rank(k), i] as const]));
      r.children.sort(
        (a, b) => ranks.get(a)![0] - ranks.get(b)![0] || ranks.get(a)![1] - ranks.get(b)![1]
      );
    }
    arrangeSubtree(r, composition, wiring, width);
    // A region's wires run between its rows: leave room for their labels.
    shift(r, SPACE.margin - r.x, y - r.y);
    right = Math.max(right, r.x + r.w);
    y += r.h + SPACE.portraitRegionGap;
    for (const i of subtree(r)) placedIds.add(i.id);
  }
  return {
    width: Math.ceil(right + SPACE.margin),
    height: Math.ceil(y - SPACE.portraitRegionGap + SPACE.margin)
  };
}

/** Height the opening lines need (a title and two lines). */
const INTRO_HEIGHT = 56;

/** Vertical room a wire's labels need below it before anything else may start. */
const labelRoom = Math.ceil(TYPE.edgeLabel * TYPE.lineHeight + 2 * SPACE.labelPadY) + 12;
