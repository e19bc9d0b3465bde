import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { linkHorizontal } from 'd3-shape';
import type { GraphEdge, TopicGraph } from '../graph/TopicGraph.ts';
import { offsetPath, routeOrthogonal, roundedPath, wrapText, type RouteScene } from './edgePath.ts';
import { TYPE, type LayoutBox, type Rect, type LayoutEdge, type LayoutNode, type MapLayout, type MeasureText } from './MapLayout.ts';

const NODE_PAD_X = 12;
const NODE_PAD_Y = 9;
const NODE_MAX_TEXT = 150;
const NODE_MIN_WIDTH = 96;
const LABEL_PAD = 3;

const HELPER = '__helper:';
const PAIR = '__pair:';
/** Distance between the two parallel arrows of a reciprocal pair. */
const PAIR_GAP = 6;
/** Containers with at least this many children no arrow touches lay them out in a grid. */
const LOOSE_GRID_MIN = 6;

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Lays out the graph with ELK's layered algorithm (compound nodes for regions and
 * boxes, labelled orthogonal flow arrows) and returns a MapLayout in absolute map
 * units. Deterministic: the same graph and measure give the same numbers, rounded
 * to a tenth so serialisations compare equal.
 */
export async function layoutMap(graph: TopicGraph, measure: MeasureText): Promise<MapLayout> {
  const nodeBySlug = new Map(graph.nodes.map((n) => [n.slug, n]));
  const childrenOf = new Map<string, string[]>();
  const addChild = (parent: string | undefined, id: string) => {
    const key = parent ?? '';
    childrenOf.set(key, [...(childrenOf.get(key) ?? []), id]);
  };
  for (const b of graph.boxes) addChild(b.parent, b.id);
  for (const n of graph.nodes) addChild(n.parent, n.slug);

  const leafLines = new Map<string, string[]>();
  const skip = new Set<string>();
  const paddingTop = (id: string) => Math.round((nodeBySlug.get(id) ? TYPE.box : TYPE.region) * TYPE.lineHeight + (nodeBySlug.get(id) ? 20 : 26));
  const elkNode = (id: string): ElkNode => {
    const topic = nodeBySlug.get(id);
    const kids = childrenOf.get(id)?.filter((k) => !skip.has(k));
    if (kids?.length) {
      const label = topic?.title ?? graph.boxes.find((b) => b.id === id)?.label ?? id;
      const size = topic ? TYPE.box : TYPE.region;
      const headerWidth = measure(label, size, true) + 32;
      const top = paddingTop(id);
      return {
        id,
        layoutOptions: {
          'elk.padding': `[top=${top},left=14,bottom=14,right=14]`,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${Math.ceil(headerWidth)}, 40)`
        },
        children: kids.map(elkNode)
      };
    }
    const title = topic?.title ?? id;
    const lines = wrapText(title, NODE_MAX_TEXT, (s) => measure(s, TYPE.node, true));
    leafLines.set(id, lines);
    const textWidth = Math.max(...lines.map((l) => measure(l, TYPE.node, true)));
    return {
      id,
      width: Math.ceil(Math.max(NODE_MIN_WIDTH, textWidth + NODE_PAD_X * 2)),
      height: Math.ceil(lines.length * TYPE.node * TYPE.lineHeight + NODE_PAD_Y * 2)
    };
  };

  // Order every container's children by how far their topics sit from the first
  // region along flow arrows (clients first, then what they reach, and so on), so
  // model order agrees with the direction the arrows read in.
  const parentOf = new Map<string, string>();
  for (const [p, kids] of childrenOf) for (const k of kids) parentOf.set(k, p);
  const regionOf = (id: string) => {
    let cur = id;
    for (let guard = 0; parentOf.get(cur) && guard < 50; guard++) cur = parentOf.get(cur)!;
    return cur;
  };
  const neighbours = new Map<string, string[]>();
  for (const e of graph.flows) {
    neighbours.set(e.from, [...(neighbours.get(e.from) ?? []), e.to]);
    neighbours.set(e.to, [...(neighbours.get(e.to) ?? []), e.from]);
  }
  const firstRegion = childrenOf.get('')?.[0];
  const rank = new Map<string, number>();
  let frontier = graph.nodes.filter((n) => regionOf(n.slug) === firstRegion).map((n) => n.slug);
  for (const id of frontier) rank.set(id, 0);
  for (let d = 1; frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const m of neighbours.get(id) ?? [])
        if (!rank.has(m)) {
          rank.set(m, d);
          next.push(m);
        }
    frontier = next;
  }
  const rankOf = (id: string): number =>
    Math.min(rank.get(id) ?? Infinity, ...(childrenOf.get(id) ?? []).map(rankOf));
  for (const [p, kids] of childrenOf) {
    if (!p) continue;
    const keyed = kids.map((k, i) => ({ k, i, r: rankOf(k) }));
    keyed.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r < b.r ? -1 : 1));
    childrenOf.set(p, keyed.map((x) => x.k));
  }


  const descendants = (id: string): string[] => [id, ...(childrenOf.get(id) ?? []).flatMap(descendants)];
  // A region whose topics are mostly unconnected (and whose arrows all leave it) is
  // laid out on its own as a packed band across the top of the map; its few arrows
  // are routed afterwards. Layered layout would otherwise give it a tall column.
  const regions = childrenOf.get('') ?? [];
  const detached = new Set<string>();
  for (const r of regions) {
    const inner = new Set(descendants(r));
    const leaves = [...inner].filter((id) => !childrenOf.get(id)?.length);
    const touching = graph.flows.filter((e) => inner.has(e.from) || inner.has(e.to));
    const internal = touching.some((e) => inner.has(e.from) && inner.has(e.to));
    const wired = leaves.filter((id) => touching.some((e) => e.from === id || e.to === id)).length;
    if ((childrenOf.get(r)?.length ?? 0) >= LOOSE_GRID_MIN && !internal && wired * 2 < leaves.length) detached.add(r);
  }
  if (detached.size === regions.length) detached.clear();
  const detachedIds = new Set([...detached].flatMap(descendants));
  const lateFlows = graph.flows.filter((e) => detachedIds.has(e.from) || detachedIds.has(e.to));
  const mainFlows = graph.flows.filter((e) => !detachedIds.has(e.from) && !detachedIds.has(e.to));

  // A reciprocal pair (A to B and B to A) is laid out as one edge whose label holds
  // both texts, then drawn as two parallel arrows: no back edge loops around the map.
  const labelSize = (text: string) => ({
    width: Math.ceil(measure(text, TYPE.edgeLabel) + LABEL_PAD * 2),
    height: Math.ceil(TYPE.edgeLabel * TYPE.lineHeight + LABEL_PAD)
  });
  const flowKey = (from: string, to: string) => `${from}>${to}`;
  const flowByEnds = new Map(mainFlows.map((e) => [flowKey(e.from, e.to), e]));
  const pairOf = new Map<string, { forward: GraphEdge; back: GraphEdge }>();
  const edges: ElkExtendedEdge[] = [];
  for (const e of mainFlows) {
    const r = flowByEnds.get(flowKey(e.to, e.from));
    if (r && pairOf.has(r.id)) continue;
    if (r && e.label && r.label) {
      const [forward, back] = (rank.get(e.from) ?? Infinity) <= (rank.get(e.to) ?? Infinity) ? [e, r] : [r, e];
      const id = `${PAIR}${forward.id}`;
      pairOf.set(id, { forward, back });
      pairOf.set(e.id, { forward, back });
      const a = labelSize(forward.label!);
      const b = labelSize(back.label!);
      edges.push({
        id,
        sources: [forward.from],
        targets: [forward.to],
        labels: [{ text: `${forward.label}\n${back.label}`, width: Math.max(a.width, b.width), height: a.height + b.height }]
      });
      continue;
    }
    edges.push({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
      labels: e.label ? [{ text: e.label, ...labelSize(e.label) }] : []
    });
  }

  // Children that no flow arrow touches (nor anything nested in them) would otherwise
  // all land in one layer and stack into a tall column. Invisible helper edges chain
  // them into a grid of a few columns; they steer the layout and are never drawn.
  const extracted = new Map<string, string[]>();
  const touched = new Set<string>();
  for (const e of mainFlows)
    for (const end of [e.from, e.to])
      for (let id: string | undefined = end, guard = 0; id && guard < 50; id = parentOf.get(id), guard++) touched.add(id);
  for (const [p, kids] of childrenOf) {
    if (!p) continue;
    const loose = kids.filter((k) => !touched.has(k));
    // Beside wired siblings, loose children leave the layered layout and are packed
    // into rows across the top of their box afterwards.
    if (!detachedIds.has(p) && loose.length >= 2 && loose.length < kids.length) {
      extracted.set(p, loose);
      continue;
    }
    // A handful stay one column (a row would add layers and widen the whole map);
    // more than that wrap into two columns.
    if (loose.length < LOOSE_GRID_MIN) continue;
    const cols = Math.min(2, Math.ceil(Math.sqrt(loose.length)));
    const rows = Math.ceil(loose.length / cols);
    for (let i = 0; i + rows < loose.length; i++)
      edges.push({ id: `${HELPER}${loose[i]}>${loose[i + rows]}`, sources: [loose[i]], targets: [loose[i + rows]] });
  }

  const layeredOptions: Record<string, string> = {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '18',
      'elk.spacing.edgeNode': '14',
      'elk.spacing.edgeEdge': '8',
      'elk.spacing.edgeLabel': '4',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.layered.spacing.edgeNodeBetweenLayers': '14',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
      'elk.edgeLabels.placement': 'CENTER',
      // Brandes-Koepf aligned to one corner keeps chains of arrows straight (clients
      // level with the web servers they call) and uses fewer bends than network simplex.
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.nodePlacement.bk.fixedAlignment': 'RIGHTDOWN',
      'elk.layered.compaction.postCompaction.strategy': 'EDGE_LENGTH',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      // Regions are ordered clients, practices, deployment, hosted services: arrows
      // that go against that order are the ones reversed, so the flow reads left to right.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
      'elk.randomSeed': '1'
    };
  for (const ids of extracted.values()) for (const id of ids) for (const d of descendants(id)) skip.add(d);
  for (const id of detachedIds) skip.add(id);
  const inMain = (id: string) => !skip.has(id);
  const root: ElkNode = {
    id: '__root',
    layoutOptions: layeredOptions,
    children: regions.filter(inMain).map(elkNode),
    edges: edges.filter((e) => inMain(e.sources[0]) && inMain(e.targets[0]))
  };

  const elk = new ELK();
  const out = await elk.layout(root);

  const offsets = new Map<string, [number, number]>([['__root', [0, 0]]]);
  const boxes: LayoutBox[] = [];
  const nodes: LayoutNode[] = [];
  const visit = (n: ElkNode, ox: number, oy: number, depth: number, parent?: string) => {
    const x = ox + (n.x ?? 0);
    const y = oy + (n.y ?? 0);
    offsets.set(n.id, [x, y]);
    const topic = nodeBySlug.get(n.id);
    if (n.children?.length) {
      const box = graph.boxes.find((b) => b.id === n.id);
      const size = topic ? TYPE.box : TYPE.region;
      boxes.push({
        id: n.id,
        label: topic?.title ?? box?.label ?? n.id,
        ...(topic ? { slug: topic.slug, group: topic.group } : {}),
        depth,
        ...(parent ? { parent } : {}),
        x,
        y,
        width: n.width ?? 0,
        height: n.height ?? 0,
        header: { x, y, width: n.width ?? 0, height: Math.round(size * TYPE.lineHeight + 14) }
      });
      for (const c of n.children) visit(c, x, y, depth + 1, n.id);
    } else if (topic) {
      nodes.push({
        slug: topic.slug,
        title: topic.title,
        group: topic.group,
        parent: topic.parent,
        lines: leafLines.get(topic.slug) ?? [topic.title],
        x,
        y,
        width: n.width ?? 0,
        height: n.height ?? 0
      });
    }
  };
  for (const c of out.children ?? []) visit(c, 0, 0, 0);
  const flowById = new Map(graph.flows.map((e) => [e.id, e]));
  // Routes always carry their points while they are laid out.
  const flows: (LayoutEdge & { points: [number, number][] })[] = [];
  const collectEdges = (n: ElkNode) => {
    for (const e of (n.edges ?? []) as (ElkExtendedEdge & { container?: string })[]) {
      const [ox, oy] = offsets.get(e.container ?? n.id) ?? [0, 0];
      const section = e.sections?.[0];
      const pair = pairOf.get(e.id);
      const src = flowById.get(e.id);
      if (!section || (!src && !pair)) continue;
      const points: [number, number][] = [
        section.startPoint,
        ...(section.bendPoints ?? []),
        section.endPoint
      ].map((p) => [p.x + ox, p.y + oy]);
      const l = e.labels?.[0];
      const lx = (l?.x ?? 0) + ox;
      const ly = (l?.y ?? 0) + oy;
      const emit = (edge: GraphEdge, pts: [number, number][], labelRect?: Rect) => {
        flows.push({
          id: edge.id,
          from: edge.from,
          to: edge.to,
          kind: 'flow',
          label: edge.label,
          points: pts,
          path: '',
          ...(labelRect ? { labelRect: { ...labelRect } } : {})
        });
      };
      if (pair) {
        const a = labelSize(pair.forward.label!);
        const b = labelSize(pair.back.label!);
        const w = l?.width ?? Math.max(a.width, b.width);
        emit(pair.forward, offsetPath(points, -PAIR_GAP / 2), { x: lx + (w - a.width) / 2, y: ly, ...a });
        emit(pair.back, offsetPath(points, PAIR_GAP / 2).reverse(), { x: lx + (w - b.width) / 2, y: ly + a.height, ...b });
        continue;
      }
      emit(src!, points, l ? { x: lx, y: ly, width: l.width ?? 0, height: l.height ?? 0 } : undefined);
    }
    for (const c of n.children ?? []) collectEdges(c);
  };
  collectEdges(out);

  let mapW = out.width ?? 0;
  let mapH = out.height ?? 0;
  // Opens a gap of `size` at coordinate `at` across the whole drawing: everything at or
  // beyond it moves, boxes spanning it stretch, and orthogonal arrows stay orthogonal.
  const insertStrip = (axis: 'x' | 'y', at: number, size: number) => {
    const dim = axis === 'x' ? 'width' : 'height';
    for (const n of nodes) if (n[axis] >= at) n[axis] += size;
    for (const b of boxes) {
      if (b[axis] >= at) {
        b[axis] += size;
        b.header[axis] += size;
      } else if (b[axis] + b[dim] > at) {
        b[dim] += size;
        if (axis === 'x') b.header.width += size;
      }
    }
    const i = axis === 'x' ? 0 : 1;
    for (const f of flows) {
      f.points = f.points.map((p) => {
        const q: [number, number] = [p[0], p[1]];
        if (q[i] >= at) q[i] += size;
        return q;
      });
      if (f.labelRect && f.labelRect[axis] >= at) f.labelRect[axis] += size;
    }
    if (axis === 'x') mapW += size;
    else mapH += size;
  };

  // Lays out one subtree on its own (a leaf is just its size) for packing.
  skip.clear();
  const laidOut = async (id: string): Promise<ElkNode> => {
    const node = elkNode(id);
    if (!node.children?.length) return { ...node, x: 0, y: 0 };
    const inner = new Set(descendants(id));
    const sub = await elk.layout({
      id: '__sub',
      layoutOptions: { ...layeredOptions, 'elk.padding': '[top=0,left=0,bottom=0,right=0]' },
      children: [node],
      edges: edges.filter((e) => inner.has(e.sources[0]) && inner.has(e.targets[0]))
    });
    return sub.children![0];
  };
  const ROW_GAP = 18;
  const COL_GAP = 24;
  // Shelf packing: left to right in rows no wider than maxWidth, each row's items centred on its midline.
  const packRows = (items: ElkNode[], maxWidth: number) => {
    const at = new Map<string, [number, number]>();
    let y = 0;
    let width = 0;
    for (let i = 0; i < items.length; ) {
      const row: ElkNode[] = [];
      let w = 0;
      while (i < items.length && (!row.length || w + COL_GAP + items[i].width! <= maxWidth)) {
        w += (row.length ? COL_GAP : 0) + items[i].width!;
        row.push(items[i++]);
      }
      const h = Math.max(...row.map((n) => n.height!));
      let x = 0;
      for (const n of row) {
        at.set(n.id, [x, y + (h - n.height!) / 2]);
        x += n.width! + COL_GAP;
      }
      width = Math.max(width, w);
      y += h + ROW_GAP;
    }
    return { at, width, height: Math.max(0, y - ROW_GAP) };
  };
  const place = (n: ElkNode, x: number, y: number, depth: number, parent: string) =>
    visit({ ...n, x: 0, y: 0 }, x, y, depth, parent);

  for (const [cid, ids] of extracted) {
    const items: ElkNode[] = [];
    for (const id of ids) items.push(await laidOut(id));
    const box = boxes.find((b) => b.id === cid);
    if (!box) continue;
    const inner = box.width - 28;
    const pack = packRows(items, Math.max(inner, ...items.map((n) => n.width!)));
    if (pack.width > inner) insertStrip('x', box.x + box.width - 14, pack.width - inner);
    const top = box.y + paddingTop(cid);
    insertStrip('y', top, pack.height + ROW_GAP);
    for (const n of items) {
      const [x, y] = pack.at.get(n.id)!;
      place(n, box.x + 14 + x, top + y, box.depth + 1, cid);
    }
  }

  const mainWidth = mapW;
  for (const r of [...detached].reverse()) {
    const kids = childrenOf.get(r) ?? [];
    const wired = (id: string) => descendants(id).some((d) => lateFlows.some((e) => e.from === d || e.to === d));
    const items: ElkNode[] = [];
    for (const id of [...kids.filter((k) => !wired(k)), ...kids.filter(wired)]) items.push(await laidOut(id));
    const inner = Math.max(mainWidth - 32 - 28, ...items.map((n) => n.width!));
    const pack = packRows(items, inner);
    const top = paddingTop(r);
    const height = top + pack.height + 14;
    insertStrip('y', 0, height + 18);
    const region: ElkNode = { id: r, x: 16, y: 16, width: inner + 28, height, children: [] };
    const regionBox = graph.boxes.find((b) => b.id === r);
    boxes.push({
      id: r,
      label: regionBox?.label ?? r,
      depth: 0,
      x: 16,
      y: 16,
      width: region.width!,
      height,
      header: { x: 16, y: 16, width: region.width!, height: Math.round(TYPE.region * TYPE.lineHeight + 14) }
    });
    if (mapW < region.width! + 32) mapW = region.width! + 32;
    for (const n of items) {
      const [x, y] = pack.at.get(n.id)!;
      place(n, 16 + 14 + x, 16 + top + y, 1, r);
    }
  }

  // Arrows to and from the packed regions: routed around everything already drawn.
  const rectOfId = (id: string): Rect | undefined => nodes.find((n) => n.slug === id) ?? boxes.find((b) => b.id === id);
  const grow = (r: Rect, m: number): Rect => ({ x: r.x - m, y: r.y - m, width: r.width + 2 * m, height: r.height + 2 * m });
  const overlapsRect = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const within = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
  const headerText = (b: LayoutBox): Rect => ({
    x: b.x,
    y: b.y,
    width: Math.min(b.width, measure(b.label, b.slug ? TYPE.box : TYPE.region, true) + 24),
    height: b.header.height
  });
  // Long arrows that ELK runs side by side (a bundle along one side of the map) are
  // spread apart so each has room for its label beside its own long run, and their
  // labels move from wherever the label dummy landed to that run, staggered along it.
  {
    const LABEL_H = labelSize('x').height;
    const MIN_RUN = 240;
    const pairKeyOf = new Map<string, string>();
    for (const p of pairOf.values()) for (const e of [p.forward, p.back]) pairKeyOf.set(e.id, `${PAIR}${p.forward.id}`);
    const unitKey = (id: string) => pairKeyOf.get(id) ?? id;
    type Run = { f: (typeof flows)[number]; i: number; y: number; x0: number; x1: number };
    const keep = new Set<string>();
    const units = new Map<string, { runs: Run[]; y0: number; y1: number; x0: number; x1: number; labelH: number }>();
    for (const f of flows) {
      if (!f.label) continue;
      let best: Run | undefined;
      for (let i = 1; i + 2 < f.points.length; i++) {
        const [a, b, c, d] = [f.points[i - 1], f.points[i], f.points[i + 1], f.points[i + 2]];
        if (Math.abs(b[1] - c[1]) > 0.5 || Math.abs(a[0] - b[0]) > 0.5 || Math.abs(c[0] - d[0]) > 0.5) continue;
        const x0 = Math.min(b[0], c[0]);
        const x1 = Math.max(b[0], c[0]);
        if (x1 - x0 >= MIN_RUN && (!best || x1 - x0 > best.x1 - best.x0)) best = { f, i, y: b[1], x0, x1 };
      }
      if (!best) continue;
      // A label already beside its long run, past the run's first stretch, stays where
      // ELK put it; one at the start sits in the knot where the bundle leaves its source.
      const lr = f.labelRect;
      const [sx, ex] = [f.points[best.i][0], f.points[best.i + 1][0]];
      const t = lr ? (lr.x + lr.width / 2 - sx) / (ex - sx) : 0;
      const placed = lr && Math.abs(lr.y + lr.height / 2 - best.y) <= LABEL_H * 2 && t >= 0.15 && t <= 1;
      const k = unitKey(f.id);
      if (placed && !units.has(k)) {
        if (pairKeyOf.has(f.id)) keep.add(k);
        continue;
      }
      keep.delete(k);
      const u = units.get(k);
      if (u) {
        u.runs.push(best);
        u.y0 = Math.min(u.y0, best.y);
        u.y1 = Math.max(u.y1, best.y);
        u.x0 = Math.max(u.x0, best.x0);
        u.x1 = Math.min(u.x1, best.x1);
        u.labelH += LABEL_H;
      } else units.set(k, { runs: [best], y0: best.y, y1: best.y, x0: best.x0, x1: best.x1, labelH: LABEL_H });
    }
    // A pair's two runs must lie side by side to count as one unit.
    for (const k of keep) units.delete(k);
    const list = [...units.values()].filter((u) => u.y1 - u.y0 <= PAIR_GAP + 1 && u.x1 - u.x0 >= MIN_RUN / 2);
    list.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    const clusters: (typeof list)[] = [];
    for (const u of list) {
      const c = clusters.find((c) => {
        const last = c[c.length - 1];
        return u.y0 - last.y1 < last.labelH * 2 + 40 && Math.min(u.x1, last.x1) - Math.max(u.x0, last.x0) >= MIN_RUN / 2;
      });
      if (c) c.push(u);
      else clusters.push([u]);
    }
    const segsOf = (f: (typeof flows)[number]) => f.points.slice(1).map((p, i) => [f.points[i], p] as const);
    const hitsSegment = (r: Rect, s: readonly [[number, number], [number, number]]) => {
      const x0 = Math.min(s[0][0], s[1][0]);
      const x1 = Math.max(s[0][0], s[1][0]);
      const y0 = Math.min(s[0][1], s[1][1]);
      const y1 = Math.max(s[0][1], s[1][1]);
      return x1 >= r.x - 1 && x0 <= r.x + r.width + 1 && y1 >= r.y - 1 && y0 <= r.y + r.height + 1;
    };
    for (const c of clusters.filter((c) => c.length >= 2)) {
      // Open room below each unit for its label, bottom unit first so the rest stay put.
      for (let k = c.length - 1; k >= 0; k--) {
        const u = c[k];
        const below = k + 1 < c.length ? c[k + 1].y0 : Math.max(mapH - 8, u.y1);
        const need = u.labelH + 8 - (below - u.y1);
        if (need > 0) {
          if (k + 1 < c.length) insertStrip('y', (u.y1 + below) / 2, need);
          else mapH += need;
        }
      }
      c.forEach((u, k) => {
        const members = new Set(u.runs.map((r) => r.f.id));
        const runs = u.runs.map((r) => ({ r, y: r.f.points[r.i][1] })).sort((a, b) => a.y - b.y);
        const x0 = Math.max(...runs.map(({ r }) => Math.min(r.f.points[r.i][0], r.f.points[r.i + 1][0])));
        const x1 = Math.min(...runs.map(({ r }) => Math.max(r.f.points[r.i][0], r.f.points[r.i + 1][0])));
        const width = Math.max(...runs.map(({ r }) => labelSize(r.f.label!).width));
        const others = flows.filter((f) => !members.has(f.id));
        const free = (r: Rect) =>
          r.x >= 0 && r.y >= 0 && r.x + r.width <= mapW && r.y + r.height <= mapH &&
          !nodes.some((n) => overlapsRect(r, n)) &&
          !others.some((f) => f.labelRect && overlapsRect(r, f.labelRect)) &&
          !boxes.some((x) => overlapsRect(r, x) && !within(r, x)) &&
          !boxes.some((x) => overlapsRect(r, headerText(x))) &&
          !others.some((f) => segsOf(f).some((s) => hitsSegment(r, s)));
        // Staggered along the bundle so neighbouring labels do not line up in a column.
        const t0 = c.length > 1 ? 0.3 + (0.4 * k) / (c.length - 1) : 0.5;
        const ts = [t0, ...[0.5, 0.35, 0.65, 0.2, 0.8].filter((t) => t !== t0)];
        for (const t of ts) for (const side of [1, -1]) {
          const cx = x0 + (x1 - x0) * t;
          const top = side > 0 ? runs[runs.length - 1].y + 3 : runs[0].y - u.labelH - 3;
          const block = { x: cx - width / 2, y: top, width, height: u.labelH };
          if (!free(block)) continue;
          let y = top;
          for (const { r } of side > 0 ? runs : runs) {
            const size = labelSize(r.f.label!);
            r.f.labelRect = { x: cx - size.width / 2, y, ...size };
            y += size.height;
          }
          return;
        }
      });
    }
  }
  for (const e of lateFlows) {
    const a = rectOfId(e.from);
    const b = rectOfId(e.to);
    if (!a || !b) continue;
    const scene: RouteScene = {
      hard: [
        ...nodes.filter((n) => n.slug !== e.from && n.slug !== e.to).map((n) => grow(n, 8)),
        ...flows.flatMap((f) => (f.labelRect ? [grow(f.labelRect, 3)] : [])),
        ...boxes.filter((x) => x.id !== e.from && x.id !== e.to).map((x) => grow(headerText(x), 2))
      ],
      frames: boxes.filter((x) => x.id !== e.from && x.id !== e.to),
      segments: flows.flatMap((f) => f.points.slice(1).map((p, i): [[number, number], [number, number]] => [f.points[i], p])),
      bounds: { x: 4, y: 4, width: mapW - 8, height: mapH - 8 }
    };
    const points = routeOrthogonal(a, b, scene) ?? [
      [a.x + a.width / 2, a.y + a.height],
      [a.x + a.width / 2, b.y + b.height / 2],
      [b.x, b.y + b.height / 2]
    ];
    let labelRect: Rect | undefined;
    if (e.label) {
      const size = labelSize(e.label);
      const free = (r: Rect) =>
        !nodes.some((n) => overlapsRect(r, n)) &&
        !flows.some((f) => f.labelRect && overlapsRect(r, f.labelRect)) &&
        !boxes.some((x) => overlapsRect(r, x) && !within(r, x)) &&
        !boxes.some((x) => overlapsRect(r, headerText(x)));
      const segs = points.slice(1).map((p, i) => [points[i], p] as const);
      const order = segs.map((s, i) => ({ s, i, len: Math.abs(s[1][0] - s[0][0]) + Math.abs(s[1][1] - s[0][1]) }));
      order.sort((p, q) => q.len - p.len || p.i - q.i);
      search: for (const { s } of order)
        for (const t of [0.5, 0.3, 0.7, 0.15, 0.85])
          for (const side of [-1, 1]) {
            const [p, q] = s;
            const cx = p[0] + (q[0] - p[0]) * t;
            const cy = p[1] + (q[1] - p[1]) * t;
            const r =
              p[1] === q[1]
                ? { x: cx - size.width / 2, y: side < 0 ? cy - size.height - 2 : cy + 2, ...size }
                : { x: side < 0 ? cx + 4 : cx - size.width - 4, y: cy - size.height / 2, ...size };
            if (free(r)) {
              labelRect = r;
              break search;
            }
          }
    }
    flows.push({ id: e.id, from: e.from, to: e.to, kind: 'flow', label: e.label, points, path: '', ...(labelRect ? { labelRect } : {}) });
  }

  for (const n of nodes) Object.assign(n, { x: round(n.x), y: round(n.y), width: round(n.width), height: round(n.height) });
  for (const b of boxes) {
    Object.assign(b, { x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) });
    b.header = { x: b.x, y: b.y, width: b.width, height: b.header.height };
  }
  for (const f of flows) {
    f.points = f.points.map(([x, y]) => [round(x), round(y)]);
    f.path = roundedPath(f.points);
    if (f.labelRect) f.labelRect = { x: round(f.labelRect.x), y: round(f.labelRect.y), width: f.labelRect.width, height: f.labelRect.height };
  }
  flows.sort((a, b) => a.id.localeCompare(b.id));

  const rectOf = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const n of nodes) rectOf.set(n.slug, n);
  for (const b of boxes) if (b.slug) rectOf.set(b.slug, b.header);
  const link = linkHorizontal<unknown, [number, number]>()
    .source((d) => (d as [[number, number], [number, number]])[0])
    .target((d) => (d as [[number, number], [number, number]])[1]);
  const related: LayoutEdge[] = graph.related.flatMap((e) => {
    const a = rectOf.get(e.from);
    const b = rectOf.get(e.to);
    if (!a || !b) return [];
    const leftToRight = a.x + a.width / 2 <= b.x + b.width / 2;
    const [l, r] = leftToRight ? [a, b] : [b, a];
    const start: [number, number] = [round(l.x + l.width), round(l.y + l.height / 2)];
    const end: [number, number] = [round(r.x), round(r.y + r.height / 2)];
    return [{ id: e.id, from: e.from, to: e.to, kind: 'related' as const, points: [start, end], path: link([start, end] as never) ?? '' }];
  });

  return {
    width: Math.ceil(mapW),
    height: Math.ceil(mapH),
    groups: graph.groups,
    boxes,
    nodes,
    flows,
    related,
    learningPath: graph.learningPath
  };
}
