import { expect, test } from '@playwright/test';

test('the Embed button gives iframe code for the current view, and the embed shows it', async ({ page, baseURL }) => {
  await page.goto('/');
  const map = page.getByRole('group', { name: /^Deployment map\./ });
  await map.getByRole('link', { name: 'Nginx', exact: true }).focus();
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this map' });
  await expect(dialog).toBeVisible();
  const code = dialog.getByRole('textbox', { name: 'Embed code' });
  await expect(code).toHaveValue(new RegExp(`^<iframe src="${baseURL}/embed/\\?focus=nginx(&amp;theme=(dark|light))?" `));
  await dialog.getByRole('checkbox', { name: 'Show the bar with the link to this site' }).uncheck();
  await expect(code).toHaveValue(/controls=0" /);
  await expect(code).toHaveValue(new RegExp(`<a href="${baseURL}/">Open the Deployment Map</a>`));
  await dialog.getByRole('checkbox', { name: 'Focus on Nginx' }).uncheck();
  await expect(code).toHaveValue(new RegExp(`src="${baseURL}/embed/\\?(theme=\\w+&amp;)?controls=0"`));

  await page.goto('/embed/?focus=nginx&theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('a[data-slug="nginx"]')).toHaveAttribute('data-lit', '');
  await expect(page.getByRole('banner')).toHaveCount(0);
  const bar = page.getByRole('navigation', { name: 'Embedded map' });
  await bar.getByRole('button', { name: 'Whole map' }).click();
  await expect(bar.getByRole('button', { name: 'Around Nginx' })).toBeVisible();
});
