import fontkit from '@pdf-lib/fontkit';
import type { SiteData } from '../site/siteData.ts';
import { readFonts } from '../site/siteData.ts';
import { exportMapPdf, type ExportOptions } from './exportMapPdf.ts';

/** The site's public address, printed on the PDF and used for links to the web pages. */
export function siteUrl(): string {
  return process.env.SITE_URL ?? 'https://deployment-map.example.org/';
}

/** The complete PDF for a site (Node: build time, tests, benchmark). */
export function sitePdf(site: SiteData, options: Partial<ExportOptions> = {}): Promise<Uint8Array> {
  return exportMapPdf({
    layout: site.layout,
    topics: site.content.topics,
    groups: site.graph.groups,
    tours: site.tours,
    fonts: readFonts(),
    fontkit,
    siteUrl: siteUrl(),
    date: new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now()),
    ...options
  });
}
