import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { linkHorizontal } from 'd3-shape';
import type { TopicGraph } from '../graph/TopicGraph.ts';
import { roundedPath, wrapText } from './edgePath.ts';
import { TYPE, type LayoutBox, type LayoutEdge, type LayoutNode, type MapLayout, type MeasureText } from './MapLayout.ts';

const NODE_PAD_X = 12;
const NODE_PAD_Y = 9;
const NODE_MAX_TEXT = 150;
const NODE_MIN_WIDTH = 96;
const LABEL_PAD = 3;

const HELPER = '__helper:';

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

  const edges: ElkExtendedEdge[] = graph.flows.map((e) => ({
    id: e.id,
    sources: [e.from],
    targets: [e.to],
    labels: e.label
      ? [
          {
            text: e.label,
            width: Math.ceil(measure(e.label, TYPE.edgeLabel) + LABEL_PAD * 2),
            height: Math.ceil(TYPE.edgeLabel * TYPE.lineHeight + LABEL_PAD)
          }
        ]
      : []
  }));

  // Children that no flow arrow touches (nor anything nested in them) would otherwise
  // all land in one layer and stack into a tall column. Invisible helper edges chain
  // them into a grid of a few columns; they steer the layout and are never drawn.
  const parentOf = new Map<string, string>();
  for (const [p, kids] of childrenOf) for (const k of kids) parentOf.set(k, p);
  const touched = new Set<string>();
  for (const e of graph.flows)
    for (let id: string | undefined = e.from, guard = 0; id && guard < 20; id = parentOf.get(id), guard++) touched.add(id);
  for (const e of graph.flows)
    for (let id: string | undefined = e.to, guard = 0; id && guard < 20; id = parentOf.get(id), guard++) touched.add(id);
  const helperEdges: ElkExtendedEdge[] = [];
  for (const [p, kids] of childrenOf) {
    if (!p) continue;
    const loose = kids.filter((k) => !touched.has(k));
    if (loose.length < 4) continue;
    const cols = Math.min(3, Math.ceil(loose.length / 4));
    const rows = Math.ceil(loose.length / cols);
    for (let i = 0; i + rows < loose.length; i++)
      helperEdges.push({ id: `${HELPER}${loose[i]}>${loose[i + rows]}`, sources: [loose[i]], targets: [loose[i + rows]] });
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
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
      'elk.randomSeed': '1'
    },
    children: (childrenOf.get('') ?? []).map(elkNode),
    edges: [...edges, ...helperEdges]
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
      const src = flowById.get(e.id);
      const section = e.sections?.[0];
      if (!src || !section) continue;
      const points: [number, number][] = [
        section.startPoint,
        ...(section.bendPoints ?? []),
        section.endPoint
      ].map((p) => [round(p.x + ox), round(p.y + oy)]);
      const l = e.labels?.[0];
      flows.push({
        id: src.id,
        from: src.from,
        to: src.to,
        kind: 'flow',
        label: src.label,
        points,
        path: roundedPath(points),
        ...(l
          ? { labelRect: { x: round((l.x ?? 0) + ox), y: round((l.y ?? 0) + oy), width: l.width ?? 0, height: l.height ?? 0 } }
          : {})
      });
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
