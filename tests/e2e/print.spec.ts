import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// The print style sheet, through Chromium's own print to PDF: a topic page without the
// site's chrome, links followed by their address, code wrapped; the map on one landscape page.
const tmp = mkdtempSync(join(tmpdir(), 'dm-print-'));

test('a topic page prints as a clean document: no header or controls, addresses shown, code wrapped', async ({ page }) => {
  await page.goto('/topics/wsgi-servers/');
  await expect(page.getByRole('heading', { level: 1, name: 'WSGI servers' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  for (const b of await page.getByRole('button').all()) await expect(b).toBeHidden();
  const pre = page.locator('.prose pre').first();
  await expect(pre).toHaveCSS('white-space', 'pre-wrap');
  const external = page.locator('.link-list a[href^="https://"]').first();
  const href = await external.getAttribute('href');
  expect(await external.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" <${href}>"`);

  const file = join(tmp, 'topic.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: false }));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('WSGI servers');
  for (const chrome of ['Skip to content', 'Download PDF', 'Dark theme', 'Mark as done', 'Copy']) expect(text).not.toContain(chrome);
  expect(text.replace(/\s+/g, '')).toContain(href!.replace(/\s+/g, ''));
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(tmp, 'topic')]);
  test.info().annotations.push({ type: 'pdf', description: file });
});


test('the map prints whole on one landscape page', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('svg.map-svg')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('region', { name: /topics/i }).first()).toBeHidden();
  const file = join(tmp, 'map.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/^Pages:\s+1$/m);
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  expect(Number(w)).toBeGreaterThan(Number(h));
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('Gunicorn');
  expect(text).not.toContain('Download PDF');
});
