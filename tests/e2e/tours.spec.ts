import { execFileSync } from 'node:child_process';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { stepsOf } from '../support/tourSteps.ts';
import { seriousViolations } from '../support/axe.ts';

test.use({ reducedMotion: 'reduce' });

const REQUEST = stepsOf('follow-a-request');
const map = (page: Page) => page.getByRole('group', { name: /^Deployment map\./ });
/** The open tour's panel: the region (named by its step's title) that counts the steps, not the page's region around it. */
const panel = (page: Page) =>
  page
    .getByRole('region')
    .filter({ has: page.getByText(/^Step \d+ of \d+$/) })
    .filter({ hasNot: page.getByRole('heading', { level: 1 }) });
const topic = (page: Page, slug: string) => map(page).locator(`a[data-slug="${slug}"]`);
/** The drawn wire of an arrow: its own, or the two-way wire it shares with its reply. */
const wire = (page: Page, [from, to]: [string, string]): Locator =>
  map(page).locator(
    `g[data-from="${from}"][data-to="${to}"], g[data-two-way][data-from="${to}"][data-to="${from}"]`
  );

/** Every topic and arrow of the step is lit, its arrows show the direction of travel, and nothing else is lit but their ends and family. */
async function expectLit(page: Page, step: { topics: string[]; arrows: [string, string][] }) {
  for (const slug of step.topics)
    await expect(topic(page, slug), slug).toHaveAttribute('data-lit', '');
  for (const arrow of step.arrows) {
    const w = wire(page, arrow);
    await expect(w, arrow.join(' → ')).toHaveAttribute('data-lit', '');
    const forward = (await w.getAttribute('data-from')) === arrow[0];
    await expect(w).toHaveAttribute('data-travel', forward ? /forward|both/ : /back|both/);
  }
  // No other wire is lit: as many lit wires as the step's arrows are drawn on.
  const wires = new Set<string>();
  for (const a of step.arrows)
    wires.add(
      `${await wire(page, a).getAttribute('data-from')}>${await wire(page, a).getAttribute('data-to')}`
    );
  await expect(map(page).locator('g[data-from][data-lit]')).toHaveCount(wires.size);
}

test('a new visitor starts "Follow a request" from the map and walks it to the end by keyboard alone', async ({
  page
}) => {
  await page.goto('/');
  const start = page.getByRole('link', { name: 'Start here: Follow a request' });
  await expect(start).toBeVisible();
  // Tab to the offer.
  for (let i = 0; i < 30 && !(await start.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');

  for (const [i, step] of REQUEST.entries()) {
    await expect(panel(page).getByText(`Step ${i + 1} of ${REQUEST.length}`)).toBeVisible();
    await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(step.title);
    await expect(page).toHaveURL(`/?tour=follow-a-request&step=${i + 1}`);
    await expect(page.locator('[aria-live="polite"]').first()).toContainText(
      `step ${i + 1} of ${REQUEST.length}: ${step.title}`
    );
    await expectLit(page, step);
    if (i < REQUEST.length - 1) await page.keyboard.press('ArrowRight');
  }
  // ← goes back a step, → forward again.
  await page.keyboard.press('ArrowLeft');
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(REQUEST.at(-2)!.title);
  await page.keyboard.press('ArrowRight');

  // Last step: ask for the topics to be marked as learning, then Finish, all by keyboard.
  const mark = page.getByRole('checkbox', { name: /Mark the \d+ topics of this tour as learning/ });
  for (let i = 0; i < 30 && !(await mark.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(mark).toBeChecked();
  const finish = page.getByRole('button', { name: 'Finish' });
  for (let i = 0; i < 5 && !(await finish.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(finish).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(panel(page)).toHaveCount(0);
  await expect(page).toHaveURL('/');
  await expect(map(page).locator('[data-lit]')).toHaveCount(0);
  for (const slug of new Set(REQUEST.flatMap((s) => s.topics)))
    await expect(topic(page, slug)).toHaveAttribute('data-status', 'learning');
  // A visitor who has taken a tour is no longer offered "Start here".
  await page.reload();
  await expect(page.getByRole('link', { name: 'Tour: Follow a request' })).toBeVisible();
});

test('Escape leaves the tour', async ({ page }) => {
  await page.goto('/?tour=follow-a-request&step=2');
  await expect(panel(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  await expect(page).toHaveURL('/');
});

test('a deep link opens step 3, lit', async ({ page }) => {
  await page.goto('/?tour=follow-a-request&step=3');
  await expect(panel(page).getByText(`Step 3 of ${REQUEST.length}`)).toBeVisible();
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(REQUEST[2].title);
  await expect(panel(page).getByRole('heading', { level: 2 })).toBeFocused();
  await expectLit(page, REQUEST[2]);
  // Unknown steps open the first (or last) step rather than failing.
  await page.goto('/?tour=follow-a-request&step=99');
  await expect(panel(page).getByText(`Step ${REQUEST.length} of ${REQUEST.length}`)).toBeVisible();
});

test('"break it" shows the failure and the symptom travelling back to the client', async ({
  page
}) => {
  const n = REQUEST.findIndex(
    (s) =>
      s.broken.includes('wsgi-servers') &&
      s.arrows.some(([f, t]) => f === 'web-servers' && t === 'wsgi-servers')
  );
  expect(n).toBeGreaterThanOrEqual(0);
  const step = REQUEST[n];
  await page.goto(`/?tour=follow-a-request&step=${n + 1}`);
  const toggle = panel(page).getByRole('button', { name: 'Break it' });
  await toggle.click();
  await expect(panel(page).getByRole('button', { name: 'Mend it' })).toHaveAttribute(
    'aria-pressed',
    'true'
  );
  await expect(panel(page).getByRole('group', { name: 'What breaks' })).toContainText(
    '502 Bad Gateway'
  );
  await expect(panel(page).getByRole('group', { name: 'What breaks' })).toContainText(
    'sudo systemctl status gunicorn'
  );
  for (const slug of step.broken)
    await expect(topic(page, slug)).toHaveAttribute('data-broken', '');
  await expectLit(page, { topics: step.broken, arrows: step.symptom });
  // The symptom runs towards the browser.
  expect(step.symptom.at(-1)![1]).toBe('web-browsers');
  await panel(page).getByRole('button', { name: 'Mend it' }).click();
  await expect(map(page).locator('[data-broken]')).toHaveCount(0);
});

test('reduced motion: the map jumps to each step and the travel dash stands still', async ({
  page
}) => {
  await page.goto('/?tour=follow-a-request&step=1');
  await expect(panel(page)).toBeVisible();
  const view = map(page).locator(':scope > g').first();
  await page.keyboard.press('ArrowRight');
  const at = await view.getAttribute('transform');
  await page.waitForTimeout(600);
  expect(await view.getAttribute('transform')).toBe(at);
  const edge = map(page).locator('g[data-travel] > path').first();
  expect(await edge.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  expect(await edge.evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
});

test.describe('with motion allowed', () => {
  test.use({ reducedMotion: 'no-preference' });
  test('lit arrows show a moving dash and the map glides to the step', async ({ page }) => {
    await page.goto('/?tour=follow-a-request&step=4');
    const edge = map(page).locator('g[data-travel] > path').first();
    await expect(edge).toBeVisible();
    expect(await edge.evaluate((el) => getComputedStyle(el).animationName)).toBe('flow-travel');
    const view = map(page).locator(':scope > g').first();
    await page.waitForTimeout(600);
    await page.keyboard.press('ArrowRight');
    const during = await view.getAttribute('transform');
    await page.waitForTimeout(700);
    expect(await view.getAttribute('transform')).not.toBe(during);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a tour page lists its steps in order, each with a static map of its lit parts', async ({
    page
  }) => {
    await page.goto('/tours/follow-a-request/');
    await expect(page.getByRole('heading', { level: 1, name: 'Follow a request' })).toBeVisible();
    const steps = page
      .getByRole('list')
      .filter({ has: page.getByRole('heading', { name: /^Step 1: / }) })
      .getByRole('listitem');
    await expect(steps).toHaveCount(REQUEST.length);
    for (const [i, step] of REQUEST.entries()) {
      const item = steps.nth(i);
      await expect(item.getByRole('heading', { level: 2 })).toHaveText(
        `Step ${i + 1}: ${step.title}`
      );
      const drawing = item.getByRole('img', { name: /^Map with / });
      for (const slug of step.topics)
        await expect(drawing.locator(`[data-slug="${slug}"]`), slug).toHaveAttribute(
          'data-lit',
          ''
        );
      // Only the step's topics and its arrows' ends are lit.
      const named = new Set([...step.topics, ...step.arrows.flat()]);
      await expect(drawing.locator('[data-slug][data-lit]')).toHaveCount(named.size);
      for (const [from, to] of step.arrows)
        await expect(
          drawing
            .locator(
              `path[data-lit][data-from="${from}"][data-to="${to}"], path[data-lit][data-from="${to}"][data-to="${from}"]`
            )
            .first()
        ).toBeAttached();
      await expect(item.getByRole('link', { name: 'Open this step on the map' })).toHaveAttribute(
        'href',
        `/?tour=follow-a-request&step=${i + 1}`
      );
      await expect(
        item.getByRole('region', { name: `What breaks at step ${i + 1}` })
      ).toBeVisible();
    }
    await page.getByRole('link', { name: 'All tours' }).first().click();
    await expect(page).toHaveURL('/tours/');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      'Follow a request',
      'From git push to live on a PaaS',
      'Your first server',
      'Ship with containers'
    ]);
  });

  test('the hub and the map lead to the tours', async ({ page }) => {
    await page.goto('/topics/deployment/');
    await expect(page.getByRole('heading', { name: 'Start here: guided tours' })).toBeVisible();
    for (const title of [
      'Follow a request',
      'From git push to live on a PaaS',
      'Your first server',
      'Ship with containers'
    ])
      await expect(page.getByRole('link', { name: title, exact: true })).toHaveAttribute(
        'href',
        /^\/tours\/[a-z-]+\/$/
      );
    await page.goto('/');
    await page.getByRole('link', { name: /^Tour: Follow a request/ }).click();
    await expect(page).toHaveURL('/tours/follow-a-request/');
  });
});

for (const colorScheme of ['light', 'dark'] as const)
  test(`axe: a tour step on the map, in the embed and a tour page (${colorScheme})`, async ({
    page
  }) => {
    // axe over several pages takes most of the default 30 s on a loaded 2-core machine.
    test.slow();
    await page.emulateMedia({ colorScheme });
    for (const path of [
      '/?tour=your-first-server&step=4',
      `/embed/?tour=your-first-server&step=4&theme=${colorScheme}`,
      '/tours/your-first-server/',
      '/tours/'
    ]) {
      await page.goto(path);
      if (path.includes('?')) {
        await expect(panel(page)).toBeVisible();
        await panel(page).getByRole('button', { name: 'Break it' }).click();
      }
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page, path)).toEqual([]);
    }
  });

test('the PDF export adds the tours, each step with its text, or leaves them out', async ({
  page
}, info) => {
  const pdfText = async (withTours: boolean) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Download PDF' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download the map as a PDF' });
    const tours = dialog.getByRole('checkbox', { name: /guided tours/ });
    await expect(tours).toBeChecked();
    if (!withTours) await tours.uncheck();
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Create PDF' }).click();
    const file = info.outputPath(`tours-${withTours}.pdf`);
    await (await downloading).saveAs(file);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };
  const text = await pdfText(true);
  for (const [i, step] of REQUEST.entries())
    expect(text).toContain(`Step ${i + 1} of ${REQUEST.length}: ${step.title}`);
  expect(text).toContain('Ship with containers');
  expect(await pdfText(false)).not.toContain('Step 1 of');
});
