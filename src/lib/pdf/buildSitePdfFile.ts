import { writeFileSync } from 'node:fs';
import { buildSiteData } from '../site/siteData.ts';
import { sitePdf } from './writeSitePdf.ts';

/** Writes the complete PDF for a content folder to `outFile`; returns its size in bytes. */
export async function buildSitePdfFile(contentDir: string, outFile: string): Promise<number> {
  const bytes = await sitePdf(await buildSiteData(contentDir));
  writeFileSync(outFile, bytes);
  return bytes.length;
}
