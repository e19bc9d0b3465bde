import type { Slug } from './content/types.ts';
import { normaliseBase } from './normaliseBase.js';

/** A step of a guided tour opened on the map (`step` counts from 1). */
export interface TourStop {
  slug: Slug;
  step: number;
}

export type Route =
  | { kind: 'map'; focus?: Slug; tour?: TourStop }
  | { kind: 'topic'; slug: Slug }
  /** The chrome-free map for iframes; its options (src/lib/embed) are read from `search`. */
  | { kind: 'embed'; search: string }
  | { kind: 'tours' }
  | { kind: 'tour'; slug: Slug }
  /** "Plan my deployment": the chooser, its choices read from `search` (see src/lib/plan). */
  | { kind: 'plan'; search: string }
  | { kind: 'notFound'; path: string };

export { normaliseBase };

/**
 * Resolves a URL path (and its query) against the base path and the known slugs. Unknown
 * query parameters are ignored; an unknown `focus` or `tour` is dropped rather than
 * trusted, and a `step` that is not a whole number from 1 up opens the tour's first step.
 */
export function resolveRoute(
  pathname: string,
  search: string,
  base: string,
  slugs: ReadonlySet<Slug>,
  tours: ReadonlySet<Slug> = new Set()
): Route {
  const b = normaliseBase(base);
  let path = pathname;
  if (path === b.slice(0, -1)) path = b;
  if (!path.startsWith(b)) return { kind: 'notFound', path: pathname };
  const rest = path.slice(b.length).replace(/index\.html$/, '');
  if (rest === '') {
    const query = new URLSearchParams(search);
    const focus = query.get('focus') ?? undefined;
    const tour = query.get('tour') ?? undefined;
    const step = /^[1-9][0-9]{0,3}$/.test(query.get('step') ?? '') ? Number(query.get('step')) : 1;
    return {
      kind: 'map',
      ...(focus && slugs.has(focus) ? { focus } : {}),
      ...(tour && tours.has(tour) ? { tour: { slug: tour, step } } : {})
    };
  }
  if (rest === 'embed/' || rest === 'embed') return { kind: 'embed', search };
  const m = /^topics\/([a-z0-9-]+)\/?$/.exec(rest);
  if (m && slugs.has(m[1])) return { kind: 'topic', slug: m[1] };
  if (rest === 'tours/' || rest === 'tours') return { kind: 'tours' };
  if (rest === 'plan/' || rest === 'plan') return { kind: 'plan', search };
  const t = /^tours\/([a-z0-9-]+)\/?$/.exec(rest);
  if (t && tours.has(t[1])) return { kind: 'tour', slug: t[1] };
  return { kind: 'notFound', path: pathname };
}

/**
 * A topic page's path relative to the site's root, `topics/<slug>/`: joined to the base
 * path on the site (topicHref), to the public address in the PDF.
 */
export function topicPath(slug: Slug): string {
  return `topics/${slug}/`;
}

/** Address of a topic page under the base path. */
export function topicHref(base: string, slug: Slug): string {
  return `${normaliseBase(base)}${topicPath(slug)}`;
}

/** Address of the map, optionally focused on a topic. */
export function mapHref(base: string, focus?: Slug): string {
  return `${normaliseBase(base)}${focus ? `?focus=${encodeURIComponent(focus)}` : ''}`;
}

/** Address of a tour on the map, open at a step (from 1). */
export function tourMapHref(base: string, slug: Slug, step = 1): string {
  return `${normaliseBase(base)}?tour=${encodeURIComponent(slug)}&step=${step}`;
}

/** Address of a tour's own page (`slug`), or of the list of tours. */
export function tourPageHref(base: string, slug?: Slug): string {
  return `${normaliseBase(base)}tours/${slug ? `${slug}/` : ''}`;
}

/** Address of the deployment planner, with a plan's query (`?hosting=vps&…`) or none. */
export function planHref(base: string, query = ''): string {
  return `${normaliseBase(base)}plan/${query}`;
}

/** A short key naming what a route renders (prerendered HTML carries it to detect a mismatch). */
export function routeKey(route: Route): string {
  return route.kind === 'topic'
    ? `topic:${route.slug}`
    : route.kind === 'tour'
      ? `tour:${route.slug}`
      : route.kind;
}

/** Edit distance between two short strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * Topics a mistyped address probably meant: slugs that contain the address's last
 * segment, or are within a few edits of it, closest first (at most three).
 */
export function suggestTopics(pathname: string, slugs: Iterable<Slug>): Slug[] {
  const word = decodeSafe(pathname.split('/').filter(Boolean).pop() ?? '')
    .toLowerCase()
    .replace(/\.html?$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (word.length < 3) return [];
  const near = [...slugs]
    .map((slug) => ({ slug, d: slug.includes(word) ? 0 : editDistance(word, slug) }))
    .filter(({ slug, d }) => d <= Math.max(2, Math.floor(slug.length / 4)))
    .sort((a, b) => a.d - b.d || a.slug.localeCompare(b.slug));
  // A slug that contains the word outright beats every near miss.
  const exact = near.filter(({ d }) => d === 0);
  return (exact.length ? exact : near).slice(0, 3).map(({ slug }) => slug);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
