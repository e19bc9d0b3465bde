import type { Composition, Content, Group, Slug } from '../content/types.ts';

/** A topic as the map needs it: no prose, just what a node shows and links to. */
export interface GraphNode {
  slug: Slug;
  title: string;
  summary: string;
  group: string;
  parent: string;
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
  const nodes = content.topics.map((t) => ({
    slug: t.slug,
    title: t.title,
    summary: t.summary,
    group: t.group,
    parent: t.parent
  }));
  const flows: GraphEdge[] = content.topics.flatMap((t) =>
    t.arrows.map((a) => ({
      id: `flow:${t.slug}>${a.to}`,
      from: t.slug,
      to: a.to,
      kind: 'flow' as const,
      label: a.label
    }))
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
