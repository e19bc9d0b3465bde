import type { GraphNode, TopicGraph } from '../../graph/TopicGraph.ts';
import { wrapText } from '../edgePath.ts';
import type { MeasureText } from '../MapLayout.ts';
import { SPACE, TYPE } from '../mapStyle.ts';

/** A region, box or topic while it is laid out: sizes first, then absolute positions. */
export interface Item {
  id: string;
  label: string;
  topic?: GraphNode;
  group?: string;
  parent?: Item;
  children: Item[];
  depth: number;
  /** Title lines of a leaf. */
  lines: string[];
  x: number;
  y: number;
  w: number;
  h: number;
  /** Title strip height (0 for a leaf) and the width its text covers. */
  header: number;
  titleWidth: number;
}

export interface Tree {
  roots: Item[];
  byId: Map<string, Item>;
}

/**
 * Phase 1: the nesting as a tree of items in content order, with every leaf sized to its
 * wrapped title and every box's title strip measured (at least `minHeader` tall, so a
 * title stays a large enough tap target). Positions are filled in later.
 */
export function buildTree(graph: TopicGraph, measure: MeasureText, minHeader = 0): Tree {
  const byId = new Map<string, Item>();
  const make = (id: string, label: string, topic?: GraphNode): Item => {
    const item: Item = {
      id,
      label,
      topic,
      group: topic?.group,
      children: [],
      depth: 0,
      lines: [],
      x: 0,
      y: 0,
      w: 0,
      h: 0,
      header: 0,
      titleWidth: 0
    };
    byId.set(id, item);
    return item;
  };
  for (const b of graph.boxes) make(b.id, b.label);
  for (const n of graph.nodes) make(n.slug, n.title, n);
  const roots: Item[] = [];
  const parentId = (id: string) =>
    graph.boxes.find((b) => b.id === id)?.parent ?? graph.nodes.find((n) => n.slug === id)?.parent;
  for (const item of byId.values()) {
    const p = parentId(item.id);
    const parent = p ? byId.get(p) : undefined;
    if (parent) {
      item.parent = parent;
      parent.children.push(item);
    } else roots.push(item);
  }
  // Boxes that hold nothing are not drawn.
  const visit = (item: Item, depth: number) => {
    item.depth = depth;
    item.children = item.children.filter((c) => c.topic || c.children.length);
    for (const c of item.children) visit(c, depth + 1);
    if (item.children.length) {
      const size = item.depth === 0 && !item.topic ? TYPE.region : TYPE.box;
      item.header = Math.max(
        minHeader,
        item.depth === 0 && !item.topic ? SPACE.regionHeader : SPACE.boxHeader
      );
      item.titleWidth = Math.ceil(measure(item.label, size, true) + 2 * SPACE.boxPad + 4);
    } else {
      item.lines = wrapText(item.label, SPACE.nodeMaxText, (s) => measure(s, TYPE.node, true));
      const text = Math.max(...item.lines.map((l) => measure(l, TYPE.node, true)));
      item.w = Math.ceil(Math.max(SPACE.nodeMinWidth, text + 2 * SPACE.nodePadX));
      item.h = Math.ceil(item.lines.length * TYPE.node * TYPE.lineHeight + 2 * SPACE.nodePadY);
    }
  };
  const kept = roots.filter((r) => r.topic || r.children.length);
  for (const r of kept) visit(r, 0);
  return { roots: kept, byId };
}

/** Every item in a subtree, the root first. */
export function subtree(item: Item): Item[] {
  return [item, ...item.children.flatMap(subtree)];
}

/** Moves a subtree by (dx, dy). */
export function shift(item: Item, dx: number, dy: number) {
  for (const i of subtree(item)) {
    i.x += dx;
    i.y += dy;
  }
}

/** The item's centre. */
export const centre = (i: Item): [number, number] => [i.x + i.w / 2, i.y + i.h / 2];

/** Where wires meet an item: a leaf's centre, a box's body (below its title strip). */
export const bodyCentre = (i: Item): [number, number] =>
  i.children.length ? [i.x + i.w / 2, i.y + i.header + (i.h - i.header) / 2] : centre(i);
