import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import type { Group, Slug } from '../content/types.ts';
import type { MapLayout, Rect } from '../layout/MapLayout.ts';
import { topicPath } from '../routes.ts';
import { addInternalLink, addUriLink, type OutlineEntry } from './annotations.ts';
import { toPage, type MapPlacement } from './drawMap.ts';
import { MARGIN } from './mapPlacement.ts';
import { LINK } from './palette.ts';

/**
 * Every topic's place on the map, in map units: each node, and each box that is a topic
 * (its title strip). The links, the fading and the progress marks all use these.
 */
export function topicRects(
  layout: Pick<MapLayout, 'nodes' | 'boxes'>
): { slug: Slug; title: string; rect: Rect }[] {
  return [
    ...layout.nodes.map((n) => ({ slug: n.slug, title: n.title, rect: n as Rect })),
    ...layout.boxes.flatMap((b) =>
      b.slug ? [{ slug: b.slug, title: b.label, rect: b.header }] : []
    )
  ];
}

/**
 * Makes the site address printed on the map page a link to `url`: `text` drawn in `font`
 * at `size` from `x` on `baseline`. The build (exportMapPdf, with SITE_URL) and the
 * browser (customisePdf, writing into the slot a build without it leaves) both link it
 * here, so the clickable rectangle is the same: as wide as the text, from a third of the
 * size below the baseline (descenders) to the size above it (capitals).
 */
export function linkAddress(
  doc: PDFDocument,
  page: PDFPage,
  at: { x: number; baseline: number; size: number },
  text: string,
  font: PDFFont,
  url: string
) {
  const { x, baseline, size } = at;
  const rect = {
    x,
    y: baseline - size / 3,
    width: font.widthOfTextAtSize(text, size),
    height: (size * 4) / 3
  };
  addUriLink(doc, page, rect, url);
}

/**
 * Makes every topic on the map page a link: to its page in the PDF when `topicPages` has
 * one, else to its web page under `siteUrl` (no link without an address). With no topic
 * pages this is the "map only" PDF.
 */
export function linkMapTopics(
  doc: PDFDocument,
  mapPage: PDFPage,
  layout: Pick<MapLayout, 'nodes' | 'boxes'>,
  placement: MapPlacement,
  topicPages: ReadonlyMap<Slug, PDFPage>,
  siteUrl?: string
) {
  for (const { slug, title, rect } of topicRects(layout)) {
    const target = topicPages.get(slug);
    if (target) addInternalLink(doc, mapPage, toPage(rect, placement), target, title);
    else if (siteUrl)
      addUriLink(doc, mapPage, toPage(rect, placement), `${siteUrl}${topicPath(slug)}`);
  }
}

/**
 * The map PDF's outline: the map, the progress checklist if there is one, each group
 * with its topics that have a page, then the guided tours (each tour's first page).
 */
export function mapOutline(o: {
  mapPage: PDFPage;
  checklist?: PDFPage;
  groups: Group[];
  topics: { slug: Slug; title: string; group: string }[];
  topicPages: ReadonlyMap<Slug, PDFPage>;
  tours: OutlineEntry[];
}): OutlineEntry[] {
  const outline: OutlineEntry[] = [{ title: 'The map', page: o.mapPage }];
  if (o.checklist) outline.push({ title: 'Your progress', page: o.checklist });
  for (const g of o.groups) {
    const children = o.topics.flatMap((t) => {
      const page = t.group === g.id ? o.topicPages.get(t.slug) : undefined;
      return page ? [{ title: t.title, page }] : [];
    });
    if (children.length) outline.push({ title: g.label, page: children[0].page, children });
  }
  if (o.tours.length)
    outline.push({ title: 'Guided tours', page: o.tours[0].page, children: o.tours });
  return outline;
}

/** The "← Back to the map" link at the top left of a topic or tour page. */
export function drawBackToMap(doc: PDFDocument, page: PDFPage, font: PDFFont, mapPage: PDFPage) {
  const { height } = page.getSize();
  const back = '← Back to the map';
  page.drawText(back, { x: MARGIN, y: height - MARGIN, size: 9, font, color: LINK });
  addInternalLink(
    doc,
    page,
    {
      x: MARGIN - 2,
      y: height - MARGIN - 3,
      width: font.widthOfTextAtSize(back, 9) + 4,
      height: 13
    },
    mapPage,
    'Back to the map'
  );
}
