import { render } from 'svelte/server';
import { pages, topics } from 'virtual:deployment-map';
import App from './App.svelte';
import { resolveRoute } from './lib/routes.ts';

/** Renders one route to HTML for the prerender step (see scripts/build.js). */
export async function renderRoute(path: string, base: string) {
  const url = new URL(path, 'http://prerender.local');
  const route = resolveRoute(`${base.replace(/\/$/, '')}${url.pathname}`, url.search, base, new Set(Object.keys(topics)));
  const Prose = route.kind === 'topic' ? (await pages[route.slug]()).default : undefined;
  const { head, body } = render(App, { props: { base, route, Prose } });
  return { head, body };
}

export const slugs = Object.keys(topics);
