import {
  PDFHexString,
  beginText,
  endText,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type RGB
} from 'pdf-lib';

import { glyphHex } from './textFlow.ts';

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Writes many short text runs to a page inside one text object, changing font and colour
 * only when they change. pdf-lib's drawText wraps every call in its own graphics state
 * and text object; for a page of prose that triples the content stream.
 */
export class PageText {
  private ops: PDFOperator[] = [beginText()];
  private keys = new Map<PDFFont, PDFName>();
  private font?: PDFFont;
  private size?: number;
  private colour?: string;

  constructor(private readonly page: PDFPage) {}

  /** Draws `text` (already safe for the font) with its baseline at (x, y). */
  draw(text: string, x: number, y: number, font: PDFFont, size: number, colour: RGB) {
    if (font !== this.font || size !== this.size) {
      let key = this.keys.get(font);
      if (!key) this.keys.set(font, (key = this.page.node.newFontDictionary(font.name, font.ref)));
      this.ops.push(setFontAndSize(key, size));
      [this.font, this.size] = [font, size];
    }
    const c = `${colour.red},${colour.green},${colour.blue}`;
    if (c !== this.colour) {
      this.ops.push(setFillingRgbColor(r2(colour.red), r2(colour.green), r2(colour.blue)));
      this.colour = c;
    }
    this.ops.push(
      setTextMatrix(1, 0, 0, 1, r2(x), r2(y)),
      showText(PDFHexString.of(glyphHex(font, text)))
    );
  }

  /** Ends the text object and appends everything to the page's content. */
  finish() {
    this.ops.push(endText());
    this.page.pushOperators(...this.ops);
    this.ops = [];
  }
}
