import { expect, test } from '@playwright/test';
import { stepsOf } from '../support/tourSteps.ts';

test('the Embed button gives iframe code for the current view, and the embed shows it', async ({
  page,
  baseURL
}) => {
  await page.goto('/');
  const map = page.getByRole('group', { name: /^Deployment map\./ });
  await map.getByRole('link', { name: 'Nginx', exact: true }).focus();
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this map' });
  await expect(dialog).toBeVisible();
  const code = dialog.getByRole('textbox', { name: 'Embed code' });
  await expect(code).toHaveValue(
    new RegExp(`^<iframe src="${baseURL}/embed/\\?focus=nginx(&amp;theme=(dark|light))?" `)
  );
  await dialog.getByRole('checkbox', { name: 'Show the bar with the link to this site' }).uncheck();
  await expect(code).toHaveValue(/controls=0" /);
  await expect(code).toHaveValue(new RegExp(`<a href="${baseURL}/">Open the Deployment Map</a>`));
  await dialog.getByRole('checkbox', { name: 'Focus on Nginx' }).uncheck();
  await expect(code).toHaveValue(
    new RegExp(`src="${baseURL}/embed/\\?(theme=\\w+&amp;)?controls=0"`)
  );

  await page.goto('/embed/?focus=nginx&theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('a[data-slug="nginx"]')).toHaveAttribute('data-lit', '');
  await expect(page.getByRole('banner')).toHaveCount(0);
  const bar = page.getByRole('navigation', { name: 'Embedded map' });
  await bar.getByRole('button', { name: 'Whole map' }).click();
  await expect(bar.getByRole('button', { name: 'Around Nginx' })).toBeVisible();
});

test('with a tour open, the Embed code opens the embed at that tour step', async ({
  page,
  baseURL
}) => {
  const fourth = stepsOf('follow-a-request')[3];
  await page.goto('/?tour=follow-a-request&step=3');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByRole('heading', { level: 2, name: fourth.title })).toBeVisible();
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this map' });
  const code = dialog.getByRole('textbox', { name: 'Embed code' });
  await expect(code).toHaveValue(
    new RegExp(`src="${baseURL}/embed/\\?tour=follow-a-request&amp;step=4(&amp;theme=\\w+)?"`)
  );
  const preview = await dialog
    .getByRole('link', { name: 'Preview the embed' })
    .getAttribute('href');
  const tourStep = dialog.getByRole('checkbox', {
    name: 'The tour step: Follow a request, step 4'
  });
  await tourStep.uncheck();
  await expect(code).not.toHaveValue(/tour=/);

  // The previewed address shows that step, lit, in the embed.
  await page.goto(preview!);
  await expect(page.getByRole('region', { name: fourth.title })).toContainText('Step 4 of 9');
  for (const slug of fourth.topics)
    await expect(page.locator(`a[data-slug="${slug}"]`), slug).toHaveAttribute('data-lit', '');
});
