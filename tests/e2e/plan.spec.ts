import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';

test.use({ reducedMotion: 'reduce' });

const map = (page: Page) =>
  page.getByRole('group', { name: /^Deployment map with your plan lit\./ });
const radio = (page: Page, slot: string, name: RegExp) =>
  page.getByRole('group', { name: slot }).getByRole('radio', { name });
const checklist = (page: Page) => page.locator('.plan-checklist');

/** Presses Tab until focus is on an element matching `selector` (at most `max` times). */
async function tabTo(page: Page, selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('choose Apache, mod_wsgi, Flask and SQLite by keyboard; the link reopens the same plan elsewhere', async ({
  page,
  browser
}) => {
  await page.goto('/plan/');
  await expect(radio(page, 'Hosting', /^A virtual private server/)).toBeChecked();
  // The address already holds the default plan.
  await expect(page).toHaveURL(/\/plan\/\?hosting=vps&web=nginx&app=gunicorn/);

  // Web server: from nginx (checked), the arrow key moves the choice to Apache.
  await tabTo(page, 'input[name="plan-webServer"]');
  await page.keyboard.press('ArrowDown');
  await expect(radio(page, 'Web server', /^Apache HTTP Server/)).toBeChecked();
  // The engine repairs what Apache rules out, and the chooser says so.
  await expect(radio(page, 'WSGI or ASGI server', /^mod_wsgi/)).toBeChecked();
  await expect(radio(page, 'WSGI or ASGI server', /^Gunicorn/)).toBeDisabled();
  await expect(page.getByRole('group', { name: 'WSGI or ASGI server' })).toContainText(
    'Not with this plan'
  );

  // Framework: Tab past the app server's group to Django (checked), down to Flask.
  await tabTo(page, 'input[name="plan-framework"]');
  await page.keyboard.press('ArrowDown');
  await expect(radio(page, 'Framework', /^Flask/)).toBeChecked();
  await expect(radio(page, 'Database', /^SQLite/)).toBeChecked();
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Plan:' })).toContainText(
    'Apache HTTP Server'
  );

  await expect(page).toHaveURL(/[?&]web=apache(&|$)/);
  await expect(page).toHaveURL(/[?&]app=mod-wsgi(&|$)/);
  await expect(page).toHaveURL(/[?&]framework=flask(&|$)/);
  await expect(page).toHaveURL(/[?&]db=sqlite(&|$)/);
  // The map lights the chosen parts and the request's way through them.
  for (const slug of ['web-browsers', 'apache-http-server', 'mod-wsgi', 'flask', 'databases'])
    await expect(map(page).locator(`a[data-slug="${slug}"]`), slug).toHaveAttribute('data-lit', '');
  await expect(map(page).locator('a[data-slug="nginx"]')).not.toHaveAttribute('data-lit', '');
  await expect(map(page).locator('g.flow[data-travel]').first()).toBeVisible();
  await expect(checklist(page)).toContainText('a2ensite app');

  // The link, opened in a fresh browser (no storage), gives the same plan.
  const shared = page.url();
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(shared);
  for (const [slot, name] of [
    ['Web server', /^Apache HTTP Server/],
    ['WSGI or ASGI server', /^mod_wsgi/],
    ['Framework', /^Flask/],
    ['Database', /^SQLite/]
  ] as const)
    await expect(radio(second, slot, name)).toBeChecked();
  await expect(second).toHaveURL(shared);
  await expect(checklist(second)).toHaveText((await checklist(page).textContent())!);
  await other.close();

  // Kept in this browser too: /plan/ without a query reopens it.
  await page.goto('/plan/');
  await expect(radio(page, 'Framework', /^Flask/)).toBeChecked();
  await expect(page).toHaveURL(shared);
});

test('a file downloads with its name and exactly the text shown; the PDF holds the checklist and the files', async ({
  page
}, info) => {
  await page.goto(
    '/plan/?hosting=vps&web=nginx&app=gunicorn&framework=django&db=postgresql&queue=none&ci=github-actions'
  );
  const file = page
    .locator('.plan-file')
    .filter({ has: page.locator('.code-title', { hasText: '/etc/nginx/sites-available/' }) })
    .first();
  const path = (await file.getAttribute('data-path'))!;
  const shown = (await file.locator('pre').textContent())!;
  const name = path.split('/').pop()!;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    file.getByRole('link', { name: `Download ${name}` }).click()
  ]);
  expect(download.suggestedFilename()).toBe(name);
  const saved = readFileSync((await download.path())!, 'utf8');
  expect(saved).toBe(shown);
  expect(saved).toMatch(/proxy_pass|server \{/);

  const step = (await checklist(page).locator('li .plan-check-text').first().textContent())!.trim();
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download plan (PDF)' }).click()
  ]);
  expect(pdf.suggestedFilename()).toBe('deployment-plan.pdf');
  const out = info.outputPath('plan.pdf');
  await pdf.saveAs(out);
  execFileSync('qpdf', ['--check', out]);
  const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('Deployment plan');
  expect(flat).toContain(step.split(' ').slice(0, 6).join(' '));
  expect(flat).toContain(path);
  expect(flat).toContain('Checklist, in order');
  await expect(page.getByRole('status').filter({ hasText: 'Plan PDF ready' })).toBeVisible();
});

test('a garbage address opens the chooser with the notes and the nearest valid plan', async ({
  page
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(
    '/plan/?hosting=vps&web=ngnix&app=%3Cscript%3Ealert(1)%3C/script%3E&db=%F0%9F%99%82&zzz=1&framework=django&framework=flask'
  );
  const notes = page.getByRole('alert');
  await expect(notes).toContainText('We changed the plan the address asked for');
  await expect(notes).toContainText("'ngnix' is not a web server we know; using nginx");
  await expect(notes).toContainText("'zzz'");
  await expect(radio(page, 'Web server', /^nginx/)).toBeChecked();
  await expect(radio(page, 'WSGI or ASGI server', /^Gunicorn/)).toBeChecked();
  await expect(page).toHaveURL(/\/plan\/\?hosting=vps&web=nginx&app=gunicorn&framework=django/);
  await expect(page.locator('script', { hasText: 'alert(1)' })).toHaveCount(0);
  await expect(checklist(page).locator('li').first()).toBeVisible();
  expect(errors).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const)
  test(`axe: the planner with a plan chosen and with notes (${colorScheme})`, async ({ page }) => {
    // The whole map is on the page: axe takes a while on a busy machine.
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    for (const path of ['/plan/?hosting=paas', '/plan/?hosting=vps&web=ngnix']) {
      await page.goto(path);
      await expect(checklist(page).locator('li').first()).toBeVisible();
      expect(await seriousViolations(page, path)).toEqual([]);
    }
  });

test('the map has a Plan button that opens the planner', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Plan my deployment' }).click();
  await expect(page).toHaveURL(/\/plan\/\?hosting=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Plan my deployment' })).toBeVisible();
  await expect(radio(page, 'Hosting', /^A virtual private server/)).toBeChecked();
});

test('without JavaScript /plan/ shows the ready-made plans, each with its lit map, checklist and files', async ({
  browser
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/plan/');
  const plans = page.locator('section.plan-ready');
  expect(await plans.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('heading', { level: 2, name: /Django on a server/ })).toBeVisible();
  const first = plans.first();
  // The static map names what it lights, and its styles are there (no black boxes).
  const drawing = first.getByRole('img', { name: /^Map with .*Nginx/i });
  await expect(drawing).toBeVisible();
  const fill = await first
    .locator('rect.step-node')
    .first()
    .evaluate((el) => getComputedStyle(el).fill);
  expect(fill).not.toBe('rgb(0, 0, 0)');
  await expect(first.locator('.plan-checklist li').first()).toBeVisible();
  await expect(first.locator('.plan-checklist a').first()).toHaveAttribute(
    'href',
    /\/topics\/[a-z0-9-]+\/$/
  );
  // Files are there to open, each with a download link that needs no script.
  await first.getByText(/^Files \(\d+\)/).click();
  const link = first.locator('a.plan-download').first();
  await expect(link).toHaveAttribute('download', /.+/);
  await expect(link).toHaveAttribute('href', /^data:application\/octet-stream;charset=utf-8,/);
  await context.close();
});
