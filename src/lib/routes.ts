import type { Slug } from './content/types.ts';

export type Route =
  | { kind: 'map'; focus?: Slug }
  | { kind: 'topic'; slug: Slug }
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

/** The routes the build prerenders: the map, one page per topic. */
export function prerenderPaths(slugs: Iterable<Slug>): string[] {
  return ['/', ...[...slugs].map((s) => `/topics/${s}/`)];
}

/** A short key naming what a route renders (prerendered HTML carries it to detect a mismatch). */
export function routeKey(route: Route): string {
  return route.kind === 'topic' ? `topic:${route.slug}` : route.kind;
}
