import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// Offline use after one visit, and the quiet notice when a new build is deployed.

async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
    .toBe(true);
}

test('after one visit, offline: the map reloads, a topic never visited opens, progress still saves', async ({
  page,
  context
}) => {
  await page.goto('/');
  await expect(page.getByRole('group', { name: /^Deployment map\./ })).toBeVisible();
  await controlled(page);
  const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
  const m = await (await page.request.get(manifest!)).json();
  expect(m.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512']);

  await context.setOffline(true);
  await page.reload();
  await expect(
    page
      .getByRole('group', { name: /^Deployment map\./ })
      .getByRole('link', { name: 'Gunicorn', exact: true })
  ).toBeVisible();
  // A full page load of a topic never visited, then client-side navigation to another.
  await page.goto('/topics/task-queues/');
  await expect(page.getByRole('heading', { level: 1, name: 'Task queues' })).toBeVisible();
  await page.getByRole('link', { name: /back to the map/i }).click();
  await expect(page.getByRole('group', { name: /^Deployment map\./ })).toBeVisible();
  await page.goto('/topics/caddy/');
  await expect(page.getByRole('heading', { level: 1, name: 'Caddy' })).toBeVisible();
  await page.getByRole('radio', { name: 'Done' }).check();
  await expect(page.getByRole('radio', { name: 'Done' })).toBeChecked();
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toContain('caddy');
  // A tour page never visited, and the tour on the map (its lazily loaded chunk).
  await page.goto('/tours/your-first-server/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your first server' })).toBeVisible();
  await page.goto('/?tour=follow-a-request&step=2');
  await expect(page.getByRole('region', { name: 'Static files come from the CDN' })).toBeVisible();
  // The prebuilt PDF is kept too.
  const pdf = await page.evaluate(async () =>
    (await fetch('/deployment-map.pdf')).headers.get('content-type')
  );
  expect(pdf).toMatch(/application\/pdf/);
  await context.setOffline(false);
});

let server: Server | undefined;
let site: string | undefined;
test.afterAll(() => {
  server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json'
};

/** The plainest static server: files from `dir`, `index.html` for folders, 404 otherwise. */
function serve(dir: string, port: number): Promise<Server> {
  const s = createServer((req, res) => {
    let file = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader(
      'Content-Type',
      TYPES[/\.[a-z]+$/.exec(file)?.[0] ?? ''] ?? 'application/octet-stream'
    );
    res.setHeader('Cache-Control', 'no-cache');
    res.end(readFileSync(file));
  });
  return new Promise((r) => s.listen(port, '127.0.0.1', () => r(s)));
}

test('a new build served under an open page shows "Updated" with a Reload button', async ({
  page
}) => {
  // A copy of the build on its own port, so this test can deploy a "new" one under it.
  site = mkdtempSync(join(tmpdir(), 'dm-offline-'));
  cpSync('dist', site, { recursive: true });
  const port = Number(process.env.OFFLINE_PORT ?? 5322);
  server = await serve(site, port);
  const origin = `http://127.0.0.1:${port}`;

  await page.goto(`${origin}/`);
  await controlled(page);
  await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toHaveCount(0);
  // Deploy: a new version of the worker (its version and file list change with every build).
  const sw = join(site, 'sw.js');
  writeFileSync(
    sw,
    readFileSync(sw, 'utf8').replace(/const VERSION = "[^"]+"/, 'const VERSION = "next-deploy"')
  );
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  const notice = page.getByRole('status').filter({ hasText: 'Updated' });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('group', { name: /^Deployment map\./ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toHaveCount(0);
});
