// Builds the static site: the client bundle, a server bundle used once to prerender
// every route to HTML (map, each topic, the tours, 404), and the complete PDF.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, runnerImport } from 'vite';
import { normaliseBase } from '../src/lib/normaliseBase.js';
import { precompressDir } from './precompress.js';
import { writeOfflineFiles } from './writeOfflineFiles.js';

const root = resolve(import.meta.dirname, '..');
const dist = process.env.OUT_DIR ? resolve(process.env.OUT_DIR) : join(root, 'dist');
// Inside the project (not next to OUT_DIR) so the server bundle resolves node_modules.
const ssrOut = join(root, `.ssr-${process.pid}`);
const started = performance.now();
// Remove the server bundle however the build ends, failed ones included.
process.on('exit', () => rmSync(ssrOut, { recursive: true, force: true }));

// runnerImport resolves a dev-server config, which sets process.env.NODE_ENV to
// 'development' when it is unset; left so, the client build after it would ship Svelte's
// dev runtime and dev-compiled components (about 7 KB gzip more on the map's first load).
// Run TypeScript modules through it with NODE_ENV as the caller had it.
async function importTs(path) {
  const nodeEnv = process.env.NODE_ENV;
  try {
    return (await runnerImport(path, { root, logLevel: 'warn' })).module;
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

// Content first, in this process: its errors print once, as `file:line: field: message`
// with the source line and no stack, and nothing of the prose is compiled before it passes.
// The bundler steps below reuse the result (sharedSiteData caches it per process).
const contentDir = process.env.CONTENT_DIR ?? join(root, 'content');
try {
  const site = await importTs(join(root, 'src/lib/site/siteData.ts'));
  await site.sharedSiteData(resolve(contentDir));
} catch (error) {
  const e = /** @type {Error} */ (error);
  if (e?.name !== 'ContentValidationError') throw e;
  console.error(`\nBuild failed.\n${e.message}`);
  process.exit(1);
}

try {
  await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  await build({
    root,
    logLevel: 'warn',
    build: {
      ssr: 'src/entry-server.ts',
      outDir: ssrOut,
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: 'entry-server.js' } }
    }
  });
} catch (e) {
  // Print the message once, without the bundler's stack frames.
  console.error(
    `\nBuild failed.\n${String(/** @type {Error} */ (e)?.message ?? e)
      .split('\n')
      .filter((l) => !/^\s+at /.test(l))
      .join('\n')}`
  );
  process.exit(1);
}

const { renderRoute, prerenderPaths } = await import(
  pathToFileURL(join(ssrOut, 'entry-server.js')).href
);
const base = normaliseBase(process.env.BASE_PATH ?? '/');
const template = readFileSync(join(dist, 'index.html'), 'utf8');

// A route's components that load lazily (a topic page, a tour page, the planner) bring
// their styles in CSS files of their own, which the script links only when it runs. The
// prerendered page links every such file whose scoped classes (`.svelte-<hash>`) its markup
// uses, so it looks the same without JavaScript (and before the script has run).
const lazySheets = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.css') && !template.includes(`assets/${f}`))
  .map((f) => ({
    href: `${base}assets/${f}`,
    classes: new Set(readFileSync(join(dist, 'assets', f), 'utf8').match(/svelte-[a-z0-9]+/g) ?? [])
  }));
function routeStyles(html) {
  const used = new Set(html.match(/svelte-[a-z0-9]+/g) ?? []);
  return lazySheets
    .filter((s) => [...s.classes].some((c) => used.has(c)))
    .map((s) => `<link rel="stylesheet" crossorigin href="${s.href}">`)
    .join('\n    ');
}

async function page(path) {
  const { head, body } = await renderRoute(path, base);
  // After the site's own stylesheet, as the script would add them.
  return template
    .replace('<!--app-head-->', head)
    .replace('<!--app-html-->', body)
    .replace('</head>', `  ${routeStyles(body)}\n  </head>`);
}

for (const path of prerenderPaths) {
  const file = join(dist, path.slice(1), 'index.html');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, await page(path));
}
writeFileSync(join(dist, '404.html'), await page('/__not-found__/'));

// Share cards and the tags naming them, on every page the prerender wrote; canonical
// URLs and the sitemap need the public address.
const siteData = await importTs(join(root, 'src/lib/site/siteData.ts'));
const { siteUrl } = await importTs(join(root, 'src/build/writeSitePdf.ts'));
const publicUrl = siteUrl();
if (!publicUrl)
  console.warn(
    'SITE_URL is not set: the PDFs print no web address, and the pages get no canonical URL, no sitemap.xml and site-relative og:image addresses.'
  );
const { writeShareFiles } = await importTs(join(root, 'src/lib/site/writeShareFiles.ts'));
const shared = writeShareFiles(dist, await siteData.sharedSiteData(resolve(contentDir)), {
  base,
  siteUrl: publicUrl
});
if (shared.robotsNote) console.warn(shared.robotsNote);

const pdf = await importTs(join(root, 'src/build/buildSitePdfFile.ts'));
const pdfSizes = await pdf.buildSitePdfFiles(contentDir, dist);
const { DEFAULT_PAGE_SIZE, PAGE_SIZE_NAMES, PDF_FILE_NAME } = await importTs(
  join(root, 'src/lib/pdf/pageSizes.ts')
);
const pdfBytes = pdfSizes[PDF_FILE_NAME];
const otherSizes = PAGE_SIZE_NAMES.filter((s) => s !== DEFAULT_PAGE_SIZE).join(' and ');
rmSync(ssrOut, { recursive: true, force: true });
// The offline worker lists every file above, so it comes after them.
const offline = writeOfflineFiles(dist, base);
// Last, once every file is final: nginx serves these copies (gzip_static, brotli_static).
const packed = precompressDir(dist);

console.log(
  `Built ${prerenderPaths.length} pages, 404.html, ${shared.cards} share cards and ${PDF_FILE_NAME} (${(pdfBytes / 1024).toFixed(0)} KB; also ${otherSizes}), sw.js keeping ${offline.files} files (${(offline.bytes / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
    `precompressed ${packed.files} text files (${(packed.raw / 1024).toFixed(0)} KB, gzip ${(packed.gzip / 1024).toFixed(0)} KB, brotli ${(packed.brotli / 1024).toFixed(0)} KB)`
);
