import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from './guard.ts';
import { get } from './http.ts';
import { SUBPATH, SUBPATH_ORIGIN } from './servers.ts';

// The site built with BASE_PATH=/map/ and served by nginx under /map/: every link,
// asset and the PDF must stay under the base path.
const root = SUBPATH_ORIGIN + SUBPATH;

async function sameOriginUrls(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[href], [src]')]
      .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '')
      .filter((u) => u.startsWith('/'))
  );
}

test('the map loads under /map/ with every asset, and every site link stays under /map/', async ({
  page,
  watched
}) => {
  const loaded: string[] = [];
  page.on('response', (r) => loaded.push(r.url()));
  await page.goto(root);
  const map = page.getByRole('group', { name: /^Deployment map\./ });
  await expect(map).toBeVisible();
  // Hydrated: focusing a topic announces it (hover only highlights).
  await map.getByRole('link', { name: 'Nginx', exact: true }).focus();
  await expect(page.locator('[aria-live="polite"]')).toHaveText(/^Nginx\./);
  expect(loaded.some((u) => u.startsWith(`${root}assets/`) && u.endsWith('.js'))).toBe(true);
  expect(loaded).toContain(`${root}theme.js`);
  expect(loaded.filter((u) => u.startsWith(SUBPATH_ORIGIN)).every((u) => u.startsWith(root))).toBe(
    true
  );
  const urls = await sameOriginUrls(page);
  expect(urls.length).toBeGreaterThan(50);
  expect(urls.filter((u) => !u.startsWith(SUBPATH))).toEqual([]);
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
    'href',
    `${SUBPATH}deployment-map.pdf`
  );
  expect(await watched.domViolations()).toEqual([]);
});

test('a map node goes to /map/topics/<slug>/, which also works as a deep link', async ({
  page,
  watched
}) => {
  await page.goto(root);
  const node = page
    .getByRole('group', { name: /^Deployment map\./ })
    .getByRole('link', { name: 'Databases', exact: true });
  await expect(node).toHaveAttribute('href', `${SUBPATH}topics/databases/`);
  await node.click();
  await expect(page).toHaveURL(`${root}topics/databases/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Databases' })).toBeVisible();
  expect((await sameOriginUrls(page)).filter((u) => !u.startsWith(SUBPATH))).toEqual([]);

  const res = await page.goto(`${root}topics/wsgi-servers/`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'WSGI servers' })).toBeVisible();
  await page.getByRole('link', { name: /back to the map/i }).click();
  await expect(page).toHaveURL(`${root}?focus=wsgi-servers`);
  expect(await watched.domViolations()).toEqual([]);
});

test('an unknown path under /map/ answers 404 with the 404 page, styled and scripted', async ({
  page,
  watched
}) => {
  const res = await page.goto(`${root}no-such-page/`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  expect((await sameOriginUrls(page)).filter((u) => !u.startsWith(SUBPATH))).toEqual([]);
  await page.getByRole('link', { name: /go to the deployment map/i }).click();
  await expect(page).toHaveURL(root);
  expect(await watched.domViolations()).toEqual([]);
});

test('the PDF link under /map/ downloads the PDF, whose web links carry the sub-path', async ({
  page,
  watched
}, info) => {
  await page.goto(root);
  await page.getByRole('link', { name: 'Download PDF' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download the map as a PDF' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('deployment-map.pdf');
  await expect(dialog.getByRole('status')).toContainText('PDF ready');
  // The tailored download links back to the site under its sub-path too.
  const tailored = info.outputPath('tailored.pdf');
  await download.saveAs(tailored);
  const tailoredQdf = info.outputPath('tailored.qdf.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', tailored, tailoredQdf]);
  expect(
    execFileSync('grep', ['-a', '-o', '/URI ([^)]*)', tailoredQdf], { encoding: 'latin1' })
  ).toContain(`/URI (${root}`);

  const pdf = await get(`${root}deployment-map.pdf`);
  expect(pdf.status).toBe(200);
  expect(pdf.headers['content-type']).toBe('application/pdf');
  const file = info.outputPath('map.pdf');
  writeFileSync(file, pdf.body);
  const qdf = info.outputPath('map.qdf.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  const text = execFileSync('grep', ['-a', '-o', '/URI ([^)]*)', qdf], { encoding: 'latin1' });
  expect(text).toContain(`/URI (${root})`);
  expect(await watched.domViolations()).toEqual([]);
});

test('assets under /map/assets/ are immutable; the page itself revalidates', async () => {
  const html = await get(root);
  expect(html.status).toBe(200);
  expect(html.headers['cache-control']).toBe('no-cache');
  expect(String(html.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  const asset = /src="(\/map\/assets\/[^"]+\.js)"/.exec(html.body.toString('utf8'))?.[1];
  expect(asset).toBeTruthy();
  const res = await get(SUBPATH_ORIGIN + asset);
  expect(res.status).toBe(200);
  expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
});
