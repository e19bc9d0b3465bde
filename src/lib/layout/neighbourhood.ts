import type { Slug } from '../content/types.ts';
import type { LayoutEdge, MapLayout, Rect } from './MapLayout.ts';

export interface Neighbourhood {
  slugs: Set<Slug>;
  edges: Set<string>;
  /** Neighbours in reading order, each with how it is joined. */
  list: { slug: Slug; relation: string }[];
}

/**
 * A topic, the topics joined to it by drawn edges (flows always, related links when
 * shown), and those edges: what a hover or focus highlights and what is announced.
 */
export function neighbourhood(layout: MapLayout, slug: Slug, includeRelated: boolean): Neighbourhood {
  const slugs = new Set<Slug>([slug]);
  const edges = new Set<string>();
  const list: { slug: Slug; relation: string }[] = [];
  const consider = (e: LayoutEdge) => {
    if (e.from !== slug && e.to !== slug) return;
    const other = e.from === slug ? e.to : e.from;
    edges.add(e.id);
    slugs.add(other);
    // Words, not arrow symbols: this is read aloud.
    const relation = e.kind === 'related' ? 'related' : e.from === slug ? `${e.label}` : `${e.label}, towards this topic`;
    list.push({ slug: other, relation });
  };
  layout.flows.forEach(consider);
  if (includeRelated) layout.related.forEach(consider);
  return { slugs, edges, list };
}

/** The rectangle a topic occupies on the map (a node, or a topic box's header). */
export function topicRect(layout: MapLayout, slug: Slug): Rect | undefined {
  const node = layout.nodes.find((n) => n.slug === slug);
  if (node) return node;
  return layout.boxes.find((b) => b.slug === slug)?.header;
}

/** Title of a topic as drawn on the map. */
export function topicTitle(layout: MapLayout, slug: Slug): string {
  return layout.nodes.find((n) => n.slug === slug)?.title ?? layout.boxes.find((b) => b.slug === slug)?.label ?? slug;
}

/** Colour group of a topic as drawn on the map. */
export function topicGroup(layout: MapLayout, slug: Slug): string {
  return layout.nodes.find((n) => n.slug === slug)?.group ?? layout.boxes.find((b) => b.slug === slug)?.group ?? '';
}
