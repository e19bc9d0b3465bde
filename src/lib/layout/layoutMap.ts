import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { linkHorizontal } from 'd3-shape';
import type { GraphEdge, TopicGraph } from '../graph/TopicGraph.ts';
import { offsetPath, roundedPath, wrapText } from './edgePath.ts';
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
  const elkNode = (id: string): ElkNode => {
    const topic = nodeBySlug.get(id);
    const kids = childrenOf.get(id);
    if (kids?.length) {
      const label = topic?.title ?? graph.boxes.find((b) => b.id === id)?.label ?? id;
      const size = topic ? TYPE.box : TYPE.region;
      const headerWidth = measure(label, size, true) + 32;
      const top = Math.round(size * TYPE.lineHeight + (topic ? 20 : 26));
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

  // A reciprocal pair (A to B and B to A) is laid out as one edge whose label holds
  // both texts, then drawn as two parallel arrows: no back edge loops around the map.
  const labelSize = (text: string) => ({
    width: Math.ceil(measure(text, TYPE.edgeLabel) + LABEL_PAD * 2),
    height: Math.ceil(TYPE.edgeLabel * TYPE.lineHeight + LABEL_PAD)
  });
  const flowKey = (from: string, to: string) => `${from}>${to}`;
  const flowByEnds = new Map(graph.flows.map((e) => [flowKey(e.from, e.to), e]));
  const pairOf = new Map<string, { forward: GraphEdge; back: GraphEdge }>();
  const edges: ElkExtendedEdge[] = [];
  for (const e of graph.flows) {
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
  const touched = new Set<string>();
  for (const e of graph.flows)
    for (const end of [e.from, e.to])
      for (let id: string | undefined = end, guard = 0; id && guard < 50; id = parentOf.get(id), guard++) touched.add(id);
  for (const [p, kids] of childrenOf) {
    if (!p) continue;
    const loose = kids.filter((k) => !touched.has(k));
    // A handful stay one column (a row would add layers and widen the whole map);
    // more than that wrap into two columns.
    if (loose.length < LOOSE_GRID_MIN) continue;
    const cols = Math.min(2, Math.ceil(Math.sqrt(loose.length)));
    const rows = Math.ceil(loose.length / cols);
    for (let i = 0; i + rows < loose.length; i++)
      edges.push({ id: `${HELPER}${loose[i]}>${loose[i + rows]}`, sources: [loose[i]], targets: [loose[i + rows]] });
  }

  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
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
    },
    children: (childrenOf.get('') ?? []).map(elkNode),
    edges
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
        x: round(x),
        y: round(y),
        width: round(n.width ?? 0),
        height: round(n.height ?? 0),
        header: {
          x: round(x),
          y: round(y),
          width: round(n.width ?? 0),
          height: Math.round(size * TYPE.lineHeight + 14)
        }
      });
      for (const c of n.children) visit(c, x, y, depth + 1, n.id);
    } else if (topic) {
      nodes.push({
        slug: topic.slug,
        title: topic.title,
        group: topic.group,
        parent: topic.parent,
        lines: leafLines.get(topic.slug) ?? [topic.title],
        x: round(x),
        y: round(y),
        width: round(n.width ?? 0),
        height: round(n.height ?? 0)
      });
    }
  };
  for (const c of out.children ?? []) visit(c, 0, 0, 0);

  const flowById = new Map(graph.flows.map((e) => [e.id, e]));
  const flows: LayoutEdge[] = [];
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
        const rounded = pts.map(([x, y]): [number, number] => [round(x), round(y)]);
        flows.push({
          id: edge.id,
          from: edge.from,
          to: edge.to,
          kind: 'flow',
          label: edge.label,
          points: rounded,
          path: roundedPath(rounded),
          ...(labelRect
            ? { labelRect: { x: round(labelRect.x), y: round(labelRect.y), width: labelRect.width, height: labelRect.height } }
            : {})
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
    width: Math.ceil(out.width ?? 0),
    height: Math.ceil(out.height ?? 0),
    groups: graph.groups,
    boxes,
    nodes,
    flows,
    related,
    learningPath: graph.learningPath
  };
}
