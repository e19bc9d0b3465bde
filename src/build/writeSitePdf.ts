import fontkit from '@pdf-lib/fontkit';
import type { SiteData } from '../lib/site/siteData.ts';
import { readFonts } from '../lib/site/siteData.ts';
import { exportMapPdf, type ExportOptions } from '../lib/pdf/exportMapPdf.ts';

/**
 * The site's public address from `SITE_URL`, with a trailing slash, printed on the PDF and
 * used for links to the web pages, canonical URLs and the sitemap; undefined when unset
 * (never a made-up address). A value that is not an http(s) URL is an error.
 */
export function siteUrl(): string | undefined {
  const raw = process.env.SITE_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `SITE_URL: "${raw}" is not an absolute URL (for example https://map.example.org/)`
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`SITE_URL: "${raw}" must start with https:// or http://`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
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
    date: new Date(
      process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now()
    ),
    ...options
  });
}
