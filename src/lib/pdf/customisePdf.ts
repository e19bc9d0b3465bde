import {
  LineCapStyle,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFString,
  StandardFonts,
  type PDFFont,
  type PDFPage
} from 'pdf-lib';
import { BADGE, FADE } from '../layout/mapStyle.ts';
import type { Group, Slug } from '../content/types.ts';
import type { MapLayout } from '../layout/MapLayout.ts';
import {
  STATUS_LABEL,
  STATUSES,
  summarise,
  type Progress,
  type TopicStatus
} from '../progress/progress.ts';
import { addInternalLink, addUriLink, setOutline, type OutlineEntry } from './annotations.ts';
import { toPage } from './drawMap.ts';
import { ADDRESS_SLOT, MARGIN, mapPlacement, tourPageCount } from './mapPlacement.ts';
import type { PageSize } from './pageSizes.ts';
import { stampPageNumbers } from './pageNumbers.ts';
import { linkAddress, linkMapTopics, mapOutline, topicRects } from './mapDocument.ts';
import { INK, LINK, MUTED, WHITE } from './palette.ts';
import { topicPath } from '../routes.ts';

export interface CustomiseOptions {
  /** The prebuilt complete PDF for `pageSize`. */
  bytes: ArrayBuffer | Uint8Array;
  layout: MapLayout;
  pageSize: PageSize;
  /** Topics in content order (the order of their pages in the prebuilt PDF). */
  topics: { slug: Slug; title: string; group: string }[];
  groups: Group[];
  includeTopics: boolean;
  /** The guided tours in the prebuilt PDF (after the topic pages), in order, with their step counts. */
  tours?: { title: string; steps: number }[];
  /** Keep the tours' pages (only with the topic pages, which their links lead to). */
  includeTours?: boolean;
  /** Topics faded by the user's filter (null: whole map). */
  faded?: ReadonlySet<Slug> | null;
  /** The user's progress to mark on the map and list on a checklist page (null: none). */
  progress?: Progress | null;
  /** Absolute address of the site, for links to topics left out of the PDF. */
  siteUrl: string;
  now?: Date;
  onstep?: (message: string) => void;
}

/**
 * A prebuilt PDF made without SITE_URL prints no address and keeps a slot for one (see
 * exportMapPdf): the browser writes the site's own address there, as a link.
 */
async function writeAddress(doc: PDFDocument, mapPage: PDFPage, siteUrl: string) {
  const slot = mapPage.node.lookup(PDFName.of(ADDRESS_SLOT));
  if (!(slot instanceof PDFString)) return;
  mapPage.node.delete(PDFName.of(ADDRESS_SLOT));
  const [x, y, size] = slot.decodeText().split(' ').map(Number);
  if (![x, y, size].every(Number.isFinite)) return;
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // Origins are ASCII; anything Helvetica cannot encode would throw, so keep to it.
  const text = siteUrl.replace(/[^\x20-\x7e]/g, '?');
  mapPage.drawText(text, { x, y, size, font, color: MUTED });
  linkAddress(doc, mapPage, { x, baseline: y, size }, text, font, siteUrl);
}

/**
 * Turns the prebuilt PDF into the one the user asked for, in the browser and without a
 * font engine: drops the topic pages if unwanted (relinking the map to the website, and
 * dropping the tour pages, whose links lead to topic pages), drops the tour pages if unwanted,
 * fades filtered-out topics, stamps progress marks as vector shapes, and adds a
 * checklist page (standard font; characters it cannot encode become "?").
 */
export async function customisePdf(o: CustomiseOptions): Promise<Uint8Array> {
  const step = async (message: string) => {
    o.onstep?.(message);
    await new Promise((r) => setTimeout(r, 0)); // let the page paint between steps
  };
  await step('Reading the map…');
  const doc = await PDFDocument.load(o.bytes, { updateMetadata: false });
  const tours = o.tours ?? [];
  const tourPageTotal = tours.reduce((n, t) => n + tourPageCount(t.steps), 0);
  if (doc.getPageCount() !== 1 + o.topics.length + tourPageTotal)
    throw new Error(
      `the prebuilt PDF has ${doc.getPageCount()} pages; expected ${1 + o.topics.length + tourPageTotal}`
    );
  const mapPage = doc.getPage(0);
  const keepTours = o.includeTopics && (o.includeTours ?? true) && tours.length > 0;
  // Each tour's first page, for the outline (page objects survive the checklist insert).
  const tourFirsts: OutlineEntry[] = [];
  for (
    let i = 0, at = 1 + o.topics.length;
    i < tours.length;
    at += tourPageCount(tours[i].steps), i++
  )
    tourFirsts.push({ title: tours[i].title, page: doc.getPage(at) });
  if (!keepTours && tourPageTotal) {
    await step('Leaving out the tours…');
    for (let i = doc.getPageCount() - 1; i >= 1 + o.topics.length; i--) doc.removePage(i);
  }
  const placement = mapPlacement(o.layout, o.pageSize);
  const siteUrl = o.siteUrl.endsWith('/') ? o.siteUrl : `${o.siteUrl}/`;
  const topicPages = new Map(o.topics.map((t, i) => [t.slug, doc.getPage(i + 1)]));
  await writeAddress(doc, mapPage, siteUrl);

  const rects = topicRects(o.layout);

  if (!o.includeTopics) {
    await step('Leaving out the topic pages…');
    for (let i = doc.getPageCount() - 1; i >= 1; i--) doc.removePage(i);
    topicPages.clear();
    // The topics' links pointed at the removed pages: point them at the website instead.
    // The address keeps its own link (to the address printed there).
    const annots = mapPage.node.Annots();
    for (let i = (annots?.size() ?? 0) - 1; i >= 0; i--)
      if (annots!.lookup(i, PDFDict).has(PDFName.of('Dest'))) annots!.remove(i);
    linkMapTopics(doc, mapPage, o.layout, placement, topicPages, siteUrl);
  }

  if (o.faded?.size) {
    await step('Fading filtered topics…');
    for (const r of rects)
      if (o.faded.has(r.slug)) {
        const p = toPage(r.rect, placement);
        // Paper over the topic so it shows at the map's filtered strength.
        mapPage.drawRectangle({ ...p, color: WHITE, opacity: 1 - FADE.filtered });
      }
  }

  let checklist: PDFPage | undefined;
  if (o.progress) {
    await step('Adding your progress…');
    for (const r of rects) {
      const status = o.progress[r.slug];
      if (status) drawBadge(mapPage, toPage(r.rect, placement), status, placement.scale);
    }
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const { width, height } = mapPage.getSize();
    checklist = doc.insertPage(1, [Math.min(width, height), Math.max(width, height)]);
    drawChecklist(
      doc,
      checklist,
      o,
      { font, bold },
      topicPages,
      mapPage,
      siteUrl,
      o.now ?? new Date()
    );
  }

  // The prebuilt footers count the pages it had; number the pages this PDF has.
  await stampPageNumbers(doc);

  await step('Writing the outline…');
  doc.catalog.delete(PDFName.of('Outlines'));
  setOutline(
    doc,
    mapOutline({
      mapPage,
      checklist,
      groups: o.groups,
      topics: o.topics,
      topicPages,
      tours: keepTours ? tourFirsts : []
    })
  );
  doc.setModificationDate(o.now ?? new Date());

  await step('Saving…');
  return doc.save({ useObjectStreams: true });
}

/**
 * A progress mark drawn with vector shapes only (no font needed), from the map's own
 * BADGE geometry scaled to the page: the disc, then the tick, half disc or dash.
 */
function drawBadge(
  page: PDFPage,
  r: { x: number; y: number; width: number; height: number },
  status: TopicStatus,
  scale: number
) {
  const cx = r.x + r.width - BADGE.inset * scale;
  const cy = r.y + r.height - BADGE.inset * scale;
  const done = status === 'done';
  page.drawCircle({
    x: cx,
    y: cy,
    size: BADGE.radius * scale,
    color: done ? LINK : WHITE,
    borderColor: done ? LINK : INK,
    borderWidth: BADGE.stroke * scale
  });
  // drawSvgPath uses SVG coordinates (y grows downwards), like the screen's icon, and
  // scales the path and its line width alike: the width is given in the icon's units.
  const icon = { x: cx, y: cy, scale };
  if (status === 'learning') page.drawSvgPath(BADGE.icons.learning, { ...icon, color: INK });
  else
    page.drawSvgPath(BADGE.icons[status], {
      ...icon,
      borderColor: done ? WHITE : INK,
      borderWidth: BADGE.iconStroke,
      borderLineCap: LineCapStyle.Round
    });
}

/** Characters Helvetica (WinAnsi) can show; anything else becomes a visible "?". */
export function winAnsiSafe(text: string, font: PDFFont): string {
  let out = '';
  for (const ch of text) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

function drawChecklist(
  doc: PDFDocument,
  page: PDFPage,
  o: CustomiseOptions,
  fonts: { font: PDFFont; bold: PDFFont },
  topicPages: Map<Slug, PDFPage>,
  mapPage: PDFPage,
  siteUrl: string,
  now: Date
) {
  const { width, height } = page.getSize();
  const progress = o.progress ?? {};
  const s = summarise(
    progress,
    o.topics.map((t) => t.slug)
  );
  let y = height - MARGIN - 16;
  page.drawText('Your progress', { x: MARGIN, y, size: 20, font: fonts.bold, color: INK });
  y -= 20;
  page.drawText(
    `${s.done} of ${s.total} done · ${s.learning} learning · ${s.skipped} skipped · ${now.toISOString().slice(0, 10)}`.replace(
      /·/g,
      '-'
    ),
    {
      x: MARGIN,
      y,
      size: 10,
      font: fonts.font,
      color: MUTED
    }
  );
  addInternalLink(
    doc,
    page,
    { x: MARGIN, y: 20, width: 120, height: 12 },
    mapPage,
    'Back to the map'
  );
  page.drawText('Back to the map', { x: MARGIN, y: 22, size: 9, font: fonts.font, color: LINK });
  y -= 24;
  const columns = 2;
  const colWidth = (width - MARGIN * 2) / columns;
  const rowHeight = Math.min(14, (y - MARGIN - 20) / Math.ceil((o.topics.length + 8) / columns));
  const size = Math.max(6, rowHeight * 0.68);
  const rows: ({ heading: string } | { slug: Slug; title: string; status?: TopicStatus })[] = [];
  for (const status of [...STATUSES, undefined]) {
    const list = o.topics.filter((t) => progress[t.slug] === status);
    if (!list.length) continue;
    rows.push({ heading: status ? STATUS_LABEL[status] : 'Not started' });
    for (const t of list) rows.push({ slug: t.slug, title: t.title, status });
  }
  const perColumn = Math.ceil(rows.length / columns);
  rows.forEach((row, i) => {
    const x = MARGIN + Math.floor(i / perColumn) * colWidth;
    const ry = y - (i % perColumn) * rowHeight;
    if ('heading' in row) {
      page.drawText(row.heading, { x, y: ry, size: size + 1, font: fonts.bold, color: INK });
      return;
    }
    const box = size * 0.9;
    page.drawRectangle({
      x,
      y: ry - 1,
      width: box,
      height: box,
      borderColor: INK,
      borderWidth: 0.7,
      color: row.status === 'done' ? LINK : WHITE
    });
    if (row.status === 'done')
      page.drawSvgPath(
        `M${box * 0.2},${box * 0.5} L${box * 0.42},${box * 0.75} L${box * 0.82},${box * 0.22}`,
        { x, y: ry - 1 + box, borderColor: WHITE, borderWidth: 1 }
      );
    const title = winAnsiSafe(row.title, fonts.font);
    page.drawText(title, { x: x + box + 5, y: ry, size, font: fonts.font, color: LINK });
    const rect = {
      x: x + box + 4,
      y: ry - 2,
      width: fonts.font.widthOfTextAtSize(title, size) + 2,
      height: size + 3
    };
    const target = topicPages.get(row.slug);
    if (target) addInternalLink(doc, page, rect, target, row.title);
    else addUriLink(doc, page, rect, `${siteUrl}${topicPath(row.slug)}`);
  });
}
