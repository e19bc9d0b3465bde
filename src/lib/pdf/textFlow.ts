import type { PDFFont, RGB } from 'pdf-lib';
import type { InlineRun } from '../content/types.ts';

/** A run of text in one style, ready to be broken into lines. */
export interface StyledRun {
  text: string;
  font: PDFFont;
  size: number;
  href?: string;
  colour?: RGB;
}

/** A word (or space) placed on a line. */
export interface PlacedWord {
  text: string;
  x: number;
  width: number;
  run: StyledRun;
}

export interface Line {
  words: PlacedWord[];
  height: number;
  indent: number;
}

/**
 * Replaces what a PDF text string cannot carry (control characters, lone surrogates)
 * and characters the font has no glyph for with a visible stand-in, so any Unicode in
 * content renders or shows a replacement mark and never throws.
 */
export function pdfSafeText(text: string, font?: PDFFont): string {
  const cleaned = text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (!font) return cleaned;
  const supported = characterSet(font);
  if (!supported) return cleaned;
  let out = '';
  for (const ch of cleaned) out += ch === ' ' || supported.has(ch.codePointAt(0)!) ? ch : '?';
  return out;
}

const charSets = new WeakMap<PDFFont, Set<number> | null>();
function characterSet(font: PDFFont): Set<number> | null {
  if (!charSets.has(font)) {
    const embedder = (font as unknown as { embedder?: { font?: { characterSet?: number[] } } }).embedder;
    const set = embedder?.font?.characterSet;
    charSets.set(font, set ? new Set(set) : null);
  }
  return charSets.get(font) ?? null;
}

/** Turns markdown inline runs into styled runs with the given fonts. */
export function styleRuns(
  runs: InlineRun[],
  fonts: { regular: PDFFont; bold: PDFFont },
  size: number,
  linkColour: RGB
): StyledRun[] {
  return runs.map((r) => ({
    text: pdfSafeText(r.text, r.strong ? fonts.bold : fonts.regular),
    font: r.strong ? fonts.bold : fonts.regular,
    size,
    ...(r.href ? { href: r.href, colour: linkColour } : {})
  }));
}

interface GlyphInfo {
  hex: string;
  width: number;
}
const glyphCache = new WeakMap<PDFFont, Map<string, GlyphInfo>>();

/**
 * Per-character glyph code (hex) and advance width at size 1, memoised per font.
 * Shaping whole runs with fontkit is the slowest part of building a PDF; the PDF shows
 * glyphs without kerning anyway, so summing character advances is also the width that
 * is actually drawn. (Encoding a character registers its glyph with the font subset.)
 */
function glyph(font: PDFFont, ch: string): GlyphInfo {
  let cache = glyphCache.get(font);
  if (!cache) glyphCache.set(font, (cache = new Map()));
  let g = cache.get(ch);
  if (!g) cache.set(ch, (g = { hex: font.encodeText(ch).asString(), width: font.widthOfTextAtSize(ch, 1) }));
  return g;
}

/** Advance width of `text` at `size` as drawn by {@link glyphHex}. */
export function textWidth(font: PDFFont, text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += glyph(font, ch).width;
  return w * size;
}

/** Glyph codes of `text` for a `Tj` operator, as a hex string. */
export function glyphHex(font: PDFFont, text: string): string {
  let hex = '';
  for (const ch of text) hex += glyph(font, ch).hex;
  return hex;
}

/** Greedy line breaking of styled runs into lines no wider than `width`; `hang` indents all but the first line. */
export function breakLines(runs: StyledRun[], width: number, lineHeight: number, indent = 0, hang = 0): Line[] {
  const lines: Line[] = [];
  let words: PlacedWord[] = [];
  let x = 0;
  const flush = () => {
    while (words.length && words[words.length - 1].text === ' ') words.pop();
    // Continuation lines of a list item hang under its text, not under its bullet.
    lines.push({ words, height: lineHeight, indent: lines.length ? indent + hang : indent });
    words = [];
    x = 0;
  };
  for (const run of runs) {
    for (const token of run.text.split(/( )/)) {
      if (!token) continue;
      if (token === ' ' && x === 0) continue;
      const w = textWidth(run.font, token, run.size);
      if (token !== ' ' && x + w > width - indent - (lines.length ? hang : 0) && x > 0) flush();
      words.push({ text: token, x, width: w, run });
      x += w;
    }
  }
  if (words.length) flush();
  return lines;
}
