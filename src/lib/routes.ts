import type { Slug } from './content/types.ts';

export type Route =
  | { kind: 'map'; focus?: Slug }
  | { kind: 'topic'; slug: Slug }
  /** The chrome-free map for iframes; its options (src/lib/embed) are read from `search`. */
  | { kind: 'embed'; search: string }
  | { kind: 'notFound'; path: string };

/** Normalises a base path to `/` or `/a/b/`. */
export function normaliseBase(base: string): string {
  const inner = base.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

/**
 * Resolves a URL path (and its query) against the base path and the known slugs. Unknown
 * query parameters are ignored; an unknown `focus` is dropped rather than trusted.
 */
export function resolveRoute(pathname: string, search: string, base: string, slugs: ReadonlySet<Slug>): Route {
  const b = normaliseBase(base);
  let path = pathname;
  if (path === b.slice(0, -1)) path = b;
  if (!path.startsWith(b)) return { kind: 'notFound', path: pathname };
  const rest = path.slice(b.length).replace(/index\.html$/, '');
  if (rest === '') {
    const focus = new URLSearchParams(search).get('focus') ?? undefined;
    return focus && slugs.has(focus) ? { kind: 'map', focus } : { kind: 'map' };
  }
  if (rest === 'embed/' || rest === 'embed') return { kind: 'embed', search };
  const m = /^topics\/([a-z0-9-]+)\/?$/.exec(rest);
  if (m && slugs.has(m[1])) return { kind: 'topic', slug: m[1] };
  return { kind: 'notFound', path: pathname };
}

/** Address of a topic page under the base path. */
export function topicHref(base: string, slug: Slug): string {
  return `${normaliseBase(base)}topics/${slug}/`;
}

/** Address of the map, optionally focused on a topic. */
export function mapHref(base: string, focus?: Slug): string {
  return `${normaliseBase(base)}${focus ? `?focus=${encodeURIComponent(focus)}` : ''}`;
}

/** A short key naming what a route renders (prerendered HTML carries it to detect a mismatch). */
export function routeKey(route: Route): string {
  return route.kind === 'topic' ? `topic:${route.slug}` : route.kind;
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
