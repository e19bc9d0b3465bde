import type { Slug, TopicFields } from './topicSchema.ts';

/** What reachability needs of a topic. */
export type ReachTopic = { slug: Slug; linksTo?: Slug[] } & Pick<TopicFields, 'parent' | 'arrows' | 'related'>;

/**
 * The topics a reader cannot reach from `start` by following arrows (forwards), related
 * links (both ways), nesting inside another topic (both ways: a page lists what it holds)
 * or prose links (`linksTo`, forwards), in input order. Sharing a region does not
 * count, or every topic in a region would reach every other.
 */
export function unreachableFrom(topics: readonly ReachTopic[], start: Slug): Slug[] {
  const next = new Map<Slug, Slug[]>();
  const add = (a: Slug, b: Slug) => next.set(a, [...(next.get(a) ?? []), b]);
  const slugs = new Set(topics.map((t) => t.slug));
  for (const t of topics) {
    for (const a of t.arrows) add(t.slug, a.to);
    for (const to of t.linksTo ?? []) add(t.slug, to);
    for (const r of t.related) {
      add(t.slug, r);
      add(r, t.slug);
    }
    if (slugs.has(t.parent)) {
      add(t.parent, t.slug);
      add(t.slug, t.parent);
    }
  }
  const seen = new Set<Slug>([start]);
  const queue = [start];
  while (queue.length)
    for (const n of next.get(queue.shift()!) ?? [])
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
  return topics.map((t) => t.slug).filter((s) => !seen.has(s));
}
