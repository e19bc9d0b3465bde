import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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

test('every topic URL answers 200 with its title, with and without the trailing slash', async () => {
  expect(topics.length).toBeGreaterThanOrEqual(10);
  for (const { slug, title } of topics) {
    for (const path of [`/topics/${slug}/`, `/topics/${slug}`]) {
      const res = await get(origin + path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
      const html = res.body.toString('utf8');
      expect(html, path).toContain(`<title>${escapeHtml(title)} · Deployment Map</title>`);
      expect(html, path).toMatch(
        new RegExp(`<h1[^>]*>${escapeHtml(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`)
      );
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
  for (const path of [
    '/no/such/page',
    '/topics/no-such-topic/',
    '/assets/no-such-file.js',
    '/.git/config',
    '/404'
  ]) {
    const res = await get(origin + path);
    expect(res.status, path).toBe(404);
    expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
    expect(res.body.toString('utf8'), path).toContain('<h1 tabindex="-1">Page not found</h1>');
    expect(res.headers['cache-control'], path).toBe('no-cache');
    expectSecurityHeaders(res);
  }
});

/** Built files as served: the .gz and .br copies are an encoding of a file, not files of their own. */
const servedFiles = (dir: string) => readdirSync(dir).filter((f) => !/\.(gz|br)$/.test(f));
const hasCopy = (file: string, ext: '.gz' | '.br') => {
  try {
    return readFileSync(file + ext);
  } catch {
    return undefined;
  }
};

test('hashed assets are immutable for a year and typed', async () => {
  const html = (await get(`${origin}/`)).body.toString('utf8');
  const referenced = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  expect(referenced.some((a) => a.endsWith('.js'))).toBe(true);
  expect(referenced.some((a) => a.endsWith('.css'))).toBe(true);
  // Every built asset, not only those the first page names (lazy chunks too).
  const all = servedFiles(`${dist}/assets`).map((f) => `/assets/${f}`);
  expect(all).toEqual(expect.arrayContaining(referenced));
  for (const path of all) {
    const res = await get(origin + path, { 'Accept-Encoding': 'gzip' });
    expect(res.status, path).toBe(200);
    expect(res.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
    const type = path.endsWith('.css')
      ? 'text/css'
      : path.endsWith('.js')
        ? 'application/javascript'
        : '';
    if (type)
      expect(res.headers['content-type'], path).toMatch(new RegExp(`^${type}(; charset=utf-8)?$`));
    expectSecurityHeaders(res);
  }
});

test("text is sent precompressed: the build's .gz or .br copy as it is, never compressed per request", async () => {
  const html = (await get(`${origin}/`)).body.toString('utf8');
  const mainScript = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(mainScript).toBeTruthy();
  // Every file of a compressible type over 1 KB has both copies (scripts/precompress.js).
  const cases: [path: string, file: string][] = [
    ['/', 'index.html'],
    ['/topics/nginx/', 'topics/nginx/index.html'],
    ['/no-such-page', '404.html'],
    [mainScript!, mainScript!.slice(1)],
    ...servedFiles(`${dist}/assets`).map((f): [string, string] => [`/assets/${f}`, `assets/${f}`])
  ];
  let checked = 0;
  for (const [path, file] of cases) {
    const raw = readFileSync(`${dist}/${file}`);
    const compressible = /\.(html|js|css|svg|json)$/.test(file) && raw.length >= 1024;
    for (const [encoding, ext, decode] of [
      ['gzip', '.gz', gunzipSync],
      ['br', '.br', brotliDecompressSync]
    ] as const) {
      const copy = hasCopy(`${dist}/${file}`, ext);
      if (compressible) expect(copy, `${file}${ext}`).toBeDefined();
      const res = await get(origin + path, { 'Accept-Encoding': encoding });
      if (!copy) {
        // No copy: sent as it is (nginx has gzip off, so nothing compresses on the fly).
        expect(res.headers['content-encoding'], `${path} ${encoding}`).toBeUndefined();
        expect(res.body.equals(raw), path).toBe(true);
        continue;
      }
      expect(res.headers['content-encoding'], `${path} ${encoding}`).toBe(encoding);
      expect(res.headers.vary, path).toBe('Accept-Encoding');
      expect(Number(res.headers['content-length']), path).toBe(copy.length);
      expect(res.body.equals(copy), `${path}: the ${ext} file itself`).toBe(true);
      expect(decode(res.body).equals(raw), `${path}: decompresses to the file`).toBe(true);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(20);
  // Without Accept-Encoding: the plain file, still marked as varying by encoding.
  const plain = await get(origin + mainScript!);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.headers.vary).toBe('Accept-Encoding');
  expect(plain.body.equals(readFileSync(`${dist}${mainScript}`))).toBe(true);
  // A browser accepts both: it gets brotli, the smaller one.
  const both = await get(origin + mainScript!, { 'Accept-Encoding': 'gzip, deflate, br' });
  expect(both.headers['content-encoding']).toBe('br');
});

test('dotfiles anywhere in the path are refused, .pdf ones included, even when the file exists', async () => {
  const planted = [
    '.git/secret.pdf',
    '.git/config',
    '.env',
    'topics/.env',
    'assets/.secret.js',
    'topics/nginx/.git/x.pdf',
    '.well-known/x.txt'
  ];
  try {
    for (const f of planted) {
      mkdirSync(dirname(`${dist}/${f}`), { recursive: true });
      writeFileSync(`${dist}/${f}`, 'SECRET');
    }
    for (const path of [
      ...planted.map((f) => `/${f}`),
      '/%2egit/secret.pdf',
      '/.git/../.git/secret.pdf',
      '/.GIT/SECRET.PDF'
    ]) {
      const res = await get(origin + path);
      expect(res.status, path).toBe(404);
      expect(res.body.toString('utf8'), path).not.toContain('SECRET');
      expect(res.body.toString('utf8'), path).toContain('Page not found');
      expectSecurityHeaders(res);
    }
  } finally {
    for (const d of [
      '.git',
      '.env',
      'topics/.env',
      'assets/.secret.js',
      'topics/nginx/.git',
      '.well-known'
    ])
      rmSync(`${dist}/${d}`, { recursive: true, force: true });
  }
});

test('byte ranges: one range is answered, several in one request get the whole file', async () => {
  const file = readFileSync(`${dist}/deployment-map.pdf`);
  const one = await get(`${origin}/deployment-map.pdf`, { Range: 'bytes=0-4' });
  expect(one.status).toBe(206);
  expect(one.body.toString('latin1')).toBe('%PDF-');
  const many = await get(`${origin}/deployment-map.pdf`, { Range: 'bytes=0-0,2-2,4-4' });
  expect(many.status).toBe(200);
  expect(String(many.headers['content-type'])).toBe('application/pdf');
  expect(many.body.equals(file)).toBe(true);
});

test('every prebuilt PDF is served as application/pdf and revalidates', async () => {
  const pdfs = servedFiles(dist).filter((f) => f.endsWith('.pdf'));
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
