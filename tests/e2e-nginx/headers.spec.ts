import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { escapeHtml, topicsFromContent } from './content.ts';
import { get, type RawResponse } from './http.ts';
import { NGINX_PORT } from './servers.ts';

// HTTP-level checks of deploy/nginx.conf over the built site: status codes, types,
// caching and security headers, exactly as nginx sends them.
const origin = `http://127.0.0.1:${NGINX_PORT}`;
const dist = process.env.NGINX_DIST ?? 'dist';
const topics = topicsFromContent();

function csp(res: RawResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values])
  );
}

function expectSecurityHeaders(res: RawResponse) {
  const policy = csp(res);
  expect(policy.get('default-src')).toEqual(["'none'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.has('script-src-attr') || policy.has('script-src-elem')).toBe(false);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

test('the content folder has topics to check', () => {
  expect(topics.length).toBeGreaterThanOrEqual(10);
  expect(topics.every((t) => t.title && t.title !== 'undefined')).toBe(true);
});

test('every topic URL answers 200 with its title, with and without the trailing slash', async () => {
  for (const { slug, title } of topics) {
    for (const path of [`/topics/${slug}/`, `/topics/${slug}`]) {
      const res = await get(origin + path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
      const html = res.body.toString('utf8');
      expect(html, path).toContain(`<title>${escapeHtml(title)} · Deployment Map</title>`);
      expect(html, path).toMatch(new RegExp(`<h1[^>]*>${escapeHtml(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`));
    }
  }
});

test('HTML revalidates: no-cache, an ETag, and 304 when unchanged', async () => {
  for (const path of ['/', '/topics/nginx/']) {
    const res = await get(origin + path);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(res);
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"/);
    const again = await get(origin + path, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
  }
});

test('unknown URLs answer 404 with the site 404 page and the same headers', async () => {
  for (const path of ['/no/such/page', '/topics/no-such-topic/', '/assets/no-such-file.js', '/.git/config', '/404']) {
    const res = await get(origin + path);
    expect(res.status, path).toBe(404);
    expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
    expect(res.body.toString('utf8'), path).toContain('<h1 tabindex="-1">Page not found</h1>');
    expect(res.headers['cache-control'], path).toBe('no-cache');
    expectSecurityHeaders(res);
  }
});

test('hashed assets are immutable for a year, typed, and gzipped when asked', async () => {
  const html = (await get(`${origin}/`)).body.toString('utf8');
  const referenced = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  expect(referenced.some((a) => a.endsWith('.js'))).toBe(true);
  expect(referenced.some((a) => a.endsWith('.css'))).toBe(true);
  // Every built asset, not only those the first page names (lazy chunks too).
  const all = readdirSync(`${dist}/assets`).map((f) => `/assets/${f}`);
  expect(all).toEqual(expect.arrayContaining(referenced));
  for (const path of all) {
    const res = await get(origin + path, { 'Accept-Encoding': 'gzip' });
    expect(res.status, path).toBe(200);
    expect(res.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
    const type = path.endsWith('.css') ? 'text/css' : path.endsWith('.js') ? 'application/javascript' : '';
    if (type) expect(res.headers['content-type'], path).toMatch(new RegExp(`^${type}(; charset=utf-8)?$`));
    if (res.headers['content-length'] === undefined || Number(res.headers['content-length']) >= 1024)
      expect(res.headers['content-encoding'], path).toBe('gzip');
    expectSecurityHeaders(res);
  }
  const plain = await get(origin + referenced.find((a) => a.endsWith('.js'))!);
  expect(plain.headers['content-encoding']).toBeUndefined();
});

test('every prebuilt PDF is served as application/pdf and revalidates', async () => {
  const pdfs = readdirSync(dist).filter((f) => f.endsWith('.pdf'));
  expect(pdfs).toContain('deployment-map.pdf');
  for (const name of pdfs) {
    const res = await get(`${origin}/${name}`);
    expect(res.status, name).toBe(200);
    expect(res.headers['content-type'], name).toBe('application/pdf');
    expect(res.headers['cache-control'], name).toBe('no-cache');
    expect(res.body.subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
    expect(res.body.equals(readFileSync(`${dist}/${name}`)), name).toBe(true);
  }
});

test('unhashed static files revalidate and carry the right types', async () => {
  const theme = await get(`${origin}/theme.js`);
  expect(theme.status).toBe(200);
  expect(theme.headers['content-type']).toBe('application/javascript; charset=utf-8');
  expect(theme.headers['cache-control']).toBe('no-cache');
  const icon = await get(`${origin}/favicon.svg`);
  expect(icon.status).toBe(200);
  expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
});
