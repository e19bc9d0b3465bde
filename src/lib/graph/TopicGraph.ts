import type { Composition, Content, Group, Slug } from '../content/types.ts';

/** A topic as the map needs it: no prose, just what a node shows and links to. */
export interface GraphNode {
  slug: Slug;
  title: string;
  summary: string;
  group: string;
  parent: string;
  /** True when other topics nest inside this one, so it is drawn as a box. */
  isContainer: boolean;
}

/** A container box that is not a topic (a region or a named frame). */
export interface GraphBox {
  id: string;
  label: string;
  parent?: string;
}

export interface GraphEdge {
  id: string;
  from: Slug;
  to: Slug;
  kind: 'flow' | 'related';
  label?: string;
}

export interface TopicGraph {
  groups: Group[];
  boxes: GraphBox[];
  nodes: GraphNode[];
  flows: GraphEdge[];
  related: GraphEdge[];
  learningPath: Slug[][];
  hub?: Slug;
  composition?: Composition;
}

/**
 * Builds the map's graph from validated content: nodes in content order, flow arrows
 * as written, and related links made undirected and deduplicated (a pair that names
 * each other is one link).
 */
export function buildTopicGraph(content: Content): TopicGraph {
  const parents = new Set(content.topics.map((t) => t.parent));
  const nodes = content.topics.map((t) => ({
    slug: t.slug,
    title: t.title,
    summary: t.summary,
    group: t.group,
    parent: t.parent,
    isContainer: parents.has(t.slug)
  }));
  const flows: GraphEdge[] = content.topics.flatMap((t) =>
    t.arrows.map((a) => ({ id: `flow:${t.slug}>${a.to}`, from: t.slug, to: a.to, kind: 'flow' as const, label: a.label }))
  );
  const seen = new Set<string>();
  const related: GraphEdge[] = [];
  for (const t of content.topics)
    for (const r of t.related) {
      const [a, b] = [t.slug, r].sort();
      const id = `related:${a}~${b}`;
      if (seen.has(id)) continue;
      seen.add(id);
      related.push({ id, from: t.slug, to: r, kind: 'related' });
    }
  return {
    groups: content.frame.groups,
    boxes: content.frame.boxes,
    nodes,
    flows,
    related,
    learningPath: content.frame.learningPath,
    hub: content.frame.hub,
    ...(content.frame.composition ? { composition: content.frame.composition } : {})
  };
}

/** Topics joined to `slug` by any edge (flow either way, or related), sorted by title. */
export function neighboursOf(graph: TopicGraph, slug: Slug): GraphNode[] {
  const ids = new Set<Slug>();
  for (const e of [...graph.flows, ...graph.related]) {
    if (e.from === slug) ids.add(e.to);
    if (e.to === slug) ids.add(e.from);
  }
  return graph.nodes.filter((n) => ids.has(n.slug)).sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * Slugs not reachable from `start` by following flow arrows, related links, box
 * nesting (both ways) and the extra links given (for example links in prose).
 */
export function unreachableFrom(
  graph: TopicGraph,
  start: Slug,
  extraLinks: { from: Slug; to: Slug }[] = []
): Slug[] {
  const next = new Map<Slug, Slug[]>();
  const add = (a: Slug, b: Slug) => next.set(a, [...(next.get(a) ?? []), b]);
  for (const e of [...graph.flows, ...extraLinks]) add(e.from, e.to);
  for (const e of graph.related) {
    add(e.from, e.to);
    add(e.to, e.from);
  }
  const slugs = new Set(graph.nodes.map((n) => n.slug));
  // Nesting inside another topic counts (its page lists what it holds); sharing a
  // region does not, or every topic in a region would reach every other.
  for (const n of graph.nodes)
    if (slugs.has(n.parent)) {
      add(n.parent, n.slug);
      add(n.slug, n.parent);
    }
  const seen = new Set<Slug>([start]);
  const queue = [start];
  while (queue.length)
    for (const n of next.get(queue.shift()!) ?? [])
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
  return graph.nodes.map((n) => n.slug).filter((s) => !seen.has(s));
}
