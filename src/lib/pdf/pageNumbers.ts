import {
  PDFArray,
  PDFBool,
  PDFName,
  PDFRef,
  PDFStream,
  StandardFonts,
  beginMarkedContent,
  beginText,
  endMarkedContent,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFDocument
} from 'pdf-lib';
import { MARGIN } from './mapPlacement.ts';
import { MUTED } from './palette.ts';

/** Marks the content stream that holds a page's footer number, so it can be found again. */
const MARK = PDFName.of('DeploymentMapPageNumber');

/**
 * Writes "n / total" in the footer of every page but the first (the map, a cover), where
 * n is the page's real index. Each number is a content stream of its own, marked, in the
 * standard Helvetica (digits need no embedded font), and tagged as a pagination artifact.
 * Numbers written earlier are removed first, so the browser can renumber the prebuilt
 * PDF after adding or removing pages (the checklist page, the topic pages) and the
 * footer of page 24 always says 24.
 */
export async function stampPageNumbers(doc: PDFDocument) {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const contents = page.node.Contents();
    if (contents instanceof PDFArray)
      for (let k = contents.size() - 1; k >= 0; k--) {
        const item = contents.get(k);
        const stream = item instanceof PDFRef ? doc.context.lookup(item) : item;
        if (stream instanceof PDFStream && stream.dict.get(MARK) === PDFBool.True) {
          contents.remove(k);
          if (item instanceof PDFRef) doc.context.delete(item);
        }
      }
    if (i === 0) return;
    const label = `${i + 1} / ${pages.length}`;
    const key = page.node.newFontDictionary(font.name, font.ref);
    const { width } = page.getSize();
    const x = width - MARGIN - font.widthOfTextAtSize(label, 8);
    const ops = [
      beginMarkedContent('Artifact'),
      pushGraphicsState(),
      beginText(),
      setFontAndSize(key, 8),
      setFillingRgbColor(MUTED.red, MUTED.green, MUTED.blue),
      setTextMatrix(1, 0, 0, 1, Math.round(x * 100) / 100, 18),
      showText(font.encodeText(label)),
      endText(),
      popGraphicsState(),
      endMarkedContent()
    ];
    const stream = doc.context.contentStream(ops, { [MARK.asString().slice(1)]: true });
    page.node.addContentStream(doc.context.register(stream));
  });
}
