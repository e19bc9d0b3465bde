import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedSiteData } from '../site/siteData.ts';
import { PAGE_SIZES, pdfFileName, type PageSize } from './mapPlacement.ts';
import { sitePdf } from './writeSitePdf.ts';

/**
 * Writes the complete PDF for a content folder into `outDir`, once per page size
 * (`deployment-map.pdf` is A4); returns the size in bytes of each file by name.
 */
export async function buildSitePdfFiles(contentDir: string, outDir: string): Promise<Record<string, number>> {
  const site = await sharedSiteData(contentDir);
  const sizes: Record<string, number> = {};
  for (const pageSize of Object.keys(PAGE_SIZES) as PageSize[]) {
    const bytes = await sitePdf(site, { pageSize });
    writeFileSync(join(outDir, pdfFileName(pageSize)), bytes);
    sizes[pdfFileName(pageSize)] = bytes.length;
  }
  return sizes;
}
