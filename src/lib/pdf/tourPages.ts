import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import type { TourData } from '../content/validateTours.ts';
import type { MapLayout } from '../layout/MapLayout.ts';
import { topicTitle } from '../layout/neighbourhood.ts';
import { stepLighting } from '../tours/tourLighting.ts';
import { drawBackToMap } from './mapDocument.ts';
import { drawLitMap } from './drawMap.ts';
import { drawItems, type TextItem } from './drawItems.ts';
import { MARGIN, STEPS_PER_PAGE, tourPageCount } from './mapPlacement.ts';
import { PageText } from './PageText.ts';
import { INK, LINK, MUTED } from './palette.ts';
import { breakLines, pdfSafeText, type StyledRun } from './textFlow.ts';
import { visualText } from './bidi.ts';
import { topicHref } from '../routes.ts';

type Fonts = { regular: PDFFont; bold: PDFFont; mono: PDFFont };

/**
 * Adds the tours' pages at the end of the document: each tour starts a page with its
 * title and promise, then every step gets half a page: the whole map drawn small with
 * the step's topics and arrows at full strength and the rest faded, its text, the topics
 * it lights as links (to their pages in the PDF when `resolveHref` has them), and what
 * breaks with the log and the first command. Returns each tour's first page (outline).
 */
export function drawTourPages(
  doc: PDFDocument,
  tours: TourData[],
  layout: MapLayout,
  fonts: Fonts,
  size: [number, number],
  mapPage: PDFPage,
  resolveHref: (href: string) => { page?: PDFPage; uri?: string }
): { title: string; page: PDFPage }[] {
  const [width, height] = size;
  const textWidth = width - MARGIN * 2 - 20;
  const firsts: { title: string; page: PDFPage }[] = [];
  const name = (slug: string) => topicTitle(layout, slug);
  for (const tour of tours) {
    for (let p = 0; p < tourPageCount(tour.steps.length); p++) {
      const page = doc.addPage([width, height]);
      if (p === 0) firsts.push({ title: tour.title, page });
      const writer = new PageText(page);
      drawBackToMap(doc, page, fonts.regular, mapPage);
      let top = height - MARGIN - 22;
      writer.draw(
        visualText(pdfSafeText(`GUIDED TOUR · ${tour.title.toUpperCase()}`, fonts.bold)),
        MARGIN,
        top,
        fonts.bold,
        8.5,
        MUTED
      );
      if (p === 0) {
        writer.draw(
          visualText(pdfSafeText(tour.title, fonts.bold)),
          MARGIN,
          top - 26,
          fonts.bold,
          20,
          INK
        );
        const promise = breakLines(
          [
            {
              text: pdfSafeText(tour.promise, fonts.regular),
              font: fonts.regular,
              size: 10.5,
              colour: MUTED
            }
          ],
          textWidth,
          14
        );
        top = drawItems(
          doc,
          page,
          writer,
          [{ lines: promise, gapBefore: 0 }],
          top - 34,
          textWidth,
          resolveHref
        );
      }
      const slots = tour.steps.slice(p * STEPS_PER_PAGE, (p + 1) * STEPS_PER_PAGE);
      const slotHeight = (top - MARGIN - 24) / STEPS_PER_PAGE;
      slots.forEach((step, i) => {
        const index = p * STEPS_PER_PAGE + i;
        const slotTop = top - 12 - i * slotHeight;
        const mapHeight = slotHeight * 0.42;
        const scale = Math.min((width - MARGIN * 2) / layout.width, mapHeight / layout.height);
        const placement = {
          left: MARGIN + (width - MARGIN * 2 - layout.width * scale) / 2,
          top: slotTop,
          scale
        };
        drawLitMap(page, layout, fonts, placement, stepLighting(layout, step));
        const compose = (sz: number): TextItem[] => {
          const lh = sz * 1.4;
          const run = (text: string, font: PDFFont, extra: Partial<StyledRun> = {}): StyledRun => ({
            text: pdfSafeText(text, font),
            font,
            size: sz,
            ...extra
          });
          const items: TextItem[] = [
            {
              lines: breakLines(
                [
                  run(`Step ${index + 1} of ${tour.steps.length}: ${step.title}`, fonts.bold, {
                    size: sz + 2
                  })
                ],
                textWidth,
                (sz + 2) * 1.3
              ),
              gapBefore: 0
            }
          ];
          for (const para of step.text)
            items.push({
              lines: breakLines([run(para, fonts.regular)], textWidth, lh),
              gapBefore: sz * 0.4
            });
          const links: StyledRun[] = [run('On the map: ', fonts.regular, { colour: MUTED })];
          step.topics.forEach((slug, j) => {
            if (j) links.push(run(', ', fonts.regular, { colour: MUTED }));
            links.push(
              run(name(slug), fonts.regular, { href: topicHref('/', slug), colour: LINK })
            );
          });
          items.push({ lines: breakLines(links, textWidth, lh), gapBefore: sz * 0.4 });
          if (step.breaks) {
            items.push({
              lines: breakLines(
                [run(`What breaks: ${step.breaks.broken.map(name).join(', ')}`, fonts.bold)],
                textWidth,
                lh
              ),
              gapBefore: sz * 0.6
            });
            for (const para of step.breaks.text)
              items.push({
                lines: breakLines([run(para, fonts.regular)], textWidth, lh),
                gapBefore: sz * 0.2
              });
            for (const [label, value] of [
              ['Where it shows: ', step.breaks.log],
              ['First check: ', step.breaks.check]
            ] as const)
              items.push({
                lines: breakLines(
                  [run(label, fonts.bold), run(value, fonts.mono, { size: sz - 0.5 })],
                  textWidth,
                  lh
                ),
                gapBefore: sz * 0.2
              });
          }
          return items;
        };
        const available = slotHeight - mapHeight - 16;
        const heightOf = (items: TextItem[]) =>
          items.reduce(
            (sum, it) => sum + it.gapBefore + it.lines.reduce((s, l) => s + l.height, 0),
            0
          );
        let sz = 9;
        let items = compose(sz);
        while (heightOf(items) > available && sz > 5) items = compose((sz -= 0.5));
        drawItems(doc, page, writer, items, slotTop - mapHeight - 10, textWidth, resolveHref);
      });
      writer.finish();
    }
  }
  return firsts;
}
