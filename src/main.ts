import { hydrate, mount } from 'svelte';
import { slugs, tourList } from 'virtual:deployment-map';
import App from './App.svelte';
import { resolveRoute, routeKey } from './lib/routes.ts';
import { loadRouteData } from './routeData.ts';
import './app.css';

const base = import.meta.env.BASE_URL;
const target = document.getElementById('app')!;
const route = resolveRoute(
  location.pathname,
  location.search,
  base,
  new Set(slugs),
  new Set(tourList.map((t) => t.slug))
);

// No top-level await here: the lazy chunks import shared code from the chunk that holds
// this module, and they could not run until its top level had finished (a deadlock).
void loadRouteData(route).then(
  (data) => {
    // Prerendered pages hydrate. The dev server's empty shell, or HTML rendered for another
    // route (a host that answers unknown paths with index.html), is replaced instead.
    const props = { base, route, data };
    if (target.querySelector('main')?.dataset.route === routeKey(route))
      hydrate(App, { target, props });
    else {
      target.textContent = '';
      mount(App, { target, props });
    }
  },
  // A chunk this page needs may be gone (a deploy under an old cached page): the
  // prerendered HTML then stays as it is, links and all, rather than being half-replaced.
  (e: unknown) =>
    console.warn(`The page is shown without its scripts: ${e instanceof Error ? e.message : e}`)
);

// Offline use: dist/sw.js keeps every page, script and PDF (scripts/writeOfflineFiles.js).
// When a new deploy's worker takes over an already controlled page, say so quietly; the
// notice loads only then. The dev server has no worker.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const sw = navigator.serviceWorker;
  // The first worker claiming this page (first visit) is no update; any later one is.
  let controlled = Boolean(sw.controller);
  sw.addEventListener('controllerchange', () => {
    if (controlled)
      void import('./components/ui/UpdateNotice.svelte').then((m) =>
        mount(m.default, { target: document.body })
      );
    controlled = true;
  });
  addEventListener('load', () => void sw.register(`${base}sw.js`).catch(() => {}));
}
