import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });
const KEY = 'deployment-map:progress:v1';
const map = (page: Page) => page.getByRole('group', { name: /^Deployment map\./ });
/** A topic on the map, by its documented `data-slug`. */
const topic = (page: Page, slug: string) => map(page).locator(`a[data-slug="${slug}"]`);

test('mark a topic done on its page, reload, still done; the map shows it', async ({ page }) => {
  await page.goto('/topics/nginx/');
  await page.getByRole('radio', { name: 'Done' }).check();
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Done' })).toBeChecked();
  await page.goto('/');
  await expect(page.getByText('1 of 50 done')).toBeVisible();
  await expect(page.locator('a[data-slug="nginx"]')).toHaveAttribute('aria-label', 'Nginx (done)');
  await expect(page.locator('a[data-slug="nginx"] .status-badge')).toHaveCount(1);
});

test('keyboard shortcuts mark the focused node; ? opens the help', async ({ page }) => {
  await page.goto('/');
  const node = page.locator('a[data-slug="gunicorn"]');
  await node.focus();
  await page.keyboard.press('l');
  await expect(node).toHaveAttribute('data-status', 'learning');
  await page.keyboard.press('d');
  await expect(node).toHaveAttribute('data-status', 'done');
  await page.keyboard.press('x');
  await expect(node).not.toHaveAttribute('data-status');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('corrupted stored progress: the app loads, keeps a copy to download and says it reset', async ({
  page
}) => {
  const corrupt = '{"format":"deployment-map-progress","version":1,"topics":';
  await page.goto('/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, corrupt]);
  await page.reload();
  await expect(
    page.getByText(/Saved progress could not be read \(it is not valid JSON\)\. A copy was kept/)
  ).toBeVisible();
  await expect(page.getByText('0 of 50 done')).toBeVisible();
  await expect(page.getByRole('group', { name: /^Deployment map\./ })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the unreadable copy' }).click();
  const copy = await (await downloading).path();
  expect(readFileSync(copy, 'utf8')).toBe(corrupt);
  await page.getByRole('button', { name: 'Discard it' }).click();
  await expect(page.getByRole('button', { name: 'Download the unreadable copy' })).toHaveCount(0);
});

test('two tabs keep both marks, and each shows the other one’s', async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await a.goto('/');
  await b.goto('/topics/caddy/');
  await expect(b.getByRole('radio', { name: 'Done' })).toBeEnabled();
  // Tab A marks Nginx done from the map; tab B, loaded before that, marks Caddy done.
  await a
    .getByRole('group', { name: /^Deployment map\./ })
    .locator('a[data-slug="nginx"]')
    .hover();
  await a.getByRole('group', { name: 'Mark Nginx' }).getByRole('button', { name: 'Done' }).click();
  await b.getByRole('radio', { name: 'Done' }).check();
  const stored = await b.evaluate((k) => JSON.parse(localStorage.getItem(k)!).topics, KEY);
  expect(stored).toEqual({ caddy: 'done', nginx: 'done' });
  // The storage event brings B's mark into A without a reload.
  await expect(a.getByText('2 of 50 done')).toBeVisible();
  await expect(
    a.getByRole('group', { name: /^Deployment map\./ }).locator('a[data-slug="caddy"]')
  ).toHaveAttribute('data-status', 'done');
  await b.goto('/');
  await expect(b.getByText('2 of 50 done')).toBeVisible();
});

test('progress from a newer version survives a load, is shown, and is never overwritten', async ({
  page
}) => {
  const newer = JSON.stringify({
    format: 'deployment-map-progress',
    version: 2,
    topics: { nginx: 'done', caddy: { status: 'done', at: 'x' } },
    streak: 4
  });
  await page.goto('/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, newer]);
  await page.reload();
  await expect(
    page.getByText(/Your saved progress was written by a newer version of this site/)
  ).toBeVisible();
  await expect(page.getByText('1 of 50 done')).toBeVisible();
  await topic(page, 'flask').hover();
  const bar = page.getByRole('group', { name: 'Mark Flask' });
  await bar.getByRole('button', { name: 'Learning' }).click();
  await expect(bar.getByRole('alert')).toHaveText(
    /^Not saved: your saved progress was written by a newer version/
  );
  await page.goto('/topics/flask/');
  await expect(page.getByText(/Your saved progress was written by a newer version/)).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(newer);
});

test('a full storage is reported at the control the user used, not elsewhere', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/topics/nginx/');
  await page.getByRole('radio', { name: 'Done' }).click();
  const controls = page.getByRole('group', { name: 'Your progress on Nginx' });
  await expect(controls.getByRole('alert')).toHaveText(
    'Not saved: the browser’s storage for this site is full. Your progress is unchanged.'
  );
  await expect(page.getByRole('radio', { name: 'Not started' })).toBeChecked();
  await page.goto('/');
  await expect(page.getByText(/Not saved/)).toHaveCount(0);
  await topic(page, 'flask').hover();
  const bar = page.getByRole('group', { name: 'Mark Flask' });
  await bar.getByRole('button', { name: 'Done' }).click();
  await expect(bar.getByRole('alert')).toHaveText(
    /^Not saved: the browser’s storage for this site is full/
  );
  await expect(topic(page, 'flask')).not.toHaveAttribute('data-status');
  // A keyboard mark on the focused node is spoken as not saved, not as done.
  await topic(page, 'flask').focus();
  await page.keyboard.press('d');
  await expect(page.locator('[aria-live="polite"]')).toHaveText(
    'Flask: not saved, the browser’s storage for this site is full.'
  );
});

test('export then import round-trips; a malformed import changes nothing', async ({
  page
}, info) => {
  await page.goto('/');
  await page.evaluate(
    (k) =>
      localStorage.setItem(
        k,
        JSON.stringify({
          format: 'deployment-map-progress',
          version: 1,
          exportedAt: 'x',
          topics: { nginx: 'done', caddy: 'skipped', 'removed-topic': 'done' }
        })
      ),
    KEY
  );
  await page.reload();
  await expect(page.getByText('1 of 50 done')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = info.outputPath('progress.json');
  await (await downloading).saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.topics).toEqual({ caddy: 'skipped', nginx: 'done', 'removed-topic': 'done' });

  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  await page.reload();
  await expect(page.getByText('0 of 50 done')).toBeVisible();

  const bad = info.outputPath('bad.json');
  writeFileSync(bad, '["not", "progress"]');
  await page.getByLabel('Import progress…').setInputFiles(bad);
  await expect(page.getByText(/“bad\.json” was not imported/)).toBeVisible();
  await expect(page.getByText('0 of 50 done')).toBeVisible();

  const empty = info.outputPath('empty.json');
  writeFileSync(empty, '');
  await page.getByLabel('Import progress…').setInputFiles(empty);
  await expect(
    page.getByText('“empty.json” was not imported: the file is empty. Your progress is unchanged.')
  ).toBeVisible();

  await page.getByLabel('Import progress…').setInputFiles(file);
  await expect(page.getByText('Imported progress for 3 topics.')).toBeVisible();
  await expect(page.getByText('1 of 50 done')).toBeVisible();
  await page.reload();
  await expect(page.getByText('1 of 50 done')).toBeVisible();
});

test("the learning path's next and previous links walk the checklist in order", async ({
  page
}) => {
  const order = [
    'platform-as-a-service',
    'servers',
    'operating-systems',
    'web-servers',
    'wsgi-servers'
  ];
  await page.goto(`/topics/${order[0]}/`);
  for (const slug of order.slice(1)) {
    await page
      .getByRole('navigation', { name: 'Learning path' })
      .getByRole('link', { name: /Next step/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/topics/${slug}/$`));
  }
  await expect(page.getByRole('link', { name: /Next step/ })).toHaveCount(0);
  for (const slug of [...order].reverse().slice(1)) {
    await page.getByRole('link', { name: /Previous step/ }).click();
    await expect(page).toHaveURL(new RegExp(`/topics/${slug}/$`));
  }
});

test('the hub lists the learning path with progress, and the map numbers it', async ({ page }) => {
  await page.goto('/topics/servers/');
  await page.getByRole('radio', { name: 'Done' }).check();
  await page.goto('/topics/deployment/');
  const path = page.getByRole('region', { name: 'Your progress on the learning path' });
  await expect(path.getByRole('listitem')).toHaveCount(3);
  await expect(path.getByRole('listitem').nth(1)).toContainText('Servers (Done)');
  await page.goto('/');
  await page.getByText('Show', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Learning path' }).check();
  await expect(topic(page, 'platform-as-a-service')).toHaveAttribute(
    'aria-label',
    /learning path step 1$/
  );
  // Every step of the path is named and drawn: its label shows on the topic.
  const steps = map(page).getByRole('link', { name: /, learning path step \w+$/ });
  await expect(steps).toHaveCount(5);
  for (const link of await steps.all()) {
    const label = /learning path step (\w+)$/.exec((await link.getAttribute('aria-label'))!)![1];
    await expect(link.getByText(label, { exact: true })).toBeVisible();
  }
});

test('"only what is left" fades done topics', async ({ page }) => {
  await page.goto('/topics/caddy/');
  await page.getByRole('radio', { name: 'Done' }).check();
  await page.goto('/');
  await page.getByText('Show', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Only what is left' }).check();
  await expect(topic(page, 'caddy')).toHaveAttribute('data-faded', '');
  await expect(topic(page, 'nginx')).not.toHaveAttribute('data-faded');
  // Faded as a reader sees it: clearly lighter than a topic still to learn.
  const opacity = (slug: string) =>
    topic(page, slug).evaluate((el) => Number(getComputedStyle(el).opacity));
  expect(await opacity('caddy')).toBeLessThan(0.6);
  expect(await opacity('nginx')).toBe(1);
});

test('a skipped topic shows a visible hatch pattern, not colour alone', async ({ page }) => {
  await page.goto('/topics/caddy/');
  await page.getByRole('radio', { name: 'Skipped' }).check();
  await page.goto('/');
  await expect(topic(page, 'caddy')).toHaveAttribute('data-status', 'skipped');
  // A shape filled with a pattern of stroked lines lies over the skipped topic only.
  const hatch = (slug: string) => topic(page, slug).locator('[fill^="url(#"]');
  await expect(hatch('caddy')).toHaveCount(1);
  await expect(hatch('nginx')).toHaveCount(0);
  const stroke = await hatch('caddy').evaluate((el) => {
    const id = /url\(#([^)]+)\)/.exec(el.getAttribute('fill')!)![1];
    const line = document.getElementById(id)!.querySelector('line, path')!;
    return getComputedStyle(line).stroke;
  });
  expect(stroke).not.toBe('none');
  expect(stroke).toMatch(/^rgb/);
});

test('pointer users mark a topic from the map with the mark bar', async ({ page }) => {
  await page.goto('/');
  await topic(page, 'flask').hover();
  const bar = page.getByRole('group', { name: 'Mark Flask' });
  await bar.getByRole('button', { name: 'Learning' }).click();
  await expect(topic(page, 'flask')).toHaveAttribute('data-status', 'learning');
  await expect(bar.getByRole('button', { name: 'Learning' })).toHaveAttribute(
    'aria-pressed',
    'true'
  );
  await bar.getByRole('button', { name: 'Clear' }).click();
  await expect(topic(page, 'flask')).not.toHaveAttribute('data-status');
});
