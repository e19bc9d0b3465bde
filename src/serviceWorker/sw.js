// The offline worker, written to dist/sw.js by scripts/writeOfflineFiles.js, which replaces
// the two constants below: the build's version and every file to keep (each page's HTML,
// the scripts and styles, the prebuilt PDFs, the manifest and icons). Plain JavaScript,
// no bundler: it runs as it is written.
const VERSION = '__VERSION__';
const PRECACHE = ['__PRECACHE__'];
const CACHE = `deployment-map-${VERSION}`;

self.addEventListener('install', (event) => {
  // A new deploy takes over at once; open pages are told (controllerchange) and offer a reload.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener('activate', (event) => {
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
      .then(() => self.clients.claim())
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
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
              .then((hit) => hit ?? cache.match(new URL('404.html', self.registration.scope).href))
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
