import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { shareCardSvg, type CardOptions } from '../card/shareCard.ts';
import { INTRO } from '../layout/mapStyle.ts';
import type { SiteData } from './siteData.ts';
import { pageMetaTags, robotsTxt, sitemapXml, unescapeHtml } from './pageMeta.ts';

const fontFile = (name: string) =>
  new URL(`../../../assets/fonts/${name}`, import.meta.url).pathname;

/** Rasterises a card's SVG to PNG with resvg and the DejaVu fonts (no system fonts: the same on every machine). */
export function renderCardPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: [fontFile('DejaVuSans.ttf'), fontFile('DejaVuSans-Bold.ttf')],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans'
    }
  });
  return resvg.render().asPng();
}

function htmlFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'assets' ? [] : htmlFiles(full, root);
    return e.name.endsWith('.html') ? [relative(root, full)] : [];
  });
}

/**
 * After the prerender: a share card per topic (its neighbourhood lit) and one of the whole
 * map (for the map, tours and every other page), Open Graph, Twitter and canonical tags in
 * every built HTML file, whatever routes the build emitted, robots.txt (at an origin's
 * root only, see robotsTxt) and, with SITE_URL, sitemap.xml listing every page but the
 * embed and the 404 page. Returns the pages listed, the cards written and, for a site
 * under a sub-path, the note saying why there is no robots.txt.
 */
export function writeShareFiles(
  dist: string,
  site: SiteData,
  o: { base: string; siteUrl?: string }
) {
  const cards = new Map<string, CardOptions>([['cards/map.png', { title: INTRO.heading }]]);
  const pages: string[] = [];
  for (const file of htmlFiles(dist)) {
    const path =
      file === '404.html'
        ? ''
        : file
            .replace(/index\.html$/, '')
            .split('\\')
            .join('/');
    const html = readFileSync(join(dist, file), 'utf8');
    const topic = /^topics\/([a-z0-9-]+)\/$/.exec(path)?.[1];
    const info = topic ? site.topics[topic] : undefined;
    const image = info ? `cards/topics/${info.slug}.png` : 'cards/map.png';
    if (info) cards.set(image, { title: info.title, focus: info.slug });
    const title = unescapeHtml(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? 'Deployment Map');
    const described = /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
    const listed =
      file !== '404.html' && path !== 'embed/' && !/name="robots" content="noindex"/.test(html);
    if (listed) pages.push(path);
    let tags = pageMetaTags({
      path,
      title,
      description:
        info?.summary ?? (described ? unescapeHtml(described) : `${INTRO.line} ${INTRO.note}`),
      image,
      imageAlt: info
        ? `${info.title} and the topics it connects to, lit on the deployment map`
        : 'The whole deployment map',
      siteUrl: o.siteUrl,
      base: o.base,
      canonical: listed
    });
    if (described) tags = tags.replace(/<meta name="description"[^>]*>\n\s*/, '');
    writeFileSync(join(dist, file), html.replace('</head>', `    ${tags}\n  </head>`));
  }
  for (const [path, card] of cards) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), renderCardPng(shareCardSvg(site.layout, card)));
  }
  const robots = robotsTxt(o);
  if ('file' in robots) writeFileSync(join(dist, 'robots.txt'), robots.file);
  if (o.siteUrl)
    writeFileSync(
      join(dist, 'sitemap.xml'),
      sitemapXml(pages.sort().map((p) => new URL(p, o.siteUrl).href))
    );
  return { pages, cards: cards.size, robotsNote: 'note' in robots ? robots.note : undefined };
}
