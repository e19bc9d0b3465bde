import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { MapLayout } from '../layout/MapLayout.ts';
import type { Plan } from '../plan/planModel.ts';
import { codeSpans, provenText } from '../planView/planWords.ts';
import { addUriLink, setOutline, type OutlineEntry } from './annotations.ts';
import { drawLitMap, toPage } from './drawMap.ts';
import { drawItems, type TextItem } from './drawItems.ts';
import { MARGIN, mapPlacement } from './mapPlacement.ts';
import { PAGE_SIZES } from './pageSizes.ts';
import { stampPageNumbers } from './pageNumbers.ts';
import { PageText } from './PageText.ts';
import { INK, LINK, MUTED } from './palette.ts';
import { breakLines, codeLines, pdfSafeText, type Line, type StyledRun } from './textFlow.ts';

export interface PlanPdfOptions {
  layout: MapLayout;
  plan: Plan;
  /** What the map lights: the plan's parts (and their family boxes) and the request's arrows. */
  lit: { slugs: ReadonlySet<string>; edges: ReadonlySet<string> };
  /** The choices in words, in the chooser's order ("Web server", "nginx"). */
  choices: { label: string; value: string }[];
  titleOf: (slug: string) => string;
  /** Absolute address of the site (with a trailing slash): topic links and the plan's own address. */
  siteUrl: string;
  /** The plan's query (`?hosting=…`), printed and linked so the PDF leads back to the chooser. */
  query: string;
  now: Date;
}

type Fonts = { regular: PDFFont; bold: PDFFont; mono: PDFFont };

/**
 * A deployment plan as a PDF, made in the browser with pdf-lib and its standard fonts
 * (no font engine): page 1 the whole map, landscape, with the plan's parts lit and the
 * request's arrows strong (drawLitMap, as the tour pages), every topic a link to its page
 * on the site; then, portrait, the choices, what CI proved, the checklist in order (each
 * step linked to its topic) and every file in monospace, long lines wrapped (codeLines),
 * a block that does not fit continuing on the next page. Page numbers and an outline.
 */
export async function exportPlanPdf(o: PlanPdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier)
  };
  const stack = o.choices.map((c) => c.value).join(' + ');
  doc.setTitle(`Deployment plan: ${stack}`, { showInWindowTitleBar: true });
  doc.setSubject(
    'A deployment plan from the Deployment Map: the lit map, the checklist and the files.'
  );
  doc.setAuthor('Deployment Map');
  doc.setCreator('Deployment Map');
  doc.setProducer('Deployment Map with pdf-lib');
  doc.setLanguage('en');
  doc.setCreationDate(o.now);
  doc.setModificationDate(o.now);
  const safe = (t: string, font: PDFFont) => pdfSafeText(t, font);
  const planUrl = `${o.siteUrl}plan/${o.query}`;

  // Page 1: the lit map.
  const placement = mapPlacement(o.layout, 'A4');
  const [mw, mh] = placement.page;
  const mapPage = doc.addPage([mw, mh]);
  const head = new PageText(mapPage);
  head.draw(safe('Deployment plan', fonts.bold), MARGIN, mh - MARGIN - 14, fonts.bold, 16, INK);
  const line = safe(`${stack} - ${o.now.toISOString().slice(0, 10)}`, fonts.regular);
  head.draw(line, MARGIN, mh - MARGIN - 30, fonts.regular, 9, MUTED);
  head.finish();
  drawLitMap(mapPage, o.layout, fonts, placement, o.lit);
  for (const n of o.layout.nodes)
    addUriLink(doc, mapPage, toPage(n, placement), `${o.siteUrl}topics/${n.slug}/`);
  for (const b of o.layout.boxes)
    if (b.slug)
      addUriLink(doc, mapPage, toPage(b.header, placement), `${o.siteUrl}topics/${b.slug}/`);

  // Then the plan itself, flowed over portrait pages.
  const [pw, ph] = PAGE_SIZES.A4;
  const width = pw - MARGIN * 2;
  const run = (
    text: string,
    font: PDFFont,
    size: number,
    extra: Partial<StyledRun> = {}
  ): StyledRun => ({ text: safe(text, font), font, size, ...extra });
  const para = (
    runs: StyledRun[],
    gapBefore: number,
    lineHeight = 14,
    hang = 0,
    indent = 0
  ): TextItem => ({ lines: breakLines(runs, width, lineHeight, indent, hang), gapBefore });
  const items: (TextItem & { outline?: string; keepWithNext?: boolean })[] = [];
  items.push({
    ...para([run('Your deployment plan', fonts.bold, 20)], 0, 24),
    outline: 'The plan'
  });
  for (const c of o.choices)
    items.push(para([run(`${c.label}: `, fonts.bold, 10.5), run(c.value, fonts.regular, 10.5)], 2));
  items.push(
    para(
      [
        ...(o.plan.proven ? [run('Proven in CI: ', fonts.bold, 10)] : []),
        run(provenText(o.plan), fonts.regular, 10, { colour: o.plan.proven ? INK : MUTED })
      ],
      8
    )
  );
  items.push(
    para(
      [
        run('Open this plan in the chooser: ', fonts.regular, 10, { colour: MUTED }),
        run(planUrl, fonts.regular, 10, { colour: LINK, href: planUrl })
      ],
      4
    )
  );

  items.push({
    ...para(
      [run(`Checklist, in order (${o.plan.checklist.length} steps)`, fonts.bold, 14)],
      18,
      18
    ),
    outline: 'Checklist',
    keepWithNext: true
  });
  o.plan.checklist.forEach((step, i) => {
    const number = `${i + 1}.  `;
    const hang = fonts.regular.widthOfTextAtSize(number, 10.5);
    const topic = o.titleOf(step.topic);
    const text = codeSpans(step.text).map((r) =>
      r.code ? run(r.text, fonts.mono, 10) : run(r.text, fonts.regular, 10.5)
    );
    items.push(
      para(
        [
          run(number, fonts.bold, 10.5),
          ...text,
          run(' ', fonts.regular, 10.5),
          run(`(${topic})`, fonts.regular, 10.5, {
            colour: LINK,
            href: `${o.siteUrl}topics/${step.topic}/`
          })
        ],
        5,
        14,
        hang
      )
    );
  });

  items.push({
    ...para([run(`Files (${o.plan.files.length})`, fonts.bold, 14)], 18, 18),
    outline: 'Files',
    keepWithNext: true
  });
  for (const f of o.plan.files) {
    items.push({
      ...para([run(f.path, fonts.mono, 10.5, { colour: INK })], 14, 14),
      keepWithNext: true
    });
    const from = f.source
      ? `From ${o.titleOf(f.topic)}${f.source.test ? ', tested in CI' : ''}.`
      : `Written for this plan; see ${o.titleOf(f.topic)}.`;
    const changed = f.changes.length
      ? ` Changed from the published example: ${f.changes.map((c) => `${c.from} to ${c.to}`).join('; ')}.`
      : '';
    items.push({
      ...para(
        [
          run(`${f.why} `, fonts.regular, 9.5, { colour: MUTED }),
          run(from, fonts.regular, 9.5, { colour: LINK, href: `${o.siteUrl}topics/${f.topic}/` }),
          run(changed, fonts.regular, 9.5, { colour: MUTED })
        ],
        2,
        13
      ),
      keepWithNext: true
    });
    items.push({
      lines: codeLines(f.content, fonts.mono, 8.5, width - 8, 11),
      gapBefore: 6,
      code: true
    });
  }

  const outline: OutlineEntry[] = [{ title: 'The map', page: mapPage }];
  let page: PDFPage | undefined;
  let writer: PageText | undefined;
  let y = 0;
  const bottom = MARGIN + 18;
  const newPage = () => {
    writer?.finish();
    page = doc.addPage([pw, ph]);
    writer = new PageText(page);
    y = ph - MARGIN;
  };
  const heightOf = (lines: Line[]) => lines.reduce((s, l) => s + l.height, 0);
  const resolveHref = (href: string) => ({ uri: href });
  newPage();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    // A heading or a file's title stays with the first lines of what follows it.
    const next = item.keepWithNext ? items[i + 1] : undefined;
    // Whatever does not fit goes on over the next page; only its first lines must fit here.
    const need =
      item.gapBefore +
      heightOf(item.lines.slice(0, 3)) +
      (next ? next.gapBefore + heightOf(next.lines.slice(0, 3)) : 0);
    if (y - need < bottom && y < ph - MARGIN) newPage();
    let lines = item.lines;
    let gap = item.gapBefore;
    while (lines.length) {
      // As many lines as fit here; a long code block goes on over the next pages.
      let fit = 0;
      for (let h = gap; fit < lines.length && y - h - lines[fit].height >= bottom; fit++)
        h += lines[fit].height;
      if (fit === 0) {
        newPage();
        gap = 0;
        continue;
      }
      if (item.outline && lines === item.lines) outline.push({ title: item.outline, page: page! });
      y =
        drawItems(
          doc,
          page!,
          writer!,
          [{ lines: lines.slice(0, fit), gapBefore: gap, code: item.code }],
          y,
          width,
          resolveHref
        ) - 4;
      lines = lines.slice(fit);
      if (lines.length) newPage();
      gap = 0;
    }
  }
  writer?.finish();

  await stampPageNumbers(doc);
  setOutline(doc, outline);
  return doc.save({ useObjectStreams: true });
}
