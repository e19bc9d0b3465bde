import { PDFDocument, PDFName, PDFString, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ExternalLink, Group, ProseBlock, Topic } from '../content/types.ts';
import { longDate } from '../content/topicSchema.ts';
import type { MapLayout } from '../layout/MapLayout.ts';
import { setOutline } from './annotations.ts';
import { drawMap } from './drawMap.ts';
import { ADDRESS_SLOT, MARGIN, mapPlacement } from './mapPlacement.ts';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type PageSize } from './pageSizes.ts';
import { stampPageNumbers } from './pageNumbers.ts';
import { PageText } from './PageText.ts';
import { visualText } from './bidi.ts';
import { INK, LINK, MUTED, groupColours } from './palette.ts';
import {
  breakLines,
  codeLines,
  pdfSafeText,
  styleRuns,
  textWidth as measure,
  type StyledRun
} from './textFlow.ts';
import { drawItems, type TextItem } from './drawItems.ts';
import { drawTourPages } from './tourPages.ts';
import { drawBackToMap, linkAddress, linkMapTopics, mapOutline } from './mapDocument.ts';
import type { TourData } from '../content/validateTours.ts';
import { mapPlace, type MapPlace, type PlaceArrow } from '../graph/mapPlace.ts';

import { topicHref, topicPath } from '../routes.ts';

export interface PdfTopic extends Pick<
  Topic,
  | 'slug'
  | 'title'
  | 'summary'
  | 'group'
  | 'parent'
  | 'arrows'
  | 'examples'
  | 'resources'
  | 'related'
  | 'reviewed'
> {
  blocks: ProseBlock[];
}

export interface ExportOptions {
  layout: MapLayout;
  topics: PdfTopic[];
  groups: Group[];
  /** TTF bytes to embed (subset); text is measured and drawn with these. */
  fonts: { regular: Uint8Array; bold: Uint8Array; mono: Uint8Array };
  /** fontkit, injected so the module stays free of a heavy import where not needed. */
  fontkit: unknown;
  pageSize?: PageSize;
  includeTopics?: boolean;
  /** Guided tours to add after the topic pages, which their links need (see tourPages.ts). */
  tours?: TourData[];
  /**
   * Where the site lives, for the source line and links to pages not in the PDF. Absent
   * (a build without SITE_URL), no address is printed and the map page's dictionary keeps
   * an `AddressSlot` ("x y size") where the browser export writes the site's own origin.
   */
  siteUrl?: string;
  date: Date;
  /**
   * Called for each character of a topic's text that the font has no glyph for (it is
   * drawn as a placeholder); the build turns these into warnings with file and line.
   */
  onMissingGlyph?: (miss: { slug: string; char: string }) => void;
}

/**
 * Builds the deployment map as a PDF: page 1 is the map in vectors with a title, date,
 * source address and legend, every node a link; then (optionally) one page per topic
 * with its prose, examples and resources as links, related topics as internal links,
 * a "back to map" link and page numbers; then the guided tours, each step a small lit
 * map with its text; plus outline and metadata.
 */
export async function exportMapPdf(o: ExportOptions): Promise<Uint8Array> {
  const includeTopics = o.includeTopics ?? true;
  const [pw, ph] = PAGE_SIZES[o.pageSize ?? DEFAULT_PAGE_SIZE];
  const doc = await PDFDocument.create();
  doc.registerFontkit(o.fontkit as never);
  const fonts = {
    regular: await doc.embedFont(o.fonts.regular, { subset: true }),
    bold: await doc.embedFont(o.fonts.bold, { subset: true }),
    mono: await doc.embedFont(o.fonts.mono, { subset: true })
  };
  const siteUrl = o.siteUrl ? (o.siteUrl.endsWith('/') ? o.siteUrl : `${o.siteUrl}/`) : undefined;
  const title = 'Deployment Map: how a Python web app is deployed';

  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(
    'The parts of a production Python web application deployment and how they connect.'
  );
  doc.setKeywords([
    'Python',
    'deployment',
    'WSGI',
    'web server',
    'map',
    ...o.groups.map((g) => g.label)
  ]);
  doc.setAuthor('Deployment Map');
  doc.setCreator('Deployment Map');
  doc.setProducer('Deployment Map with pdf-lib');
  doc.setLanguage('en');
  doc.setCreationDate(o.date);
  doc.setModificationDate(o.date);

  // Page 1: the map, landscape.
  const mapPage = doc.addPage([ph, pw]);
  const [mw, mh] = [ph, pw];
  // Text of our own goes through PageText (one glyph per character, in the visual order
  // computed here): drawText would let fontkit reorder right-to-left text a second time.
  const mapText = new PageText(mapPage);
  mapText.draw(
    visualText(pdfSafeText(title, fonts.bold)),
    MARGIN,
    mh - MARGIN - 14,
    fonts.bold,
    16,
    INK
  );
  const date = o.date.toISOString().slice(0, 10);
  const sub = siteUrl ? `${date} · ${siteUrl}` : date;
  const [baseline, size] = [mh - MARGIN - 30, 9];
  mapPage.drawText(pdfSafeText(sub, fonts.regular), {
    x: MARGIN,
    y: baseline,
    size,
    font: fonts.regular,
    color: MUTED
  });
  // Where the address starts on that line: linked here, or left for the browser to write.
  const x = MARGIN + fonts.regular.widthOfTextAtSize(`${date} · `, size);
  if (siteUrl) linkAddress(doc, mapPage, { x, baseline, size }, siteUrl, fonts.regular, siteUrl);
  else
    mapPage.node.set(PDFName.of(ADDRESS_SLOT), PDFString.of(`${x.toFixed(2)} ${baseline} ${size}`));
  drawLegend(mapPage, mapText, o.groups, fonts, mw - MARGIN, mh - MARGIN - 30);
  mapText.finish();

  const placement = mapPlacement(o.layout, o.pageSize ?? DEFAULT_PAGE_SIZE);
  // The whole map at full strength: the browser fades a filter's topics (customisePdf).
  drawMap(mapPage, o.layout, fonts, placement);

  const topicPages = new Map<string, PDFPage>();
  if (includeTopics) for (const t of o.topics) topicPages.set(t.slug, doc.addPage([pw, ph]));

  linkMapTopics(doc, mapPage, o.layout, placement, topicPages, siteUrl);

  const titles = new Map(o.topics.map((t) => [t.slug, t.title]));
  const resolveHref = (href: string): { page?: PDFPage; uri?: string } => {
    const m = /^\/topics\/([a-z0-9-]+)\/?/.exec(href);
    if (m)
      return topicPages.get(m[1])
        ? { page: topicPages.get(m[1]) }
        : siteUrl
          ? { uri: `${siteUrl}${topicPath(m[1])}` }
          : {};
    if (href.startsWith('/')) return siteUrl ? { uri: siteUrl + href.slice(1) } : {};
    return /^https?:|^mailto:/.test(href) ? { uri: href } : {};
  };

  if (includeTopics)
    for (const t of o.topics) {
      const page = topicPages.get(t.slug)!;
      const place = mapPlace(t.slug, o.topics, o.layout.boxes);
      drawTopicPage(doc, page, t, place, o.groups, fonts, titles, resolveHref, mapPage, (char) =>
        o.onMissingGlyph?.({ slug: t.slug, char })
      );
    }

  const tourPages =
    includeTopics && o.tours?.length
      ? drawTourPages(doc, o.tours, o.layout, fonts, [pw, ph], mapPage, resolveHref)
      : [];

  await stampPageNumbers(doc);

  setOutline(
    doc,
    mapOutline({ mapPage, groups: o.groups, topics: o.topics, topicPages, tours: tourPages })
  );

  return doc.save({ useObjectStreams: true });
}

function drawLegend(
  page: PDFPage,
  text: PageText,
  groups: Group[],
  fonts: { regular: PDFFont },
  right: number,
  y: number
) {
  let x = right;
  for (const g of [...groups].reverse()) {
    const label = visualText(pdfSafeText(g.label, fonts.regular));
    x -= measure(fonts.regular, label, 8.5);
    text.draw(label, x, y, fonts.regular, 8.5, INK);
    x -= 13;
    const [accent, tint] = groupColours(g.id);
    page.drawRectangle({
      x,
      y: y - 1,
      width: 9,
      height: 9,
      color: tint,
      borderColor: accent,
      borderWidth: 1
    });
    x -= 14;
  }
}

type Fonts = { regular: PDFFont; bold: PDFFont; mono: PDFFont };

/**
 * Lays out one topic on one page. If the text does not fit at the body size, the whole
 * page is set again one step smaller, so a topic always keeps exactly one page.
 */
function drawTopicPage(
  doc: PDFDocument,
  page: PDFPage,
  t: PdfTopic,
  place: MapPlace,
  groups: Group[],
  fonts: Fonts,
  titles: Map<string, string>,
  resolveHref: (href: string) => { page?: PDFPage; uri?: string },
  mapPage: PDFPage,
  onMissing: (char: string) => void
) {
  const { width, height } = page.getSize();
  const textWidth = width - MARGIN * 2 - 20;
  const [accent] = groupColours(t.group);
  const groupLabel = groups.find((g) => g.id === t.group)?.label ?? t.group;

  const compose = (size: number) => {
    const items: TextItem[] = [];
    const lh = size * 1.42;
    const add = (runs: StyledRun[], gap: number, lineHeight = lh, indent = 0, hang = 0) =>
      items.push({ lines: breakLines(runs, textWidth, lineHeight, indent, hang), gapBefore: gap });
    const bullet = (mark: string): [StyledRun, number] => [
      { text: mark, font: fonts.regular, size },
      measure(fonts.regular, mark, size)
    ];
    const safe = (text: string, font: PDFFont) => pdfSafeText(text, font, onMissing);
    const style = (
      runs: Parameters<typeof styleRuns>[0],
      f: Parameters<typeof styleRuns>[1],
      sz: number
    ) => styleRuns(runs, f, sz, LINK, onMissing);
    const plain = (text: string, font: PDFFont, sz: number, colour = INK): StyledRun[] => [
      { text: safe(text, font), font, size: sz, colour }
    ];
    add(plain(t.summary, fonts.regular, size + 1.5, MUTED), 0, (size + 1.5) * 1.4);
    if (t.reviewed)
      add(
        plain(`Last reviewed ${longDate(t.reviewed)}`, fonts.regular, size - 1.5, MUTED),
        size * 0.2,
        (size - 1.5) * 1.4
      );
    for (const b of t.blocks) {
      if (b.kind === 'heading')
        add(
          style(
            b.runs,
            { regular: fonts.bold, bold: fonts.bold, mono: fonts.mono },
            size + 2.5
          ).map((r) => (r.href ? r : { ...r, colour: INK })),
          size * 0.9,
          (size + 2.5) * 1.3
        );
      else if (b.kind === 'paragraph') add(style(b.runs, fonts, size), size * 0.55);
      else if (b.kind === 'code') {
        // Monospace, wrapped to the text width; the whole page shrinks if it is too long.
        const cs = size - 1.5;
        if (b.title) add(plain(b.title, fonts.mono, cs, MUTED), size * 0.6, cs * 1.4);
        items.push({
          lines: codeLines(b.text, fonts.mono, cs, textWidth - 8, cs * 1.32, INK, onMissing),
          gapBefore: b.title ? 2 : size * 0.6,
          code: true
        });
      } else
        b.items.forEach((runs, i) => {
          const [mark, hang] = bullet(b.ordered ? `${i + 1}. ` : '• ');
          add([mark, ...style(runs, fonts, size)], i === 0 ? size * 0.5 : size * 0.15, lh, 0, hang);
        });
    }
    const linkList = (heading: string, links: ExternalLink[]) => {
      if (!links.length) return;
      add(plain(heading, fonts.bold, size + 2.5), size * 0.9, (size + 2.5) * 1.3);
      const [mark, hang] = bullet('• ');
      for (const l of links)
        add(
          [
            mark,
            {
              text: safe(l.name, fonts.regular),
              font: fonts.regular,
              size,
              href: l.url,
              colour: LINK
            },
            {
              text: safe(`  ${hostOf(l.url)}`, fonts.regular),
              font: fonts.regular,
              size: size - 1.5,
              colour: MUTED
            },
            // The note after the link, as on the web page.
            ...(l.note
              ? [
                  {
                    text: safe(` · ${l.note}`, fonts.regular),
                    font: fonts.regular,
                    size,
                    colour: INK
                  }
                ]
              : [])
          ],
          size * 0.15,
          lh,
          0,
          hang
        );
    };
    // Where it sits, generated from the graph as on the web page (MapPlaceSection).
    add(plain('Where it sits on the map', fonts.bold, size + 2.5), size * 0.9, (size + 2.5) * 1.3);
    const link = (text: string, slug: string): StyledRun => ({
      text: safe(text, fonts.regular),
      font: fonts.regular,
      size,
      href: topicHref('/', slug),
      colour: LINK
    });
    const word = (text: string, font = fonts.regular): StyledRun => ({
      text: safe(text, font),
      font,
      size,
      colour: INK
    });
    const joined = (items: { label: string; slug?: string }[], sep: string): StyledRun[] =>
      items.flatMap((b, i) => [
        ...(i ? [word(sep)] : []),
        b.slug ? link(b.label, b.slug) : word(b.label)
      ]);
    if (place.within.length)
      add([word('Inside '), ...joined(place.within, ', within '), word('.')], size * 0.3);
    if (place.contains.length)
      add(
        [
          word('Contains '),
          ...joined(
            place.contains.map((c) => ({ label: c.title, slug: c.slug })),
            ', '
          ),
          word('.')
        ],
        size * 0.3
      );
    // Compact on paper: one line of arrows out and one of arrows in, each end a link.
    const arrowItems = (name: string, out: PlaceArrow[], into: PlaceArrow[]) => {
      const [mark, hang] = bullet('• ');
      const list = (arrows: PlaceArrow[], run: (a: PlaceArrow) => StyledRun[]) =>
        arrows.flatMap((a, i) => [...(i ? [word(' · ')] : []), ...run(a)]);
      if (out.length)
        add(
          [
            mark,
            word(`From ${name}: `),
            ...list(out, (a) => [word(a.label, fonts.bold), word(' → '), link(a.title, a.slug)])
          ],
          size * 0.15,
          lh,
          0,
          hang
        );
      if (into.length)
        add(
          [
            mark,
            word(`To ${name}: `),
            ...list(into, (a) => [link(a.title, a.slug), word(' '), word(a.label, fonts.bold)])
          ],
          size * 0.15,
          lh,
          0,
          hang
        );
    };
    if (place.out.length || place.in.length) arrowItems(t.title, place.out, place.in);
    else add([word(`No labelled arrow starts or ends at ${t.title} itself.`)], size * 0.3);
    for (const f of place.families) {
      add([word('Arrows of its box, '), link(f.title, f.slug), word(':')], size * 0.4);
      arrowItems(f.title, f.out, f.in);
    }
    linkList('Examples', t.examples);
    linkList('Resources', t.resources);
    const related = t.related.filter((r) => titles.has(r));
    if (related.length) {
      add(plain('Related topics', fonts.bold, size + 2.5), size * 0.9, (size + 2.5) * 1.3);
      const runs: StyledRun[] = related.flatMap((r, i) => [
        ...(i ? [{ text: ' · ', font: fonts.regular, size, colour: MUTED } as StyledRun] : []),
        {
          text: safe(titles.get(r)!, fonts.regular),
          font: fonts.regular,
          size,
          href: topicHref('/', r),
          colour: LINK
        }
      ]);
      add(runs, 0);
    }
    const total = items.reduce(
      (sum, it) => sum + it.gapBefore + it.lines.reduce((s, l) => s + l.height, 0),
      0
    );
    return { items, total };
  };

  const headerBottom = height - MARGIN - 70;
  const available = headerBottom - MARGIN - 24;
  let size = 10;
  let laid = compose(size);
  while (laid.total > available && size > 5) laid = compose((size -= 0.5));

  page.drawRectangle({ x: 0, y: height - 6, width, height: 6, color: accent });
  drawBackToMap(doc, page, fonts.regular, mapPage);
  const writer = new PageText(page);
  writer.draw(
    visualText(pdfSafeText(groupLabel.toUpperCase(), fonts.bold)),
    MARGIN,
    height - MARGIN - 24,
    fonts.bold,
    8.5,
    accent
  );
  const safeTitle = visualText(pdfSafeText(t.title, fonts.bold, onMissing));
  // 22 points, smaller if the title is wider than the page (then as small as it must be).
  const titleWidth = measure(fonts.bold, safeTitle, 1);
  const titleSize = Math.min(
    22,
    Math.floor(((width - MARGIN * 2) / Math.max(titleWidth, 1e-6)) * 100) / 100
  );
  writer.draw(safeTitle, MARGIN, height - MARGIN - 52, fonts.bold, titleSize, INK);

  drawItems(doc, page, writer, laid.items, headerBottom, textWidth, resolveHref);
  writer.finish();
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
