// Offline and install support, written after the prerender: dist/sw.js (the worker from
// src/serviceWorker/sw.js with this build's version and file list) and the web manifest's
// PNG icons (drawn from public/favicon.svg with resvg).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const root = join(import.meta.dirname, '..');

/** Every file of the build the worker keeps: pages, scripts, styles, PDFs, manifest, icons (not share cards). */
export function offlineFiles(dist) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = join(dir, e.name);
      return e.isDirectory()
        ? e.name === 'cards'
          ? []
          : walk(full)
        : [relative(dist, full).split('\\').join('/')];
    });
  return walk(dist)
    .filter(
      (f) => !/\.(gz|br)$/.test(f) && f !== 'sw.js' && f !== 'robots.txt' && f !== 'sitemap.xml'
    )
    .sort();
}

/** Writes the icons and the worker into `dist` for the base path; returns how many files it keeps. */
export function writeOfflineFiles(dist, base) {
  mkdirSync(join(dist, 'icons'), { recursive: true });
  const favicon = readFileSync(join(root, 'public/favicon.svg'), 'utf8');
  for (const size of [192, 512]) {
    const png = new Resvg(favicon, { fitTo: { mode: 'width', value: size }, background: '#ffffff' })
      .render()
      .asPng();
    writeFileSync(join(dist, 'icons', `icon-${size}.png`), png);
  }
  // public/manifest.webmanifest names these icons with addresses relative to itself.
  const files = offlineFiles(dist);
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(join(dist, f)));
  const urls = files.map((f) => base + f.replace(/(^|\/)index\.html$/, '$1'));
  const worker = readFileSync(join(root, 'src/serviceWorker/sw.js'), 'utf8')
    .replace("'__VERSION__'", JSON.stringify(hash.digest('hex').slice(0, 16)))
    .replace("['__PRECACHE__']", JSON.stringify(urls));
  if (worker.includes('__PRECACHE__') || worker.includes('__VERSION__'))
    throw new Error('src/serviceWorker/sw.js: the placeholders were not replaced');
  writeFileSync(join(dist, 'sw.js'), worker);
  return {
    files: files.length,
    bytes: files.reduce((n, f) => n + statSync(join(dist, f)).size, 0)
  };
}
