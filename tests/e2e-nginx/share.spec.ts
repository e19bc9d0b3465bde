import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, test } from '@playwright/test';
import { pngSize } from '../support/png.ts';
import { get } from './http.ts';
import { NGINX_PORT, SUBPATH, SUBPATH_ORIGIN, SUBPATH_PORT } from './servers.ts';

// Share cards and crawler files, read from the built HTML and fetched from nginx: every
// page names a 1200 × 630 PNG that exists; with SITE_URL (the sub-path build) every
// page has an absolute canonical URL and the sitemap lists every page; robots.txt only
// at the origin's root.
const origin = `http://127.0.0.1:${NGINX_PORT}`;
const dist = process.env.NGINX_DIST ?? 'dist';
const subpathDist = join(tmpdir(), `deployment-map-e2e-subpath-${SUBPATH_PORT}`, 'site');

function pages(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'assets' ? [] : pages(full, root);
    return e.name.endsWith('.html') ? [relative(root, full)] : [];
  });
}
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

test('every built page has og:image and twitter:image naming an existing 1200 × 630 PNG', async () => {
  const files = pages(dist);
  expect(files.length).toBeGreaterThanOrEqual(50);
  const seen = new Map<string, { width: number; height: number }>();
  for (const file of files) {
    const html = readFileSync(join(dist, file), 'utf8');
    const image = meta(html, 'og:image');
    expect(image, file).toMatch(/^\/cards\/.+\.png$/);
    expect(meta(html, 'twitter:image'), file).toBe(image);
    expect(meta(html, 'twitter:card'), file).toBe('summary_large_image');
    expect(meta(html, 'og:title'), file).toBeTruthy();
    expect(meta(html, 'og:description'), file).toBeTruthy();
    if (/^topics\/([a-z0-9-]+)\/index\.html$/.test(file))
      expect(image, file).toBe(`/cards/${file.replace('/index.html', '')}.png`);
    if (!seen.has(image!)) {
      const res = await get(origin + image);
      expect(res.status, image).toBe(200);
      expect(res.headers['content-type'], image).toBe('image/png');
      seen.set(image!, pngSize(res.body));
    }
    expect(seen.get(image!), image).toEqual({ width: 1200, height: 630 });
  }
  // A build without SITE_URL has no canonical addresses and no sitemap, rather than made-up ones.
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toContain('rel="canonical"');
  expect((await get(`${origin}/sitemap.xml`)).status).toBe(404);
  expect((await get(`${origin}/robots.txt`)).body.toString()).toBe('User-agent: *\nAllow: /\n');
});

test('with SITE_URL: canonical URLs, absolute og:image, and a sitemap of every page', async () => {
  const site = `${SUBPATH_ORIGIN}${SUBPATH}`;
  const listed = pages(subpathDist)
    .filter((f) => f !== '404.html' && f !== 'embed/index.html')
    .map((f) => site + f.replace(/index\.html$/, ''));
  expect(listed).toContain(`${site}topics/nginx/`);
  const images = new Set<string>();
  for (const url of listed) {
    const html = (await get(url)).body.toString('utf8');
    expect(html, url).toContain(`<link rel="canonical" href="${url}" />`);
    expect(meta(html, 'og:url'), url).toBe(url);
    const image = meta(html, 'og:image')!;
    expect(image, url).toMatch(new RegExp(`^${site}cards/.+\\.png$`));
    images.add(image);
  }
  // Every absolute og:image is served, a 1200 × 630 PNG.
  for (const image of images) {
    const res = await get(image);
    expect(res.status, image).toBe(200);
    expect(pngSize(res.body), image).toEqual({ width: 1200, height: 630 });
  }
  const embed = (await get(`${site}embed/`)).body.toString('utf8');
  expect(embed).not.toContain('rel="canonical"');
  expect(embed).toContain('<meta name="robots" content="noindex"');

  const sitemap = await get(`${site}sitemap.xml`);
  expect(sitemap.status).toBe(200);
  const locs = [...sitemap.body.toString('utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs.sort()).toEqual(listed.sort());
  // Crawlers read robots.txt only at the origin's root: a sub-path build writes none (the
  // build says which line to add to the root's file instead).
  expect((await get(`${site}robots.txt`)).status).toBe(404);
});

test('the offline worker and the web manifest are served with their types, and the worker runs under the CSP', async ({
  page
}) => {
  const manifest = await get(`${origin}/manifest.webmanifest`);
  expect(manifest.headers['content-type']).toBe('application/manifest+json');
  expect(JSON.parse(manifest.body.toString('utf8')).start_url).toBe('./');
  const sw = await get(`${origin}/sw.js`);
  expect(sw.headers['content-type']).toMatch(/^application\/javascript(; charset=utf-8)?$/);
  expect(sw.headers['cache-control']).toBe('no-cache');
  const violations: string[] = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await page.goto(`${origin}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);
  expect(violations).toEqual([]);
});
