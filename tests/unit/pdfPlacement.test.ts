// Where the map sits on the PDF's first page, how many pages a tour takes, and the footer
// page numbers: small pure pieces the whole PDF rests on, checked on their own.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { stampPageNumbers } from '../../src/lib/pdf/pageNumbers.ts';
import { HEADER, MARGIN, mapPlacement, tourPageCount } from '../../src/lib/pdf/mapPlacement.ts';
import { PAGE_SIZES, PAGE_SIZE_NAMES, pdfFileName } from '../../src/lib/pdf/pageSizes.ts';
import { MUTED } from '../../src/lib/pdf/palette.ts';
import { readPage, sameColour } from '../support/pdfRead.ts';

describe('mapPlacement', () => {
  const [a4w, a4h] = PAGE_SIZES.A4;
  const top = a4w - MARGIN - HEADER;
  const availW = a4h - MARGIN * 2;
  const availH = top - MARGIN - 14;

  it('turns the page to landscape and puts the map below the header', () => {
    const p = mapPlacement({ width: 100, height: 100 }, 'A4');
    expect(p.page).toEqual([a4h, a4w]);
    expect(p.top).toBe(top);
  });

  it('a wide map fills the width between the margins', () => {
    const p = mapPlacement({ width: 2000, height: 100 }, 'A4');
    expect(p.scale).toBeCloseTo(availW / 2000, 9);
    expect(p.left).toBeCloseTo(MARGIN, 9);
  });

  it('a tall map fills the height and is centred across', () => {
    const p = mapPlacement({ width: 100, height: 2000 }, 'A4');
    expect(p.scale).toBeCloseTo(availH / 2000, 9);
    expect(p.left).toBeCloseTo(MARGIN + (availW - 100 * p.scale) / 2, 9);
    expect(p.left).toBeGreaterThan(MARGIN);
  });

  it('follows the page size it is given', () => {
    const [lw, lh] = PAGE_SIZES.Letter;
    expect(mapPlacement({ width: 10, height: 10 }, 'Letter').page).toEqual([lh, lw]);
  });
});

describe('pdfFileName', () => {
  it('names the A4 PDF plainly and the others by their size, in lower case', () => {
    expect(PAGE_SIZE_NAMES.map(pdfFileName)).toEqual([
      'deployment-map.pdf',
      'deployment-map-letter.pdf',
      'deployment-map-a3.pdf'
    ]);
  });
});

describe('tourPageCount', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 3]
  ])('%i steps take %i pages, two steps a page', (steps, pages) => {
    expect(tourPageCount(steps)).toBe(pages);
  });
});

describe('stampPageNumbers', () => {
  /** A page with something on it (a page with no content stream cannot be read back). */
  const addPage = (doc: PDFDocument, size?: [number, number], at?: number) => {
    const page = at === undefined ? doc.addPage(size) : doc.insertPage(at, size);
    page.drawRectangle({ x: 100, y: 100, width: 10, height: 10 });
  };
  const footer = (doc: PDFDocument, i: number) =>
    readPage(doc, doc.getPage(i)).texts.filter((t) => /^\d+ \/ \d+$/.test(t.text));

  it('numbers every page but the first, "n / total", right-aligned in muted 8 pt', async () => {
    const doc = await PDFDocument.create();
    addPage(doc, [842, 595]);
    addPage(doc, [595, 842]);
    addPage(doc, [612, 792]);
    await stampPageNumbers(doc);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    // Read back from the saved bytes, as a viewer reads them.
    const saved = await PDFDocument.load(await doc.save());
    expect(footer(saved, 0)).toEqual([]);
    for (const [i, width] of [
      [1, 595],
      [2, 612]
    ]) {
      const [run] = footer(saved, i);
      expect(run.text).toBe(`${i + 1} / 3`);
      expect(run.size).toBe(8);
      expect(run.y).toBe(18);
      expect(run.x).toBeCloseTo(width - MARGIN - font.widthOfTextAtSize(run.text, 8), 1);
      expect(sameColour(run.colour, MUTED)).toBe(true);
    }
  });

  it('numbering again replaces the old numbers: one footer a page, with the new total', async () => {
    const doc = await PDFDocument.create();
    addPage(doc);
    addPage(doc);
    await stampPageNumbers(doc);
    addPage(doc, undefined, 1);
    await stampPageNumbers(doc);
    await stampPageNumbers(doc);
    const saved = await PDFDocument.load(await doc.save());
    expect([0, 1, 2].map((i) => footer(saved, i).map((t) => t.text))).toEqual([
      [],
      ['2 / 3'],
      ['3 / 3']
    ]);
    // The old numbers' streams are gone from the file, not only from the pages.
    const count =
      new TextDecoder().decode(await doc.save()).split('DeploymentMapPageNumber').length - 1;
    expect(count).toBe(2);
  });
});
