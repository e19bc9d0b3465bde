import { CARD } from '../card/shareCard.ts';
import { normaliseBase } from '../routes.ts';

/** What a built page says about itself to search engines, chats and social networks. */
export interface PageMeta {
  /** The page's path under the base, `''` for the map, `topics/nginx/`... */
  path: string;
  title: string;
  description: string;
  /** The card's path under the base (`cards/map.png`), and what it shows in words. */
  image: string;
  imageAlt: string;
  /** The public address with a trailing slash (SITE_URL), if known. */
  siteUrl?: string;
  base: string;
  /** Whether the page has a canonical address of its own (not the 404 page or the embed). */
  canonical: boolean;
}

const escapeAttr = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');

/** Decodes the few entities Svelte writes in a `<title>`. */
export function unescapeHtml(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39|#x27);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!
  );
}

/**
 * The `<head>` tags of a page: its canonical URL (when SITE_URL is known and the page is
 * one to index), Open Graph and Twitter card metadata with its 1200 × 630 preview image.
 * Without SITE_URL the image and page addresses stay relative to the site (crawlers need
 * absolute ones: set SITE_URL for production).
 */
export function pageMetaTags(m: PageMeta): string {
  const url = m.siteUrl && m.canonical ? new URL(m.path, m.siteUrl).href : undefined;
  const image = m.siteUrl ? new URL(m.image, m.siteUrl).href : `${m.base}${m.image}`;
  const tags: [string, string, string][] = [
    ['name', 'description', m.description],
    ['property', 'og:type', 'website'],
    ['property', 'og:site_name', 'Deployment Map'],
    ['property', 'og:title', m.title],
    ['property', 'og:description', m.description],
    ...(url ? [['property', 'og:url', url] as [string, string, string]] : []),
    ['property', 'og:image', image],
    ['property', 'og:image:width', String(CARD.width)],
    ['property', 'og:image:height', String(CARD.height)],
    ['property', 'og:image:alt', m.imageAlt],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', m.title],
    ['name', 'twitter:description', m.description],
    ['name', 'twitter:image', image],
    ['name', 'twitter:image:alt', m.imageAlt]
  ];
  const lines = tags.map(
    ([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeAttr(value)}" />`
  );
  if (url) lines.unshift(`<link rel="canonical" href="${escapeAttr(url)}" />`);
  return lines.join('\n    ');
}

/** sitemap.xml for the pages' absolute addresses. */
export function sitemapXml(urls: string[]): string {
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `  <url><loc>${esc(u)}</loc></url>`).join('\n')}\n</urlset>\n`;
}

/**
 * robots.txt, or why there is none. Crawlers read it only at an origin's root
 * (`https://example.org/robots.txt`), so a site at the root gets one (everything may be
 * crawled, and the sitemap's address when SITE_URL is known), while a site under a
 * sub-path (SITE_URL's path, else the base path) gets none: a `/map/robots.txt` is never
 * read. It gets a note instead, once, saying what to add to the root's robots.txt.
 */
export function robotsTxt(o: {
  siteUrl?: string;
  base: string;
}): { file: string } | { note: string } {
  const sitemap = o.siteUrl ? new URL('sitemap.xml', o.siteUrl).href : undefined;
  const path = o.siteUrl ? new URL(o.siteUrl).pathname : normaliseBase(o.base);
  if (path === '/')
    return { file: `User-agent: *\nAllow: /\n${sitemap ? `Sitemap: ${sitemap}\n` : ''}` };
  const root = o.siteUrl ? new URL('/robots.txt', o.siteUrl).href : '/robots.txt';
  return {
    note:
      `robots.txt is not written: the site lives under ${path} and crawlers read robots.txt only at the root (${root}). ` +
      (sitemap
        ? `Add this line to that file: Sitemap: ${sitemap}`
        : 'Set SITE_URL to get a sitemap to name there.')
  };
}
