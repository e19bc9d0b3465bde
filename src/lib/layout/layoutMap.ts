import { linkHorizontal } from 'd3-shape';
import type { TopicGraph } from '../graph/TopicGraph.ts';
import { roundedPath } from './edgePath.ts';
import type {
  LayoutBox,
  LayoutEdge,
  LayoutNode,
  MapLayout,
  MeasureText,
  Rect
} from './MapLayout.ts';
import { KEY_ENTRIES, SPACE, TYPE } from './mapStyle.ts';
import { buildTree, subtree } from './phases/buildTree.ts';
import { composeRegions } from './phases/composeRegions.ts';
import { labelSize, placeLabels } from './phases/placeLabels.ts';
import { routeWires, titleRect } from './phases/routeWires.ts';

const round = (n: number) => Math.round(n * 10) / 10;
const roundRect = (r: Rect): Rect => ({
  x: round(r.x),
  y: round(r.y),
  width: round(r.width),
  height: round(r.height)
});

/** Size of the key: a title line and one line per entry, a sample beside each. */
export function keySize(measure: MeasureText) {
  const line = TYPE.key * TYPE.lineHeight + 6;
  const text = Math.max(
    measure('Key', TYPE.key, true),
    ...KEY_ENTRIES.map((e) => measure(e.text, TYPE.key))
  );
  return {
    width: Math.ceil(text + 44 + 2 * SPACE.boxPad),
    height: Math.ceil(line * (KEY_ENTRIES.length + 1) + 2 * SPACE.boxPad)
  };
}

/**
 * Lays out the map as a pipeline of phases: the nesting as a tree of measured items
 * (buildTree), each box arranged in rows (arrangeBoxes), the regions composed side by
 * side with facing columns and a band (composeRegions), wires routed (routeWires) and
 * labels placed on them (placeLabels). With `portraitWidth`, the portrait composition
 * for narrow screens: regions stacked, boxes wrapped to that width. Deterministic: the same graph and measure give
 * the same numbers, rounded to a tenth so serialisations compare equal.
 */
export async function layoutMap(
  graph: TopicGraph,
  measure: MeasureText,
  options: { portraitWidth?: number } = {}
): Promise<MapLayout> {
  // On a phone a title strip is a tap target: tall enough for 24 CSS px at the phone's scale.
  const tree = buildTree(graph, measure, options.portraitWidth ? SPACE.portraitHeader : 0);
  const labelWidth = (e: { label?: string }) => (e.label ? labelSize(e.label, measure).width : 0);
  const composed = composeRegions(
    tree,
    graph.composition,
    graph.flows,
    keySize(measure),
    labelWidth,
    options.portraitWidth
  );
  const all = tree.roots.flatMap(subtree);
  const bounds = { x: 2, y: 2, width: composed.width - 4, height: composed.height - 4 };
  const keep = [composed.key, composed.intro].filter((r): r is Rect => !!r);
  const wires = routeWires(graph, tree, bounds, keep, (l) => labelSize(l, measure).width);
  const leaves = all.filter((i) => !i.children.length);
  const boxItems = all.filter((i) => i.children.length);
  const labels = placeLabels(wires, measure, {
    stackPairs: !!options.portraitWidth,
    blocked: [
      ...leaves.map((i) => ({ x: i.x - 2, y: i.y - 2, width: i.w + 4, height: i.h + 4 })),
      ...boxItems.map(titleRect),
      ...(composed.key ? [composed.key] : []),
      ...(composed.intro ? [composed.intro] : [])
    ],
    frames: boxItems.map((i) => ({ x: i.x, y: i.y, width: i.w, height: i.h })),
    bounds
  });

  const nodes: LayoutNode[] = leaves
    .filter((i) => i.topic)
    .map((i) => ({
      slug: i.id,
      title: i.label,
      group: i.group!,
      parent: i.parent?.id ?? '',
      lines: i.lines,
      ...roundRect({ x: i.x, y: i.y, width: i.w, height: i.h })
    }));
  const boxes: LayoutBox[] = boxItems.map((i) => {
    const r = roundRect({ x: i.x, y: i.y, width: i.w, height: i.h });
    return {
      id: i.id,
      label: i.label,
      ...(i.topic ? { slug: i.id, group: i.group } : {}),
      depth: i.depth,
      ...(i.parent ? { parent: i.parent.id } : {}),
      ...r,
      header: { x: r.x, y: r.y, width: r.width, height: i.header },
      title: roundRect(titleRect(i))
    };
  });
  // Wires from one step of the request's path to the next are the primary flow.
  const steps = (graph.composition?.requestPath ?? []).map(
    (s) =>
      new Set(
        (typeof s === 'string' ? [s] : s).flatMap((id) =>
          tree.byId.get(id) ? subtree(tree.byId.get(id)!).map((i) => i.id) : []
        )
      )
  );
  const primary = (a: string, b: string) =>
    steps.some(
      (s, i) =>
        i + 1 < steps.length &&
        ((s.has(a) && steps[i + 1].has(b)) || (s.has(b) && steps[i + 1].has(a)))
    );
  const flows: LayoutEdge[] = [];
  wires.forEach((w, k) => {
    const points = w.points.map(([x, y]) => [round(x), round(y)] as [number, number]);
    const path = roundedPath(points);
    const twoWay = !!w.back;
    const at = labels[k];
    const edge = (e: typeof w.forward, pts: [number, number][], label?: Rect): LayoutEdge => ({
      id: e.id,
      from: e.from,
      to: e.to,
      kind: 'flow',
      label: e.label,
      path,
      points: pts,
      wire: w.forward.id,
      ...(twoWay ? { twoWay } : {}),
      ...(primary(e.from, e.to) ? { primary: true } : {}),
      ...(label ? { labelRect: roundRect(label) } : {}),
      ...(e.label && labelSize(e.label, measure).lines.length > 1
        ? { labelLines: labelSize(e.label, measure).lines }
        : {})
    });
    flows.push(edge(w.forward, points, at.forward));
    if (w.back) flows.push(edge(w.back, [...points].reverse(), at.back));
  });
  flows.sort((a, b) => a.id.localeCompare(b.id));

  const rectOf = new Map<string, Rect>();
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
    return [
      {
        id: e.id,
        from: e.from,
        to: e.to,
        kind: 'related' as const,
        points: [start, end],
        path: link([start, end] as never) ?? ''
      }
    ];
  });

  return {
    ...(options.portraitWidth ? { composition: 'portrait' as const } : {}),
    width: composed.width,
    height: composed.height,
    groups: graph.groups,
    boxes,
    nodes,
    flows,
    related,
    learningPath: graph.learningPath,
    ...(composed.key ? { key: roundRect(composed.key) } : {}),
    ...(composed.intro ? { intro: roundRect(composed.intro) } : {})
  };
}
