import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { exportPdf } from '../support/pdfExport.ts';

test('the map shows every topic as a link; clicking one opens its page, Back returns', async ({
  page
}) => {
  await page.goto('/');
  const map = page.getByRole('group', { name: /^Deployment map\./ });
  await expect(map).toBeVisible();
  const links = map.getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(10);
  await map.getByRole('link', { name: 'Web servers', exact: true }).click();
  await expect(page).toHaveURL(/\/topics\/web-servers\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Web servers' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('group', { name: /^Deployment map\./ })).toBeVisible();
});

test('a topic page has prose, examples, its related topics, Linked from and a link back to the map', async ({
  page
}) => {
  await page.goto('/topics/wsgi-servers/');
  await expect(page.getByRole('heading', { level: 1, name: 'WSGI servers' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Examples' }).getByRole('link', { name: /Gunicorn/ })
  ).toBeVisible();
  const related = page.getByRole('region', { name: 'Related topics' });
  await expect(related.getByRole('link', { name: 'Databases' })).toHaveAttribute(
    'href',
    '/topics/databases/'
  );
  // Its own 2 to 6 related topics; the pages that link to it are listed apart.
  const own = await related.getByRole('link').count();
  expect(own).toBeGreaterThanOrEqual(2);
  expect(own).toBeLessThanOrEqual(6);
  const linkedFrom = page.getByRole('region', { name: 'Linked from' });
  await expect(linkedFrom.getByRole('link', { name: 'Gunicorn' })).toHaveAttribute(
    'href',
    '/topics/gunicorn/'
  );
  await expect(
    page
      .getByRole('region', { name: 'Where it sits on the map' })
      .getByRole('link', { name: 'Operating systems' })
      .first()
  ).toBeVisible();
  await expect(page.locator('time[datetime="2026-12-01"]')).toHaveText('1 December 2026');
  await page.getByRole('link', { name: /back to the map/i }).click();
  await expect(page).toHaveURL(/\/\?focus=wsgi-servers$/);
});

test('an unknown topic shows a proper not-found page', async ({ page }) => {
  // The page's own component is a chunk of its own (not in the map's first load).
  const chunk = page.waitForResponse(/\/assets\/NotFound-[\w-]+\.js$/);
  await page.goto('/topics/no-such-topic/');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: /go to the deployment map/i })).toBeVisible();
  expect((await chunk).status()).toBe(200);
  // And the page hydrates: the theme switch, inert in the prerendered HTML, works.
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(async () => {
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true', { timeout: 500 });
  }).toPass();
});

test('a mistyped topic address suggests the topic it probably meant', async ({ page }) => {
  await page.goto('/topics/gunicon/');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Gunicorn' }).click();
  await expect(page).toHaveURL(/\/topics\/gunicorn\/$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the prerendered map is visible and its links work', async ({ page }) => {
    await page.goto('/');
    const map = page.getByRole('group', { name: /^Deployment map\./ });
    await expect(map).toBeVisible();
    await map.getByRole('link', { name: 'Databases', exact: true }).click();
    await expect(page).toHaveURL(/\/topics\/databases\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Databases' })).toBeVisible();
    await expect(page.getByRole('article').locator('p').first()).not.toBeEmpty();
  });
});

test('Download PDF gives a valid PDF with every topic title', async ({ page }, info) => {
  await page.goto('/');
  const { file, dialog } = await exportPdf(page, info, 'map.pdf');
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const title of [
    'Web servers',
    'WSGI servers',
    'Databases',
    'Platform-as-a-service',
    'Logging',
    'Monitoring'
  ])
    expect(text).toContain(title);
  // The map, 50 topic pages, then the tours at two steps a page.
  const tourPages = readdirSync('content/tours').reduce(
    (n, f) => n + Math.ceil(readFileSync(`content/tours/${f}`, 'utf8').match(/^## /gm)!.length / 2),
    0
  );
  expect(tourPages).toBeGreaterThan(0);
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
    new RegExp(`Pages:\\s+${51 + tourPages}\\b`)
  );
  await expect(dialog.getByRole('status')).toContainText('PDF ready');
});

test('the PDF options: Letter, map only, with my progress', async ({ page }, info) => {
  await page.goto('/topics/nginx/');
  await page.getByRole('radio', { name: 'Done' }).check();
  await page.goto('/');
  const { file } = await exportPdf(page, info, 'letter.pdf', async (dialog) => {
    await dialog.getByRole('radio', { name: 'Letter' }).check();
    await dialog.getByRole('checkbox', { name: 'A page for every topic' }).uncheck();
    await expect(dialog.getByRole('checkbox', { name: /My progress/ })).toBeChecked();
  });
  const pdfinfo = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(pdfinfo).toMatch(/Pages:\s+2/);
  expect(pdfinfo).toMatch(/Page size:\s+792 x 612 pts/);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Your progress');
  expect(text).toMatch(/1 of 50 done/);
});

test('without JavaScript, Download PDF is a link to the prebuilt file', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
    'href',
    '/deployment-map.pdf'
  );
  const response = await page.request.get('/deployment-map.pdf');
  expect(response.ok()).toBe(true);
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await context.close();
});

test('a code block on a topic page is highlighted text with a Copy button that copies it exactly', async ({
  browser
}) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto('/topics/nginx/');
  // The block: its title line, its code, its Copy button and status, found by their text and names.
  const title = 'Copy /etc/nginx/sites-available/app';
  const block = page
    .getByRole('article')
    .locator('div')
    .filter({ has: page.getByRole('button', { name: title }) })
    .last();
  await expect(block.getByText('/etc/nginx/sites-available/app', { exact: true })).toBeVisible();
  await expect(block.getByText('Tested in CI')).toBeVisible();
  const code = block.locator('pre code');
  await expect(code).toContainText('proxy_pass http://app_server;');
  // Highlighted at build time: coloured spans, and no highlighter script in the page.
  expect(await code.locator('span[style]').count()).toBeGreaterThan(10);
  const shown = await code.textContent();
  await block.getByRole('button', { name: title }).click();
  await expect(block.getByRole('button', { name: title })).toHaveText('Copied');
  await expect(block.getByRole('status')).toHaveText('Copied to the clipboard');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  expect(shown).toMatch(/^upstream app_server \{\n/);
  await context.close();
});

test('without JavaScript, a code block is still there as text, with no Copy button', async ({
  browser
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/topics/nginx/');
  await expect(
    page.getByRole('article').locator('pre').filter({ hasText: 'location /static/ {' }).first()
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Copy/ })).toHaveCount(0);
  await context.close();
});

test('a code block wider than the page scrolls, and the keyboard reaches it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/topics/gunicorn/');
  const pre = page.getByRole('article').locator('pre').filter({ hasText: 'ExecStart=' });
  expect(await pre.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  await pre.focus();
  await expect(pre).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => pre.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
});

test('the header names the hub link "About deployment" on a phone, with its space', async ({
  page
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('topics/gunicorn/');
  const about = page.getByRole('banner').getByRole('link', { name: /^About/ });
  await expect(about).toHaveAccessibleName('About deployment');
  await expect(about).toHaveAttribute('href', /\/topics\/deployment\/$/);
});
