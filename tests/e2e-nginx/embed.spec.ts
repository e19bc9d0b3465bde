import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { get } from './http.ts';
import { NGINX_PORT } from './servers.ts';
import { stepsOf } from '../support/tourSteps.ts';

// The embedded map on another site's page: nginx lets /embed/ (only) be framed by any
// origin, and the full site refuses to be framed. The host page is served from a second
// loopback port, so the frame is cross-origin as it is on a course page.
const origin = `http://127.0.0.1:${NGINX_PORT}`;
const HOST_PORT = Number(process.env.EMBED_HOST_PORT ?? 5320);

const frameAncestors = (header: unknown) => /frame-ancestors ([^;]+)/.exec(String(header))?.[1];

test('only /embed/ may be framed: frame-ancestors and X-Frame-Options per path', async () => {
  for (const path of ['/embed/', '/embed', '/embed/?focus=nginx&controls=0']) {
    const res = await get(origin + path);
    expect(res.status, path).toBe(200);
    expect(frameAncestors(res.headers['content-security-policy']), path).toBe('*');
    expect(res.headers['x-frame-options'], path).toBeUndefined();
    // The rest of the policy is the site's: no inline script, nothing from elsewhere.
    expect(String(res.headers['content-security-policy']), path).toContain("script-src 'self'");
  }
  for (const path of [
    '/',
    '/topics/nginx/',
    '/embed/no-such-page',
    '/deployment-map.pdf',
    '/theme.js'
  ]) {
    const res = await get(origin + path);
    expect(frameAncestors(res.headers['content-security-policy']), path).toBe("'none'");
    expect(res.headers['x-frame-options'], path).toBe('DENY');
  }
});

let host: Server;
test.beforeAll(async () => {
  host = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '/embed/';
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>A course page</title><h1>Week 3: deployment</h1>
<iframe src="${origin}${src.replace(/"/g, '')}" title="Deployment map" width="900" height="560"></iframe>`);
  });
  await new Promise<void>((r) => host.listen(HOST_PORT, '127.0.0.1', r));
});
test.afterAll(() => new Promise<void>((r) => host.close(() => r())));

test("the embed works inside another site's iframe and its links open the full site in a new tab", async ({
  page,
  context
}) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const port = (host.address() as AddressInfo).port;
  await page.goto(
    `http://127.0.0.1:${port}/?src=${encodeURIComponent('/embed/?focus=wsgi-servers&controls=0')}`
  );
  const frame = page.frameLocator('iframe[title="Deployment map"]');
  const map = frame.getByRole('group', { name: /^The deployment map, around WSGI servers\./ });
  await expect(map).toBeVisible();
  // Hydrated with the options: the focus's neighbourhood is lit, the bar is hidden.
  await expect(map.locator('a[data-slug="wsgi-servers"]')).toHaveAttribute('data-lit', '');
  await expect(map.locator('a[data-slug="gunicorn"]')).toHaveAttribute('data-lit', '');
  await expect(frame.getByRole('navigation', { name: 'Embedded map' })).toHaveCount(0);
  // No site chrome inside the frame.
  await expect(frame.getByRole('link', { name: 'Deployment Map', exact: true })).toHaveCount(0);

  const link = map.getByRole('link', { name: 'Gunicorn', exact: true });
  await expect(link).toHaveAttribute('target', '_blank');
  const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await popup.waitForLoadState();
  expect(popup.url()).toBe(`${origin}/topics/gunicorn/`);
  await expect(popup.getByRole('heading', { level: 1, name: 'Gunicorn' })).toBeVisible();
  // The host page itself did not navigate.
  expect(page.url()).toContain(`127.0.0.1:${port}/`);
  expect(errors).toEqual([]);
});

test('with its bar, the embed links back to the full site; the full site refuses to be framed', async ({
  page
}) => {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  const port = (host.address() as AddressInfo).port;
  await page.goto(`http://127.0.0.1:${port}/?src=${encodeURIComponent('/embed/?focus=nginx')}`);
  const frame = page.frameLocator('iframe');
  const back = frame
    .getByRole('navigation', { name: 'Embedded map' })
    .getByRole('link', { name: /Nginx on the Deployment Map/ });
  await expect(back).toHaveAttribute('href', '/topics/nginx/');
  await expect(back).toHaveAttribute('target', '_blank');

  await page.goto(`http://127.0.0.1:${port}/?src=${encodeURIComponent('/')}`);
  await expect
    .poll(() => messages.some((m) => /frame-ancestors/.test(m) && m.includes(`${origin}/`)))
    .toBe(true);
  const inner = page.frames().find((f) => f !== page.mainFrame());
  expect(await inner?.getByRole('group', { name: /^Deployment map\./ }).count()).toBe(0);
});

test('an embedded tour step shows its words and lights its parts; previous and next walk it; links open the full site', async ({
  page,
  context
}) => {
  const steps = stepsOf('follow-a-request');
  const [third, fourth] = [steps[2], steps[3]];
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const port = (host.address() as AddressInfo).port;
  await page.goto(
    `http://127.0.0.1:${port}/?src=${encodeURIComponent('/embed/?tour=follow-a-request&step=3')}`
  );
  const frame = page.frameLocator('iframe[title="Deployment map"]');
  const map = frame.getByRole('group', { name: /^The deployment map, the tour step lit\./ });
  const step = frame.getByRole('region', { name: third.title });
  await expect(step).toBeVisible();
  await expect(step).toContainText('Step 3 of 9');
  await expect(step).toContainText(third.text[0]);
  const lit = async (topics: string[], unlit: string[]) => {
    for (const slug of topics)
      await expect(map.locator(`a[data-slug="${slug}"]`), slug).toHaveAttribute('data-lit', '');
    for (const slug of unlit)
      await expect(map.locator(`a[data-slug="${slug}"]`), slug).not.toHaveAttribute('data-lit');
  };
  await lit([...third.topics, ...third.arrows.flat()], ['gunicorn', 'databases']);
  // The view is cropped to the step's parts, not the whole drawing.
  expect(await map.getAttribute('viewBox')).not.toMatch(/^0 0 /);
  // The page around the frame keeps its focus: the embed takes none.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');

  await step.getByRole('button', { name: 'Next →' }).click();
  const next = frame.getByRole('region', { name: fourth.title });
  await expect(next).toContainText('Step 4 of 9');
  await expect(next).toContainText(fourth.text[0]);
  await lit([...fourth.topics, ...fourth.arrows.flat()], ['static-content', 'databases']);
  const inner = page.frames().find((f) => f !== page.mainFrame())!;
  expect(new URL(inner.url()).search).toBe('?tour=follow-a-request&step=4');
  const back = frame
    .getByRole('navigation', { name: 'Embedded map' })
    .getByRole('link', { name: /This tour on the Deployment Map/ });
  await expect(back).toHaveAttribute('href', '/?tour=follow-a-request&step=4');
  await next.getByRole('button', { name: '← Previous' }).click();
  await expect(step).toBeVisible();
  // The tour belongs to the site: no leaving or finishing inside someone else's page.
  await expect(frame.getByRole('button', { name: 'Leave the tour' })).toHaveCount(0);

  const link = step.getByRole('link', { name: 'Nginx', exact: true });
  await expect(link).toHaveAttribute('target', '_blank');
  const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await popup.waitForLoadState();
  expect(popup.url()).toBe(`${origin}/topics/nginx/`);
  const [tourPage] = await Promise.all([
    context.waitForEvent('page'),
    step.getByRole('link', { name: 'Follow a request' }).click()
  ]);
  await tourPage.waitForLoadState();
  expect(tourPage.url()).toBe(`${origin}/tours/follow-a-request/`);
  expect(page.url()).toContain(`127.0.0.1:${port}/`);
  expect(errors).toEqual([]);
});

test('with controls=0 an embedded tour step shows its words only', async ({ page }) => {
  const second = stepsOf('follow-a-request')[1];
  const port = (host.address() as AddressInfo).port;
  await page.goto(
    `http://127.0.0.1:${port}/?src=${encodeURIComponent('/embed/?tour=follow-a-request&step=2&controls=0')}`
  );
  const frame = page.frameLocator('iframe[title="Deployment map"]');
  const step = frame.getByRole('region', { name: second.title });
  await expect(step).toContainText(second.text[0]);
  for (const slug of second.topics)
    await expect(frame.locator(`a[data-slug="${slug}"]`), slug).toHaveAttribute('data-lit', '');
  await expect(frame.getByRole('button')).toHaveCount(0);
  await expect(step.getByText('On the map:')).toHaveCount(0);
  await expect(frame.getByRole('navigation', { name: 'Embedded map' })).toHaveCount(0);
  // Arrow keys do not step a tour that shows no controls.
  await frame.locator('body').press('ArrowRight');
  await expect(step).toBeVisible();
});
