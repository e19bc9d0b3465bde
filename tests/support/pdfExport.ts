import { execFileSync } from 'node:child_process';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Opens "Download PDF", lets `choose` set options in the dialog, clicks Create PDF, saves
 * the download, checks it with qpdf and returns its path and the dialog.
 */
export async function exportPdf(
  page: Page,
  info: TestInfo,
  name: string,
  choose?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>
) {
  await page.getByRole('link', { name: 'Download PDF' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download the map as a PDF' });
  await expect(dialog).toBeVisible();
  await choose?.(dialog);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Create PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('deployment-map.pdf');
  const file = info.outputPath(name);
  await download.saveAs(file);
  expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
    /No syntax or stream encoding errors/
  );
  return { file, dialog };
}
