import { rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import { addInternalLink, addUriLink } from './annotations.ts';
import { MARGIN } from './mapPlacement.ts';
import type { PageText } from './PageText.ts';
import { INK } from './palette.ts';
import type { Line } from './textFlow.ts';

/** Background of a code block on a topic page. */
const CODE_BG = rgb(0.955, 0.96, 0.97);

/** Lines of text laid out for a page (breakLines), with the space before them; `code` draws a background. */
export interface TextItem {
  lines: Line[];
  gapBefore: number;
  code?: boolean;
}

/**
 * Draws laid-out text items downwards from `top` at the left margin: one text run per
 * style segment, link annotations over linked words (to a page of the PDF or an
 * address, as `resolveHref` says), a background behind code. Returns the last baseline.
 */
export function drawItems(
  doc: PDFDocument,
  page: PDFPage,
  writer: PageText,
  items: TextItem[],
  top: number,
  textWidth: number,
  resolveHref: (href: string) => { page?: PDFPage; uri?: string }
): number {
  let y = top;
  for (const item of items) {
    y -= item.gapBefore;
    if (item.code) {
      const h = item.lines.reduce((s, l) => s + l.height, 0);
      page.drawRectangle({
        x: MARGIN - 4,
        y: y - h - 3,
        width: textWidth + 8,
        height: h + 4,
        color: CODE_BG
      });
    }
    for (const line of item.lines) {
      y -= line.height;
      let linkStart: { href: string; x: number } | undefined;
      const flushLink = (endX: number) => {
        if (!linkStart) return;
        const target = resolveHref(linkStart.href);
        const rect = {
          x: MARGIN + linkStart.x,
          y: y - 2,
          width: endX - linkStart.x,
          height: line.height
        };
        if (target.page) addInternalLink(doc, page, rect, target.page);
        else if (target.uri) addUriLink(doc, page, rect, target.uri);
        linkStart = undefined;
      };
      for (const w of line.words) {
        if (w.run.href !== linkStart?.href) {
          flushLink(line.indent + w.x);
          if (w.run.href) linkStart = { href: w.run.href, x: line.indent + w.x };
        }
      }
      // One text run per style segment, not per word: it keeps the PDF small.
      for (let i = 0; i < line.words.length;) {
        const first = line.words[i];
        let text = '';
        while (i < line.words.length && line.words[i].run === first.run)
          text += line.words[i++].text;
        if (text.trim())
          writer.draw(
            text,
            MARGIN + (item.code ? 4 : 0) + line.indent + first.x,
            y,
            first.run.font,
            first.run.size,
            first.run.colour ?? INK
          );
      }
      const last = line.words[line.words.length - 1];
      if (last) flushLink(line.indent + last.x + last.width);
    }
  }
  return y;
}
