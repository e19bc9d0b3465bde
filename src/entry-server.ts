import { render } from 'svelte/server';
import { slugs as slugList, tourList } from 'virtual:deployment-map';
import App from './App.svelte';
import { planHref, resolveRoute, topicHref, tourPageHref } from './lib/routes.ts';
import { loadRouteData } from './routeData.ts';

/** Renders one route to HTML for the prerender step (see scripts/build.js). */
export async function renderRoute(path: string, base: string) {
  const url = new URL(path, 'http://prerender.local');
  const route = resolveRoute(
    `${base.replace(/\/$/, '')}${url.pathname}`,
    url.search,
    base,
    new Set(slugList),
    new Set(tourList.map((t) => t.slug))
  );
  const { head, body } = render(App, { props: { base, route, data: await loadRouteData(route) } });
  return { head, body };
}

/** Every page the prerender writes, as paths under the base: `/`, `/embed/`, `/topics/<slug>/`... */
export const prerenderPaths = [
  '/',
  '/embed/',
  planHref('/'),
  ...slugList.map((slug) => topicHref('/', slug)),
  ...(tourList.length ? [tourPageHref('/'), ...tourList.map((t) => tourPageHref('/', t.slug))] : [])
];
