import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { watch } from '../e2e-nginx/guard.ts';

// An open tab after a deploy: the page asks for lazy chunks that are gone. A built copy
// of dist/ with those chunks deleted, served with the production CSP, stands in for it.

test.use({ reducedMotion: 'reduce' });

/** The lazily loaded chunks a deploy took away: topic route, search, related links, PDF engine. */
const GONE = /^(TopicRoute|search|searchIndex|related|customisePdf)-[\w-]+\.js(\.gz|\.br)?$/;
// The production CSP as nginx sends it outside /embed/ (where frame-ancestors is 'none').
const CSP = /add_header Content-Security-Policy "([^"]+)"/
  .exec(readFileSync('deploy/nginx.conf', 'utf8'))![1]
  .replace('$deployment_map_frame_ancestors', "'none'");
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2'
};

let root = '';
let server: Server;
let origin = '';
const deleted: string[] = [];

/** Serves `root` as nginx would: the file, else its index.html, else 404.html with 404. */
function serve(dir: string): Server {
  return createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const candidates = [join(dir, path), join(dir, path, 'index.html')];
    const file = candidates.find((f) => f.startsWith(dir) && existsSync(f) && statSync(f).isFile());
    const body = readFileSync(file ?? join(dir, '404.html'));
    res.writeHead(file ? 200 : 404, {
      'Content-Type': TYPES[extname(file ?? '.html')] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-cache'
    });
    res.end(body);
  });
}

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'stale-dist-'));
  cpSync('dist', root, { recursive: true });
  for (const name of readdirSync(join(root, 'assets'))) {
    if (!GONE.test(name)) continue;
    rmSync(join(root, 'assets', name));
    deleted.push(name);
  }
  server = serve(root);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((done) => server?.close(done));
  rmSync(root, { recursive: true, force: true });
});

/** Watches a page; the only failures allowed are the requests for the deleted chunks (and `gone`). */
async function watched(page: Page, gone: RegExp = /$^/) {
  const w = await watch(
    page,
    (url, status) =>
      status === 404 && (deleted.some((name) => url.endsWith(`/assets/${name}`)) || gone.test(url))
  );
  return {
    async expectClean() {
      w.problems.cspViolations.push(...(await w.domViolations()));
      // A module script that answers 404 is also reported as an aborted request, and so
      // are chunks still in flight when the fallback navigation leaves the page.
      w.problems.failedResponses = w.problems.failedResponses.filter(
        (f) => !/^failed \S+\/assets\/\S+\.js: net::ERR_ABORTED$/.test(f)
      );
      expect(w.problems).toEqual({
        cspViolations: [],
        pageErrors: [],
        consoleErrors: [],
        failedResponses: []
      });
    }
  };
}

const newVersion = (page: Page | Locator) =>
  page.getByRole('alert').filter({ hasText: 'A new version of the site is available.' });

test('the copy really lacks the lazy chunks', () => {
  for (const prefix of ['TopicRoute-', 'search-', 'searchIndex-', 'related-', 'customisePdf-'])
    expect(
      deleted.some((name) => name.startsWith(prefix)),
      prefix
    ).toBe(true);
});

test('a topic click still opens the topic page (a full page load of the same URL)', async ({
  page
}) => {
  const w = await watched(page);
  await page.goto(`${origin}/`);
  await page
    .getByRole('group', { name: /^Deployment map\./ })
    .getByRole('link', { name: 'WSGI servers', exact: true })
    .click();
  await expect(page).toHaveURL(`${origin}/topics/wsgi-servers/`);
  await expect(page.getByRole('heading', { level: 1, name: 'WSGI servers' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Related topics' }).getByRole('link', { name: 'Databases' })
  ).toBeVisible();
  // A related link on the (unhydrated) topic page is an ordinary link and works too.
  await page
    .getByRole('region', { name: 'Related topics' })
    .getByRole('link', { name: 'Databases' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Databases' })).toBeVisible();
  await w.expectClean();
});

test('search says a new version is available and Reload reloads', async ({ page }) => {
  const w = await watched(page);
  await page.goto(`${origin}/`);
  await page.getByRole('combobox', { name: 'Search topics' }).fill('gunicorn');
  await expect(newVersion(page)).toBeVisible();
  await expect(page.getByText(/Failed to fetch/)).toHaveCount(0);
  await expect(page.getByRole('listbox', { name: 'Matching topics' })).toBeHidden();
  const reloaded = page.waitForEvent('load');
  await newVersion(page).getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await expect(page.getByRole('combobox', { name: 'Search topics' })).toHaveValue('');
  await w.expectClean();
});

test('related links and the PDF export say a new version is available, with Reload', async ({
  page
}) => {
  const w = await watched(page);
  await page.goto(`${origin}/`);
  await page.getByText('Show', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Related links' }).check();
  await expect(newVersion(page)).toBeVisible();
  await expect(newVersion(page).getByRole('button', { name: 'Reload' })).toBeVisible();

  await page.getByRole('link', { name: 'Download PDF' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download the map as a PDF' });
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  await expect(newVersion(dialog)).toBeVisible();
  await expect(newVersion(dialog).getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(dialog.getByText(/Failed to fetch/)).toHaveCount(0);
  await w.expectClean();
});

test('without its dialog chunk, Download PDF downloads the prebuilt PDF', async ({ page }) => {
  // The dialog loads on demand too; a tab that outlived a deploy asks for it in vain.
  const dialogChunk = /\/assets\/PdfDialog-[\w-]+\.js$/;
  expect(
    readdirSync(join(root, 'assets')).some((name) => /^PdfDialog-[\w-]+\.js$/.test(name))
  ).toBe(true);
  const w = await watched(page, dialogChunk);
  await page.route(dialogChunk, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${origin}/`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('deployment-map.pdf');
  expect(new URL(download.url()).pathname).toBe('/deployment-map.pdf');
  await expect(page.getByRole('dialog', { name: 'Download the map as a PDF' })).toBeHidden();
  await w.expectClean();
});
