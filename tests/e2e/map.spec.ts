import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const slugs = readdirSync('content').filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
test.use({ reducedMotion: 'reduce' });

const map = (page: Page) => page.getByRole('group', { name: /^Deployment map\./ });
const zoom = async (page: Page) => Number(await map(page).getAttribute('data-zoom'));
const focusedSlug = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-slug'));

test('every topic is a link on the map', async ({ page }) => {
  await page.goto('/');
  for (const slug of slugs) await expect(map(page).locator(`a[href="/topics/${slug}/"]`)).toHaveCount(1);
  expect(await map(page).getByRole('link').count()).toBe(slugs.length);
});

test('clicking "WSGI servers" on the map opens its page', async ({ page }) => {
  await page.goto('/');
  await map(page).getByRole('link', { name: 'WSGI servers', exact: true }).click();
  await expect(page).toHaveURL(/\/topics\/wsgi-servers\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'WSGI servers' })).toBeFocused();
});

test('Tab reaches the map nodes and Enter opens a topic', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Delivery and operations' }).focus();
  await page.keyboard.press('Tab');
  const slug = await focusedSlug(page);
  expect(slugs).toContain(slug);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/topics/${slug}/$`));
});

test('searching for "gunicorn" focuses that node and zooms to it', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search topics' });
  await box.fill('gunicorn');
  await expect(page.getByRole('option', { name: /Gunicorn/ }).first()).toBeVisible();
  await box.press('Enter');
  await expect.poll(() => focusedSlug(page)).toBe('gunicorn');
  expect(await zoom(page)).toBeGreaterThan(1);
  await expect(page.locator('[aria-live="polite"]')).toContainText('Gunicorn');
});

test('search covers prose, not only titles', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Search topics' }).fill('PEP 3333');
  await expect(page.getByRole('option', { name: /WSGI servers/ })).toBeVisible();
});

test('a deep link restores the focused topic', async ({ page }) => {
  await page.goto('/?focus=wsgi-servers');
  await expect.poll(() => focusedSlug(page)).toBe('wsgi-servers');
  expect(await zoom(page)).toBe(2);
});

test('zoom buttons and keys change the view; Fit resets it', async ({ page }) => {
  await page.goto('/');
  expect(await zoom(page)).toBe(1);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => zoom(page)).toBe(1.25);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => zoom(page)).toBe(1);
  await map(page).getByRole('link', { name: 'Databases', exact: true }).focus();
  await page.keyboard.press('+');
  await expect.poll(() => zoom(page)).toBe(1.25);
  await page.keyboard.press('0');
  await expect.poll(() => zoom(page)).toBe(1);
});

test('arrow keys follow connections and focus highlights neighbours', async ({ page }) => {
  await page.goto('/');
  await map(page).getByRole('link', { name: 'Web browsers', exact: true }).focus();
  await expect(page.locator('[aria-live="polite"]')).toContainText('Web browsers. Connected to');
  await expect(page.locator('[aria-live="polite"]')).toContainText('Web servers (access web app)');
  await expect(page.locator('[aria-live="polite"]')).not.toContainText('→');
  await expect(map(page).locator('a.node[data-slug="nginx"]')).toHaveCSS('opacity', '0.28');
  await expect(map(page).locator('a.node[data-slug="web-analytics"]')).toHaveCSS('opacity', '1');
  await expect(map(page).locator('a.node[data-slug="web-browsers"]')).toHaveCSS('opacity', '1');
  await page.keyboard.press('ArrowRight');
  const next = await focusedSlug(page);
  expect(next).toBeTruthy();
  expect(next).not.toBe('web-browsers');
});

test('the legend filters groups', async ({ page }) => {
  await page.goto('/');
  const clients = page.getByRole('button', { name: 'Clients' });
  await expect(clients).toHaveAttribute('aria-pressed', 'true');
  await clients.click();
  await expect(clients).toHaveAttribute('aria-pressed', 'false');
  await expect(map(page).locator('a.node[data-slug="web-browsers"]')).toHaveCSS('opacity', '0.28');
  await expect(map(page).locator('a.node[data-slug="nginx"]')).toHaveCSS('opacity', '1');
});

test('related links can be shown and hidden', async ({ page }) => {
  await page.goto('/');
  await expect(map(page).locator('.related-edge')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Related links' }).check();
  // Related links load on demand the first time they are shown.
  await expect(map(page).locator('.related-edge').first()).toBeAttached();
  expect(await map(page).locator('.related-edge').count()).toBeGreaterThan(20);
  await page.getByRole('checkbox', { name: 'Related links' }).uncheck();
  await expect(map(page).locator('.related-edge')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const)
  test(`axe finds no serious or critical violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ['/', '/topics/wsgi-servers/', '/topics/deployment/', '/topics/nope/']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    }
  });

test('the theme toggle switches to dark and remembers it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('the topic list gives large tap targets to every topic', async ({ page }) => {
    await page.goto('/');
    const list = page.getByRole('region', { name: 'All topics' });
    await expect(list.getByRole('link')).toHaveCount(slugs.length);
    const box = await list.getByRole('link', { name: 'Gunicorn' }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await list.getByRole('link', { name: 'Gunicorn' }).tap();
    await expect(page).toHaveURL(/\/topics\/gunicorn\/$/);
  });
});

test('keyboard focus pans an off-screen topic into view', async ({ page }) => {
  await page.goto('/');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => zoom(page)).toBeGreaterThan(2);
  const target = map(page).getByRole('link', { name: 'Content delivery networks', exact: true });
  const frame = (await map(page).boundingBox())!;
  const before = (await target.boundingBox())!;
  expect(before.x + before.width > frame.x + frame.width || before.y + before.height > frame.y + frame.height || before.x < frame.x || before.y < frame.y).toBe(true);
  await target.focus();
  await expect
    .poll(async () => {
      const frame = (await map(page).boundingBox())!;
      const b = (await target.boundingBox())!;
      return b.x >= frame.x && b.y >= frame.y && b.x + b.width <= frame.x + frame.width && b.y + b.height <= frame.y + frame.height;
    })
    .toBe(true);
});

test('level of detail: arrow labels are hidden only where they would be unreadable', async ({ page }) => {
  await page.setViewportSize({ width: 500, height: 800 });
  await page.goto('/');
  await expect(map(page).locator('.flow-label').first()).toBeHidden();
  await expect(map(page).getByRole('link', { name: 'Gunicorn', exact: true }).locator('text')).toBeVisible();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(map(page).locator('.flow-label').first()).toBeVisible();
});

test('a plain wheel scrolls the page; Ctrl + wheel zooms the map', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('/');
  const box = (await map(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 400);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(await zoom(page)).toBe(1);
  const after = (await map(page).boundingBox())!;
  await page.mouse.move(after.x + after.width / 2, Math.max(after.y, 0) + 40);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(() => zoom(page)).toBeGreaterThan(1);
});

test('keys do not reach the map while the help dialog is open', async ({ page }) => {
  await page.goto('/');
  await map(page).getByRole('link', { name: 'Databases', exact: true }).focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('+');
  expect(await zoom(page)).toBe(1);
});

test('Back to the map returns focus to the topic it came from', async ({ page }) => {
  await page.goto('/');
  await map(page).getByRole('link', { name: 'WSGI servers', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WSGI servers' })).toBeFocused();
  await page.getByRole('link', { name: /back to the map/i }).click();
  await expect.poll(() => focusedSlug(page)).toBe('wsgi-servers');
});

test('hovering highlights but does not speak; focus does', async ({ page }) => {
  await page.goto('/');
  await map(page).getByRole('link', { name: 'Databases', exact: true }).hover();
  await expect(map(page).locator('a.node[data-slug="nginx"]')).toHaveCSS('opacity', '0.28');
  await expect(page.locator('[aria-live="polite"]')).toHaveText('');
});
