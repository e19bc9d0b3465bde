import { expect, test, type Page } from '@playwright/test';

// The map reads at its default view: every title and label large enough on screen, the
// whole drawing in view, and each flow arrow drawn as one group a reader (and a test)
// can follow from one topic to the other.
test.use({ reducedMotion: 'reduce' });

const map = (page: Page) => page.getByRole('group', { name: /^Deployment map\./ });

/** Rendered sizes (font size times the SVG's screen scale) of titles and labels, in CSS px. */
async function renderedSizes(page: Page) {
  return map(page).evaluate((svg) => {
    const size = (el: Element) =>
      parseFloat(getComputedStyle(el).fontSize) * (el as SVGGraphicsElement).getScreenCTM()!.a;
    const titles = [...svg.querySelectorAll('a[data-slug] text')].map(size);
    const labels = [...svg.querySelectorAll('g[data-from] text')].map(size);
    return {
      titles: Math.min(...titles),
      labels: Math.min(...labels),
      count: [titles.length, labels.length]
    };
  });
}

for (const [width, height] of [
  [1280, 800],
  [1440, 900]
])
  test(`at ${width}×${height} the whole map is in view and readable without zooming`, async ({
    page
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    const sizes = await renderedSizes(page);
    expect(sizes.count[0]).toBe(50);
    expect(sizes.titles).toBeGreaterThanOrEqual(11);
    expect(sizes.labels).toBeGreaterThanOrEqual(10);
    // The map's tools share the header row without covering the site's links.
    const tools = (await page.getByRole('button', { name: 'Keyboard shortcuts' }).boundingBox())!;
    const nav = (await page
      .getByRole('navigation', { name: 'Site' })
      .getByRole('link')
      .first()
      .boundingBox())!;
    expect(tools.x + tools.width).toBeLessThanOrEqual(nav.x);
    const view = page.viewportSize()!;
    for (const slug of [
      'mobile-apps',
      'deployment',
      'package-index',
      'servers',
      'configuration-management',
      'caching'
    ]) {
      const b = (await map(page).locator(`a[data-slug="${slug}"]`).boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(view.width);
      expect(b.y + b.height).toBeLessThanOrEqual(view.height);
    }
  });

test('each flow arrow is one group from topic to topic, holding its label', async ({ page }) => {
  await page.goto('/');
  const arrows = await map(page)
    .locator('g[data-from][data-to]')
    .evaluateAll((gs) =>
      gs.map((g) => ({
        from: g.getAttribute('data-from'),
        to: g.getAttribute('data-to'),
        twoWay: g.hasAttribute('data-two-way'),
        paths: g.querySelectorAll('path').length,
        text: [...g.querySelectorAll('text')].map((t) =>
          [...t.querySelectorAll('tspan')].map((s) => s.textContent!.trim()).join(' ')
        )
      }))
    );
  const find = (from: string, to: string) => arrows.find((a) => a.from === from && a.to === to);
  // A request and its response: one wire, both labels, heads at both ends.
  expect(find('web-browsers', 'web-servers')).toEqual({
    from: 'web-browsers',
    to: 'web-servers',
    twoWay: true,
    paths: 1,
    text: ['access web app', 'HTTP(S) responses']
  });
  expect(find('web-servers', 'web-browsers')).toBeUndefined();
  expect(find('web-servers', 'wsgi-servers')?.text).toEqual([
    'handle certain requests',
    'responses'
  ]);
  expect(find('wsgi-servers', 'web-apis')?.text).toEqual(['calls', 'responds']);
  // One way: one label, in the direction of the arrow.
  expect(find('continuous-integration', 'source-control')).toEqual({
    from: 'continuous-integration',
    to: 'source-control',
    twoWay: false,
    paths: 1,
    text: ['builds and tests']
  });
  expect(find('web-frameworks', 'source-control')?.text).toEqual([
    'retrieved from (app source code)'
  ]);
  const twoWay = arrows.filter((a) => a.twoWay).length;
  expect(arrows.length + twoWay).toBe(28);
  await expect(
    map(page).locator('g[data-from="web-browsers"][data-to="web-servers"] path')
  ).toHaveAttribute('marker-start', /url\(#/);
  // The request's path is the primary flow; supporting flows are not.
  const primary = await map(page)
    .locator('g[data-primary]')
    .evaluateAll((gs) =>
      gs.map((g) => `${g.getAttribute('data-from')}>${g.getAttribute('data-to')}`).sort()
    );
  expect(primary).toEqual(
    [
      'api-clients>web-servers',
      'mobile-apps>web-servers',
      'web-browsers>web-servers',
      'web-servers>wsgi-servers',
      'wsgi-servers>databases',
      'wsgi-servers>nosql-data-stores',
      'wsgi-servers>virtual-environments',
      'wsgi-servers>web-frameworks'
    ].sort()
  );
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the map reads at 11 px titles by scrolling the page, with large tap targets', async ({
    page
  }) => {
    await page.goto('/');
    await expect(map(page)).toHaveAttribute('data-composition', 'portrait');
    const sizes = await renderedSizes(page);
    expect(sizes.titles).toBeGreaterThanOrEqual(11);
    expect(sizes.labels).toBeGreaterThanOrEqual(10);
    const frame = (await map(page).boundingBox())!;
    expect(frame.width).toBeLessThanOrEqual(390);
    const targets = await map(page)
      .locator('a[data-slug]')
      .evaluateAll((as) =>
        as.map((a) => a.getBoundingClientRect()).map((r) => [r.width, r.height])
      );
    for (const [w, h] of targets) {
      expect(w).toBeGreaterThanOrEqual(24);
      expect(h).toBeGreaterThanOrEqual(24);
    }
    // A one-finger vertical drag over the map scrolls the page, it does not pan the map.
    const before = await page.evaluate(() => window.scrollY);
    // Where Nginx sits inside the map, read in one go (the page may still be scrolling).
    const offset = () =>
      map(page).evaluate((svg) => {
        const [n, f] = [
          svg.querySelector('a[data-slug="nginx"]')!.getBoundingClientRect(),
          svg.getBoundingClientRect()
        ];
        return [Math.round(n.x - f.x), Math.round(n.y - f.y)];
      });
    const inside = await offset();
    const cdp = await page.context().newCDPSession(page);
    const y = frame.y + 300;
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: 200, y }]
    });
    for (let i = 1; i <= 10; i++)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: 200, y: y - i * 30 }]
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 100);
    expect(await offset()).toEqual(inside);
  });
});
