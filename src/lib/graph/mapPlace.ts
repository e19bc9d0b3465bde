import type { Arrow, Slug } from '../content/types.ts';

/** What mapPlace needs of a topic. */
export interface PlaceTopic {
  slug: Slug;
  title: string;
  parent: string;
  arrows: Arrow[];
}

/** What mapPlace needs of a container box of the frame (`_map.yaml`). */
export interface PlaceBox {
  id: string;
  label: string;
  parent?: string;
}

/** One labelled arrow, its far end named and linkable. */
export interface PlaceArrow {
  label: string;
  slug: Slug;
  title: string;
}

/** A topic that is drawn as a box, with the arrows it carries in both directions. */
export interface PlaceFamily {
  slug: Slug;
  title: string;
  out: PlaceArrow[];
  in: PlaceArrow[];
}

/** Where a topic sits on the map, generated from the graph (never written by hand). */
export interface MapPlace {
  /** The boxes around the topic, innermost first; a box that is a topic has its slug. */
  within: { label: string; slug?: Slug }[];
  /** The topics drawn inside this one. */
  contains: { slug: Slug; title: string }[];
  /** Arrows that start here (`to` end named) and that end here (`from` end named). */
  out: PlaceArrow[];
  in: PlaceArrow[];
  /**
   * The enclosing topic boxes that carry arrows, innermost first: Nginx sits in Web
   * servers, whose arrows are Nginx's too.
   */
  families: PlaceFamily[];
}

/**
 * Where a topic sits on the map: the boxes around it, what it contains, its arrows in
 * and out with their labels, and the arrows of the topic boxes it sits in. The topic
 * page and the PDF topic page both draw this, so neither restates arrows by hand.
 */
export function mapPlace(
  slug: Slug,
  topics: readonly PlaceTopic[],
  boxes: readonly PlaceBox[]
): MapPlace {
  const bySlug = new Map(topics.map((t) => [t.slug, t]));
  const boxById = new Map(boxes.map((b) => [b.id, b]));
  const arrowsOf = (of: Slug) => {
    const t = bySlug.get(of);
    const out = (t?.arrows ?? []).flatMap((a) => {
      const to = bySlug.get(a.to);
      return to ? [{ label: a.label, slug: to.slug, title: to.title }] : [];
    });
    const into = topics.flatMap((from) =>
      from.arrows
        .filter((a) => a.to === of)
        .map((a) => ({ label: a.label, slug: from.slug, title: from.title }))
    );
    return { out, in: into };
  };

  const within: MapPlace['within'] = [];
  const families: PlaceFamily[] = [];
  const seen = new Set<string>([slug]);
  let at = bySlug.get(slug)?.parent;
  while (at !== undefined && !seen.has(at)) {
    seen.add(at);
    const topic = bySlug.get(at);
    if (topic) {
      within.push({ label: topic.title, slug: topic.slug });
      const arrows = arrowsOf(topic.slug);
      if (arrows.out.length || arrows.in.length)
        families.push({ slug: topic.slug, title: topic.title, ...arrows });
      at = topic.parent;
    } else {
      const box = boxById.get(at);
      if (!box) break;
      within.push({ label: box.label });
      at = box.parent;
    }
  }
  const contains = topics
    .filter((t) => t.parent === slug)
    .map((t) => ({ slug: t.slug, title: t.title }));
  return { within, contains, ...arrowsOf(slug), families };
}
