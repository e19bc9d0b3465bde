import type { Slug } from '../content/types.ts';
import type { LayoutEdge, MapLayout, Rect } from './MapLayout.ts';

export interface Neighbourhood {
  slugs: Set<Slug>;
  /** The topics at the other end of its (and its family's) drawn edges. */
  connected: Set<Slug>;
  edges: Set<string>;
  /** Neighbours in reading order, each with how it is joined. */
  list: { slug: Slug; relation: string }[];
}

/**
 * Topic boxes a topic sits inside, innermost first (Gunicorn: WSGI servers, then Operating
 * systems): its family, whose arrows are its arrows too.
 */
export function familyOf(layout: MapLayout, slug: Slug): Slug[] {
  const parentOf = new Map<string, string | undefined>([
    ...layout.nodes.map((n) => [n.slug, n.parent] as const),
    ...layout.boxes.map((b) => [b.id, b.parent] as const)
  ]);
  const topicBoxes = new Set(layout.boxes.flatMap((b) => (b.slug ? [b.slug] : [])));
  const out: Slug[] = [];
  for (let p = parentOf.get(slug), guard = 0; p && guard < 50; p = parentOf.get(p), guard++)
    if (topicBoxes.has(p)) out.push(p);
  return out;
}

/**
 * A topic, the topics joined to it by drawn edges (flows always, related links when
 * shown), and those edges: what a hover or focus highlights and what is announced. A
 * tool inside a family (Gunicorn in WSGI servers) also lights the family's arrows, and
 * the family boxes around it stay at full strength; a family lights what it holds.
 */
export function neighbourhood(
  layout: MapLayout,
  slug: Slug,
  includeRelated: boolean
): Neighbourhood {
  const family = familyOf(layout, slug);
  const held = layout.nodes
    .filter((n) => familyOf(layout, n.slug).includes(slug))
    .map((n) => n.slug);
  const heldBoxes = layout.boxes
    .filter((b) => b.slug && familyOf(layout, b.slug).includes(slug))
    .map((b) => b.slug!);
  const slugs = new Set<Slug>([slug, ...family, ...held, ...heldBoxes]);
  const edges = new Set<string>();
  const connected = new Set<Slug>();
  const list: { slug: Slug; relation: string }[] = [];
  const consider = (e: LayoutEdge, via?: Slug) => {
    const me = via ?? slug;
    if (e.from !== me && e.to !== me) return;
    const other = e.from === me ? e.to : e.from;
    edges.add(e.id);
    slugs.add(other);
    connected.add(other);
    // Words, not arrow symbols: this is read aloud.
    const base =
      e.kind === 'related'
        ? 'related'
        : e.from === me
          ? `${e.label}`
          : `${e.label}, towards this topic`;
    list.push({
      slug: other,
      relation: via ? `${base}, through ${topicTitle(layout, via)}` : base
    });
  };
  layout.flows.forEach((e) => consider(e));
  for (const f of family) layout.flows.forEach((e) => consider(e, f));
  if (includeRelated) layout.related.forEach((e) => consider(e));
  return { slugs, edges, connected, list };
}

/** The rectangle a topic occupies on the map (a node, or a topic box's header). */
export function topicRect(layout: MapLayout, slug: Slug): Rect | undefined {
  const node = layout.nodes.find((n) => n.slug === slug);
  if (node) return node;
  return layout.boxes.find((b) => b.slug === slug)?.header;
}

/** Title of a topic as drawn on the map. */
export function topicTitle(layout: MapLayout, slug: Slug): string {
  return (
    layout.nodes.find((n) => n.slug === slug)?.title ??
    layout.boxes.find((b) => b.slug === slug)?.label ??
    slug
  );
}

/** Colour group of a topic as drawn on the map. */
export function topicGroup(layout: MapLayout, slug: Slug): string {
  return (
    layout.nodes.find((n) => n.slug === slug)?.group ??
    layout.boxes.find((b) => b.slug === slug)?.group ??
    ''
  );
}
