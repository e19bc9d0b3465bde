import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../support/axe.ts';

const slugs = readdirSync('content')
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.replace(/\.md$/, ''));
test.use({ reducedMotion: 'reduce' });

const map = (page: Page) => page.getByRole('group', { name: /^Deployment map\./ });
const focusedSlug = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-slug'));
/** Distance on screen between two topics' centres, in CSS px: how far the map is zoomed, as a user sees it. */
const widthOf = async (page: Page, slug: string) => {
  const a = (await map(page).locator(`a[data-slug="${slug}"]`).boundingBox())!;
  const b = (await map(page).locator('a[data-slug="mobile-apps"]').boundingBox())!;
  return Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2);
};
/** The map's zoom relative to its fitted view, read from a topic's rendered width. */
async function zoomOf(page: Page, fitted: number) {
  return Math.round(((await widthOf(page, 'databases')) / fitted) * 100) / 100;
}
/** Opens the "Show" menu (view options and the group legend) unless it is open. */
async function openShow(page: Page) {
  if (!(await page.getByRole('checkbox', { name: /Related links/ }).isVisible()))
    await page.getByText('Show', { exact: true }).click();
}

test('every topic is a link on the map', async ({ page }) => {
  await page.goto('/');
  for (const slug of slugs)
    await expect(map(page).locator(`a[data-slug="${slug}"]`)).toHaveAttribute(
      'href',
      `/topics/${slug}/`
    );
  expect(await map(page).locator('a[data-slug]').count()).toBe(slugs.length);
  // The only other link is the opening line's way in.
  await expect(map(page).getByRole('link', { name: /Start with Deployment/ })).toHaveAttribute(
    'href',
    '/topics/deployment/'
  );
});

test('clicking "WSGI servers" on the map opens its page', async ({ page }) => {
  await page.goto('/');
  await map(page).getByRole('link', { name: 'WSGI servers', exact: true }).click();
  await expect(page).toHaveURL(/\/topics\/wsgi-servers\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'WSGI servers' })).toBeFocused();
});

test('Tab follows reading order, region by region, and Enter opens a topic', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).focus();
  await page.keyboard.press('Tab');
  await expect(map(page).getByRole('link', { name: /Start with Deployment/ })).toBeFocused();
  const order: string[] = [];
  for (let i = 0; i < slugs.length; i++) {
    await page.keyboard.press('Tab');
    order.push((await focusedSlug(page)) ?? '');
  }
  expect(order.slice(0, 3)).toEqual(['mobile-apps', 'api-clients', 'web-browsers']);
  expect([...order].sort()).toEqual([...slugs].sort());
  // Regions come one after another: once a region is left, none of its topics follow.
  // A topic's region: the outermost named group inside the map that holds it.
  const regionOf = async (slug: string) =>
    map(page)
      .locator(`a[data-slug="${slug}"]`)
      .evaluate((a) => {
        let region: Element | null = null;
        for (
          let g = a.parentElement?.closest('[role="group"]');
          g && g.tagName !== 'svg';
          g = g.parentElement?.closest('[role="group"]')
        )
          region = g;
        return region?.getAttribute('aria-label');
      });
  const regions: string[] = [];
  for (const slug of order) {
    const r = (await regionOf(slug))!;
    if (regions[regions.length - 1] !== r) regions.push(r);
  }
  expect(regions).toEqual([
    'Clients',
    'Start here',
    'Hosted services (the Internet)',
    'Your web app deployment',
    'Delivery and operations'
  ]);
  await map(page).getByRole('link', { name: 'Gunicorn', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/topics\/gunicorn\/$/);
});

test('searching for "gunicorn" focuses that node and zooms to it', async ({ page }) => {
  await page.goto('/');
  const fitted = await widthOf(page, 'databases');
  await page.keyboard.press('/');
  const box = page.getByRole('combobox', { name: 'Search topics' });
  await expect(box).toBeFocused();
  await box.fill('gunicorn');
  await expect(page.getByRole('option', { name: /Gunicorn/ }).first()).toBeVisible();
  await box.press('Enter');
  await expect.poll(() => focusedSlug(page)).toBe('gunicorn');
  await expect.poll(() => zoomOf(page, fitted)).toBeGreaterThan(1.5);
  await expect(page.locator('[aria-live="polite"]')).toContainText('Gunicorn');
});

test('leaving the search box and coming straight back keeps the new results open', async ({
  page
}) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search topics' });
  await box.fill('nginx');
  await expect(page.getByRole('option', { name: /Nginx/ }).first()).toBeVisible();
  // Away to a map node and back to type, all within the list's closing delay.
  await page.evaluate(() => {
    document.querySelector<HTMLElement>('.map-svg a[data-slug="nginx"]')!.focus();
    const input = document.querySelector<HTMLInputElement>('#map-search')!;
    input.focus();
    input.value = 'wsgi';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.getByRole('option', { name: /WSGI servers/ }).first()).toBeVisible();
  // Well past the delay, the list is still open for the box that has focus.
  await page.waitForTimeout(400);
  await expect(box).toBeFocused();
  await expect(page.getByRole('listbox', { name: 'Matching topics' })).toBeVisible();
  // Leaving for good still closes it.
  await box.press('Tab');
  await expect(page.getByRole('listbox', { name: 'Matching topics' })).toBeHidden();
});

for (const [width, height] of [
  [1280, 800],
  [390, 844]
] as const)
  test(`search results read whole at ${width}×${height}: titles in full, summaries wrapped`, async ({
    page
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Search topics' }).fill('server');
    const list = page.getByRole('listbox', { name: 'Matching topics' });
    const first = page.getByRole('option', { name: /Apache HTTP Server/ });
    await expect(first).toBeVisible();
    const frame = (await list.boundingBox())!;
    // Inside the window, and wide enough for a title and a line of summary.
    expect(frame.x).toBeGreaterThanOrEqual(0);
    expect(frame.x + frame.width).toBeLessThanOrEqual(width);
    expect(frame.width).toBeGreaterThanOrEqual(Math.min(400, width - 24));
    const fit = await first.evaluate((li) =>
      [...li.children].map((c) => ({
        text: c.textContent,
        // Wider than its own box, or than the option it is in: part of it hidden sideways.
        cut:
          c.scrollWidth > c.clientWidth + 1 ||
          c.getBoundingClientRect().right > li.getBoundingClientRect().right + 1,
        lines: Math.round(
          c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight)
        )
      }))
    );
    expect(fit[0]).toMatchObject({ text: 'Apache HTTP Server', cut: false, lines: 1 });
    // The summary wraps (no part of a line hidden sideways), at most two lines.
    expect(fit[1].cut).toBe(false);
    expect(fit[1].lines).toBeGreaterThanOrEqual(1);
    expect(fit[1].lines).toBeLessThanOrEqual(2);
  });

test('search covers prose, not only titles', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Search topics' }).fill('PEP 3333');
  await expect(page.getByRole('option', { name: /WSGI servers/ })).toBeVisible();
});

test('a deep link restores the focused topic, zoomed in on it', async ({ page }) => {
  await page.goto('/');
  const fitted = await widthOf(page, 'databases');
  await page.goto('/?focus=wsgi-servers');
  await expect.poll(() => focusedSlug(page)).toBe('wsgi-servers');
  await expect.poll(() => zoomOf(page, fitted)).toBe(2);
  const frame = (await map(page).boundingBox())!;
  const b = (await map(page).locator('a[data-slug="wsgi-servers"]').boundingBox())!;
  expect(Math.abs(b.x + b.width / 2 - (frame.x + frame.width / 2))).toBeLessThan(frame.width / 4);
});

test('zoom buttons and keys change the view; Fit resets it', async ({ page }) => {
  await page.goto('/');
  const fitted = await widthOf(page, 'databases');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => zoomOf(page, fitted)).toBe(1.25);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => zoomOf(page, fitted)).toBe(1);
  await map(page).getByRole('link', { name: 'Databases', exact: true }).focus();
  await page.keyboard.press('+');
  await expect.poll(() => zoomOf(page, fitted)).toBe(1.25);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(() => zoomOf(page, fitted)).toBe(0.8);
  await page.keyboard.press('0');
  await expect.poll(() => zoomOf(page, fitted)).toBe(1);
});

test('arrow keys follow connections in their direction; focus lights the neighbours', async ({
  page
}) => {
  await page.goto('/');
  const at = async (slug: string) => {
    const b = (await map(page).locator(`a[data-slug="${slug}"]`).boundingBox())!;
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  const joined = (a: string, b: string) =>
    map(page).locator(`g[data-from="${a}"][data-to="${b}"], g[data-from="${b}"][data-to="${a}"]`);
  await map(page).getByRole('link', { name: 'Web browsers', exact: true }).focus();
  const live = page.locator('[aria-live="polite"]');
  await expect(live).toContainText('Web browsers. Connected to');
  await expect(live).toContainText('Web servers (access web app)');
  await expect(live).not.toContainText('→');
  await expect(map(page).locator('a[data-slug="web-analytics"]')).toHaveAttribute('data-lit', '');
  await expect(map(page).locator('a[data-slug="nginx"]')).not.toHaveAttribute('data-lit');
  await expect(
    map(page).locator('g[data-from="web-browsers"][data-to="web-servers"]')
  ).toHaveAttribute('data-lit', '');
  await expect(
    map(page).locator('g[data-from="wsgi-servers"][data-to="databases"]')
  ).not.toHaveAttribute('data-lit');

  // Each key lands on one topic: joined to the start by a drawn wire and lying that way.
  // Where a closer topic lies that way but is not joined (`passed`), the key skips it.
  const cases: { from: string; key: string; to: string; passed?: string }[] = [
    {
      from: 'mobile-apps',
      key: 'ArrowRight',
      to: 'web-servers',
      passed: 'content-delivery-networks'
    },
    { from: 'logging', key: 'ArrowRight', to: 'wsgi-servers', passed: 'uwsgi' },
    { from: 'web-servers', key: 'ArrowDown', to: 'wsgi-servers' },
    { from: 'wsgi-servers', key: 'ArrowUp', to: 'web-servers' },
    { from: 'wsgi-servers', key: 'ArrowLeft', to: 'logging' },
    { from: 'static-content', key: 'ArrowLeft', to: 'web-servers' }
  ];
  const along = (key: string, a: { x: number; y: number }, b: { x: number; y: number }) =>
    ({ ArrowRight: b.x - a.x, ArrowLeft: a.x - b.x, ArrowDown: b.y - a.y, ArrowUp: a.y - b.y })[
      key
    ]!;
  for (const { from, key, to, passed } of cases) {
    const name = `${key} from ${from}`;
    await map(page).locator(`a[data-slug="${from}"]`).focus();
    await page.keyboard.press(key);
    expect(await focusedSlug(page), name).toBe(to);
    await expect(joined(from, to), `${name}: a wire joins them`).not.toHaveCount(0);
    expect(along(key, await at(from), await at(to)), `${name}: lies that way`).toBeGreaterThan(0);
    if (passed) {
      // The premise: the skipped topic is nearer that way and has no wire to the start.
      expect(
        along(key, await at(from), await at(passed)),
        `${name}: ${passed} lies that way`
      ).toBeGreaterThan(0);
      expect(
        Math.hypot(
          (await at(passed)).x - (await at(from)).x,
          (await at(passed)).y - (await at(from)).y
        )
      ).toBeLessThan(
        Math.hypot((await at(to)).x - (await at(from)).x, (await at(to)).y - (await at(from)).y)
      );
      await expect(joined(from, passed), `${name}: ${passed} is not joined`).toHaveCount(0);
    }
  }
});

test("hovering a tool lights its family and the family's arrows", async ({ page }) => {
  await page.goto('/');
  await map(page).getByRole('link', { name: 'Gunicorn', exact: true }).hover();
  await expect(map(page).locator('a[data-slug="wsgi-servers"]')).toHaveAttribute('data-lit', '');
  for (const to of ['databases', 'web-frameworks', 'logging'])
    await expect(map(page).locator(`g[data-from="wsgi-servers"][data-to="${to}"]`)).toHaveAttribute(
      'data-lit',
      ''
    );
  await expect(map(page).locator('a[data-slug="databases"]')).toHaveAttribute('data-lit', '');
  await expect(map(page).locator('a[data-slug="caddy"]')).not.toHaveAttribute('data-lit');
  await expect(
    map(page).locator('g[data-from="web-browsers"][data-to="web-analytics"]')
  ).not.toHaveAttribute('data-lit');
  await map(page).getByRole('link', { name: 'Nginx', exact: true }).hover();
  await expect(
    map(page).locator('g[data-from="web-servers"][data-to="static-content"]')
  ).toHaveAttribute('data-lit', '');
  await expect(map(page).locator('a[data-slug="web-servers"]')).toHaveAttribute('data-lit', '');
});

test('the legend filters groups', async ({ page }) => {
  await page.goto('/');
  await openShow(page);
  const clients = page.getByRole('button', { name: 'Clients' });
  await expect(clients).toHaveAttribute('aria-pressed', 'true');
  await clients.click();
  await expect(clients).toHaveAttribute('aria-pressed', 'false');
  await expect(map(page).locator('a[data-slug="web-browsers"]')).toHaveAttribute('data-faded', '');
  await expect(
    map(page).locator('g[data-from="web-browsers"][data-to="web-servers"]')
  ).toHaveAttribute('data-faded', '');
  await expect(map(page).locator('a[data-slug="nginx"]')).not.toHaveAttribute('data-faded');
  await expect(
    map(page).locator('g[data-from="web-servers"][data-to="wsgi-servers"]')
  ).not.toHaveAttribute('data-faded');
});

test('related links appear for the focused topic only, when asked for', async ({ page }) => {
  await page.goto('/');
  const related = map(page).locator('[data-related-of] path');
  await map(page).getByRole('link', { name: 'WSGI servers', exact: true }).focus();
  await expect(related).toHaveCount(0);
  await openShow(page);
  await page.getByRole('checkbox', { name: /Related links/ }).check();
  await map(page).getByRole('link', { name: 'WSGI servers', exact: true }).focus();
  // They load on demand the first time; then only WSGI servers' own are drawn.
  await expect(related.first()).toBeAttached();
  const ends = await related.evaluateAll((ps) =>
    ps.map((p) => [p.getAttribute('data-from'), p.getAttribute('data-to')])
  );
  expect(ends.length).toBeGreaterThanOrEqual(2);
  // Only its own: far fewer than all related links on the map.
  expect(ends.length).toBeLessThanOrEqual(25);
  for (const e of ends) expect(e).toContain('wsgi-servers');
  await map(page).getByRole('link', { name: 'Caddy', exact: true }).focus();
  const caddy = await related.evaluateAll((ps) =>
    ps.map((p) => [p.getAttribute('data-from'), p.getAttribute('data-to')])
  );
  for (const e of caddy) expect(e).toContain('caddy');
  await openShow(page);
  await page.getByRole('checkbox', { name: /Related links/ }).uncheck();
  await expect(related).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const)
  test(`axe finds no serious or critical violations (${colorScheme})`, async ({ page }) => {
    // axe over several pages takes most of the default 30 s on a loaded 2-core machine.
    test.slow();
    await page.emulateMedia({ colorScheme });
    for (const path of [
      '/',
      '/topics/wsgi-servers/',
      '/topics/nginx/',
      '/topics/deployment/',
      '/topics/nope/'
    ]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page, path)).toEqual([]);
    }
  });

test('the theme toggle switches to dark and remembers it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The state is shown, not only announced.
  // The word the button shows after its name (drawn by CSS, so read from its pseudo-element).
  const shown = () =>
    toggle.evaluate((b) =>
      [...b.querySelectorAll('*')]
        .map((e) => getComputedStyle(e, '::after').content)
        .find((c) => c !== 'none' && c !== 'normal')
    );
  expect(await shown()).toBe('"on"');
  await toggle.click();
  expect(await shown()).toBe('"off"');
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
  const fitted = await widthOf(page, 'databases');
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => zoomOf(page, fitted)).toBeGreaterThan(2);
  const target = map(page).getByRole('link', { name: 'Content delivery networks', exact: true });
  const frame = (await map(page).boundingBox())!;
  const before = (await target.boundingBox())!;
  expect(
    before.x + before.width > frame.x + frame.width ||
      before.y + before.height > frame.y + frame.height ||
      before.x < frame.x ||
      before.y < frame.y
  ).toBe(true);
  await target.focus();
  await expect
    .poll(async () => {
      const frame = (await map(page).boundingBox())!;
      const b = (await target.boundingBox())!;
      return (
        b.x >= frame.x &&
        b.y >= frame.y &&
        b.x + b.width <= frame.x + frame.width &&
        b.y + b.height <= frame.y + frame.height
      );
    })
    .toBe(true);
});

test('level of detail: arrow labels are hidden only where they would be unreadable', async ({
  page
}) => {
  await page.setViewportSize({ width: 700, height: 800 });
  await page.goto('/');
  const label = map(page)
    .locator('g[data-from="web-servers"][data-to="wsgi-servers"] text')
    .first();
  await expect(label).toBeVisible();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(label).toBeHidden();
  await expect(
    map(page).getByRole('link', { name: 'Gunicorn', exact: true }).locator('text')
  ).toBeVisible();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(label).toBeVisible();
});

test('a plain wheel scrolls the page; Ctrl + wheel zooms the map', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto('/');
  const fitted = await widthOf(page, 'databases');
  const box = (await map(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 400);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(await zoomOf(page, fitted)).toBe(1);
  const after = (await map(page).boundingBox())!;
  await page.mouse.move(after.x + after.width / 2, Math.max(after.y, 0) + 40);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(() => zoomOf(page, fitted)).toBeGreaterThan(1);
});

test('keys do not reach the map while the help dialog is open', async ({ page }) => {
  await page.goto('/');
  const fitted = await widthOf(page, 'databases');
  await map(page).getByRole('link', { name: 'Databases', exact: true }).focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Search topics');
  await expect(help).toContainText('Esc');
  await page.keyboard.press('+');
  expect(await zoomOf(page, fitted)).toBe(1);
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
  await expect(map(page).locator('a[data-slug="wsgi-servers"]')).toHaveAttribute('data-lit', '');
  await expect(map(page).locator('a[data-slug="nginx"]')).not.toHaveAttribute('data-lit');
  await expect(page.locator('[aria-live="polite"]')).toHaveText('');
});
