// The offline worker, written to dist/sw.js by scripts/writeOfflineFiles.js, which replaces
// the two constants below: the build's version and every file to keep (each page's HTML,
// the scripts and styles, the prebuilt PDFs, the manifest and icons). Plain JavaScript,
// no bundler: it runs as it is written.
const VERSION = '__VERSION__';
const PRECACHE = ['__PRECACHE__'];
const CACHE = `deployment-map-${VERSION}`;
// `self` is this worker's global scope; the WebWorker library types it as any worker's
// (tsconfig.sw.json), so name it once as what it is: a service worker's.
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

sw.addEventListener('install', (event) => {
  // A new deploy takes over at once; open pages are told (controllerchange) and offer a reload.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => sw.skipWaiting())
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('deployment-map-') && k !== CACHE)
            .map((k) => caches.delete(k))
        )
      )
      .then(() => sw.clients.claim())
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages: the network first (a deploy shows at once), the kept copy when offline; the
    // query (?focus=) does not change the file. Unknown pages offline get the 404 page.
    event.respondWith(
      fetch(request).catch(() =>
        caches
          .open(CACHE)
          .then((cache) =>
            cache
              .match(request, { ignoreSearch: true, ignoreVary: true })
              .then((hit) => hit ?? cache.match(new URL('404.html', sw.registration.scope).href))
          )
          .then((hit) => hit ?? Response.error())
      )
    );
    return;
  }
  // Everything else the build names is immutable for this version: the kept copy first.
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) =>
        cache
          .match(request, { ignoreSearch: true, ignoreVary: true })
          .then((hit) => hit ?? fetch(request))
      )
  );
});
