import { exportPdf } from '../support/pdfExport.ts';
import { expect, test, watch } from './guard.ts';

// The app in Chromium behind nginx and its Content-Security-Policy: everything a visitor
// does must work with no CSP violation, page error, console error or failed request.

test('map, hover, search, topic page and PDF download all work under the CSP', async ({
  page,
  watched
}, info) => {
  await page.goto('/');
  const map = page.getByRole('group', { name: /^Deployment map\./ });
  await expect(map).toBeVisible();
  // Hydrated: focusing a topic announces it with its neighbours (hover only highlights).
  await map.getByRole('link', { name: 'Nginx', exact: true }).hover();
  await map.getByRole('link', { name: 'Nginx', exact: true }).focus();
  await expect(page.locator('[aria-live="polite"]')).toHaveText(
    /^Nginx\. (Connected to|No drawn connections)/
  );

  const search = page.getByRole('combobox', { name: 'Search topics' });
  await search.fill('gunicorn');
  await expect(page.getByRole('option', { name: /Gunicorn/ }).first()).toBeVisible();

  await map.getByRole('link', { name: 'WSGI servers', exact: true }).click();
  await expect(page).toHaveURL(/\/topics\/wsgi-servers\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'WSGI servers' })).toBeVisible();

  // Download PDF opens a dialog; pdf-lib loads on demand and tailors the prebuilt file.
  const { dialog } = await exportPdf(page, info, 'map.pdf');
  await expect(dialog.getByRole('status')).toContainText('PDF ready');
  expect(await watched.domViolations()).toEqual([]);
});

test('a topic deep link and the 404 page hydrate under the CSP', async ({ page, watched }) => {
  await page.goto('/topics/databases/');
  await expect(page.getByRole('heading', { level: 1, name: 'Databases' })).toBeVisible();
  // Client-side navigation proves the scripts run (not only the prerendered HTML).
  await page.getByRole('link', { name: /back to the map/i }).click();
  await expect(page).toHaveURL(/\/\?focus=databases$/);
  await expect(page.getByRole('group', { name: /^Deployment map\./ })).toBeVisible();

  const res = await page.goto('/topics/no-such-topic/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: /go to the deployment map/i }).click();
  await expect(page.getByRole('group', { name: /^Deployment map\./ })).toBeVisible();
  expect(await watched.domViolations()).toEqual([]);
});

test('the external theme script runs under the CSP: a chosen theme survives a reload', async ({
  page,
  watched
}) => {
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  const before = await toggle.getAttribute('aria-pressed');
  await toggle.click();
  const theme = before === 'true' ? 'light' : 'dark';
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  expect(await watched.domViolations()).toEqual([]);
});

test('the CSP is enforced: injected inline script, javascript: link and <style> element are blocked and reported', async ({
  page
}) => {
  // The positive control for the other tests: the watcher does see violations.
  const { problems, domViolations } = await watch(page);
  await page.goto('/');
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    const p = document.createElement('p');
    p.className = 'csp-probe';
    document.body.append(p);
    const style = document.createElement('style');
    style.textContent = '.csp-probe { color: rgb(255, 0, 0) }';
    document.head.append(style);
    // A javascript: link, as prose could carry one (see README, content policy).
    const a = document.createElement('a');
    a.href = 'javascript:window.__linkRan = true';
    a.textContent = 'x';
    document.body.append(a);
    a.click();
    await new Promise((r) => setTimeout(r, 100));
    const w = window as { __inlineRan?: boolean; __linkRan?: boolean };
    return {
      script: w.__inlineRan === true,
      link: w.__linkRan === true,
      colour: getComputedStyle(p).color
    };
  });
  expect(ran.script).toBe(false);
  expect(ran.link).toBe(false);
  expect(ran.colour).not.toBe('rgb(255, 0, 0)');
  const seen = [...(await domViolations()), ...problems.cspViolations].join('\n');
  expect(seen).toMatch(/script-src/);
  expect(seen).toMatch(/style-src/);
});

test('rapid repeated clicks on Download PDF and Create PDF: downloads, nothing breaks', async ({
  page,
  watched
}) => {
  await page.goto('/');
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const link = page.getByRole('link', { name: 'Download PDF' });
  await link.waitFor();
  // A burst of clicks on the link (faster than any person): one dialog, no error.
  await page.evaluate(() => {
    const a = [...document.querySelectorAll('a')].find(
      (x) => x.textContent?.trim() === 'Download PDF'
    )!;
    for (let i = 0; i < 12; i++) a.click();
  });
  const dialog = page.getByRole('dialog', { name: 'Download the map as a PDF' });
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  // Then a burst on Create PDF: a second export waits for the first, none fails.
  await dialog.evaluate((d) => {
    const submit = d.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    for (let i = 0; i < 8; i++) submit.click();
  });
  await expect(dialog.getByRole('status')).toContainText('PDF ready', { timeout: 20_000 });
  await expect(dialog.getByRole('button', { name: 'Create PDF' })).toBeEnabled();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => downloads.length).toBeGreaterThanOrEqual(1);
  expect(downloads.every((f) => f === 'deployment-map.pdf')).toBe(true);
  // The page still works afterwards.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('combobox', { name: 'Search topics' }).fill('nginx');
  await expect(page.getByRole('option', { name: /Nginx/ }).first()).toBeVisible();
  expect(await watched.domViolations()).toEqual([]);
});

test('a 5,000-character search input is cut, answered, and leaves the page working', async ({
  page,
  watched
}) => {
  await page.goto('/');
  const search = page.getByRole('combobox', { name: 'Search topics' });
  const long = 'nginx gunicorn postgres '.repeat(250).slice(0, 5000);
  await search.fill(long);
  // The input's maxlength cuts what a user can type.
  expect((await search.inputValue()).length).toBeLessThanOrEqual(120);
  // A script (or paste handler) can still set 5,000 characters: searchTopics cuts the query.
  await page.evaluate((value) => {
    const input = document.querySelector<HTMLInputElement>('#map-search')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, long);
  // The cut query still answers: pages that mention all three of its words.
  const results = page.getByRole('listbox', { name: 'Matching topics' });
  await expect(results).toBeVisible();
  await expect(results.getByRole('option').first()).toBeVisible();
  await expect(results.getByRole('option').first()).not.toHaveText(/^\s*No topic matches/);
  // The page still answers keys: focusing a map node announces it.
  await page
    .getByRole('group', { name: /^Deployment map\./ })
    .getByRole('link', { name: 'Nginx', exact: true })
    .focus();
  await expect(page.locator('[aria-live="polite"]')).toHaveText(/^Nginx\./);
  // And it still searches normally afterwards, however soon after leaving the box.
  await search.fill('wsgi');
  await expect(page.getByRole('option', { name: /WSGI servers/ }).first()).toBeVisible();
  expect(await watched.domViolations()).toEqual([]);
});
