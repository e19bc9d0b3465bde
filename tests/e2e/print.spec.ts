import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { stepsOf } from '../support/tourSteps.ts';

// The print style sheet, through Chromium's own print to PDF: a topic page without the
// site's chrome, links followed by their address, code wrapped; the map on one landscape page.
const tmp = mkdtempSync(join(tmpdir(), 'dm-print-'));

test('a topic page prints as a clean document: no header or controls, addresses shown, code wrapped', async ({
  page
}) => {
  await page.goto('/topics/wsgi-servers/');
  await expect(page.getByRole('heading', { level: 1, name: 'WSGI servers' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  for (const b of await page.getByRole('button').all()) await expect(b).toBeHidden();
  // The first code block: a keyboard-scrollable region named by nothing but its code.
  const code = page.getByRole('article').getByText('def application(environ, start_response):');
  await expect(code).toHaveCSS('white-space', 'pre-wrap');
  const external = page.getByRole('region', { name: 'Examples' }).getByRole('link').first();
  const href = await external.getAttribute('href');
  expect(href).toMatch(/^https:\/\//);
  expect(await external.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(
    `" <${href}>"`
  );

  const file = join(tmp, 'topic.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: false }));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain('WSGI servers');
  for (const chrome of ['Skip to content', 'Download PDF', 'Dark theme', 'Mark as done', 'Copy'])
    expect(text).not.toContain(chrome);
  expect(text.replace(/\s+/g, '')).toContain(href!.replace(/\s+/g, ''));
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(tmp, 'topic')]);
  test.info().annotations.push({ type: 'pdf', description: file });
});

test('a tour page prints as a clean document: every step with its map and words, no controls', async ({
  page
}) => {
  await page.goto('/tours/follow-a-request/');
  await expect(page.getByRole('heading', { level: 1, name: 'Follow a request' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  const file = join(tmp, 'tour.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: false }));
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, ' ');
  for (const step of stepsOf('follow-a-request')) {
    expect(flat).toContain(step.title);
    expect(flat).toContain(step.text[0].split(' ').slice(0, 8).join(' '));
  }
  for (const chrome of ['Skip to content', 'Download PDF', 'Dark theme'])
    expect(text).not.toContain(chrome);
  // The first step starts under the tour's title, not after a page left blank.
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  expect(first.replace(/\s+/g, ' ')).toContain(`Step 1: ${stepsOf('follow-a-request')[0].title}`);
  // Each step's static map is drawn: one per step, as vector drawings on the pages.
  expect(await page.getByRole('img', { name: /^Map with .* lit/ }).count()).toBe(
    stepsOf('follow-a-request').length
  );
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, join(tmp, 'tour')]);
  test.info().annotations.push({ type: 'pdf', description: file });
});

test('the map prints whole on one landscape page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('group', { name: /^Deployment map\./ })).toBeVisible();
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
