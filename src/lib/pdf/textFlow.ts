import type { PDFFont, RGB } from 'pdf-lib';
import type { InlineRun } from '../content/types.ts';
import { shapeArabic } from './arabicForms.ts';
import { baseLevel, bidiLevels, clusters, hasRtl, mirrored, visualIndices } from './bidi.ts';

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
 * Characters that draw nothing: zero-width space and joiners, word joiner, BOM, soft
 * hyphen, and the bidi marks, embeddings and isolates (lines are put in visual order by
 * {@link breakLines} instead). Left in, each would be a glyph: a gap or a box.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Makes `text` drawable with `font`: drops invisible characters, turns control
 * characters and line or paragraph separators into spaces, lone surrogates into U+FFFD,
 * Arabic letters into their joined forms, and every character the font has no glyph
 * for into a visible placeholder (U+FFFD, or
 * "?" if the font lacks that too), calling `onMissing` with each such character so the
 * build can say where it is. Any Unicode renders or shows a mark, and never throws.
 */
export function pdfSafeText(
  text: string,
  font?: PDFFont,
  onMissing?: (char: string) => void
): string {
  const cleaned = text
    .replace(INVISIBLE, '')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (!font) return cleaned;
  const supported = characterSet(font);
  if (!supported) return cleaned;
  const placeholder = supported.has(0xfffd) ? '\ufffd' : '?';
  const stand = (ch: string) =>
    STAND_INS[ch] && [...STAND_INS[ch]].every((c) => supported.has(c.codePointAt(0)!))
      ? STAND_INS[ch]
      : undefined;
  let out = '';
  // Joined Arabic forms where the font has them (each glyph is drawn on its own).
  for (const ch of shapeArabic(cleaned, (cp) => supported.has(cp))) {
    if (ch === ' ' || supported.has(ch.codePointAt(0)!)) out += ch;
    else if (stand(ch)) out += stand(ch);
    else {
      onMissing?.(ch);
      out += placeholder;
    }
  }
  return out;
}

/** What a font without an arrow (a standard one: WinAnsi) draws instead of it. */
const STAND_INS: Record<string, string> = { '→': '->', '←': '<-', '↪': '»' };

const charSets = new WeakMap<PDFFont, Set<number> | null>();
function characterSet(font: PDFFont): Set<number> | null {
  if (!charSets.has(font)) {
    const embedder = (font as unknown as { embedder?: { font?: { characterSet?: number[] } } })
      .embedder;
    // An embedded font lists its glyphs; a standard one (Helvetica, Courier) its WinAnsi code points.
    const set = embedder?.font?.characterSet ?? (embedder ? font.getCharacterSet() : undefined);
    charSets.set(font, set ? new Set(set) : null);
  }
  return charSets.get(font) ?? null;
}

/** Turns markdown inline runs into styled runs with the given fonts (inline code in `mono` when given). */
export function styleRuns(
  runs: InlineRun[],
  fonts: { regular: PDFFont; bold: PDFFont; mono?: PDFFont },
  size: number,
  linkColour: RGB,
  onMissing?: (char: string) => void
): StyledRun[] {
  return runs.map((r) => {
    // Inline code is set in the monospace face, a little smaller so it sits with the text.
    const code = r.code && fonts.mono;
    const font = code ? fonts.mono! : r.strong ? fonts.bold : fonts.regular;
    return {
      text: pdfSafeText(r.text, font, onMissing),
      font,
      size: code ? size * 0.92 : size,
      ...(r.href ? { href: r.href, colour: linkColour } : {})
    };
  });
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
  if (!g)
    cache.set(
      ch,
      (g = { hex: font.encodeText(ch).asString(), width: font.widthOfTextAtSize(ch, 1) })
    );
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

/** Ideographs, kana, Hangul, CJK punctuation and full-width forms: a line may break between any two. */
const CJK =
  /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u;
/** Never at the start of a line (closing punctuation, small kana, the prolonged sound mark). */
const NO_BREAK_BEFORE =
  /^[、。，．：；！？）」』】〉》〕〗〙〛・ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.!?:;)\]}%]/;
/** Never at the end of a line (opening brackets). */
const NO_BREAK_AFTER = /[（「『【〈《〔〖〘〚([{]$/;

/**
 * Splits a word (no spaces) where a line may break inside it: around every CJK
 * character, keeping closing punctuation with what precedes it and opening brackets
 * with what follows. A word without CJK is one piece.
 */
export function breakPieces(word: string): string[] {
  if (!CJK.test(word)) return [word];
  const pieces: string[] = [];
  let prev = '';
  for (const c of clusters(word)) {
    const breakable =
      pieces.length > 0 &&
      (CJK.test(c) || CJK.test(prev)) &&
      !NO_BREAK_BEFORE.test(c) &&
      !NO_BREAK_AFTER.test(prev);
    if (breakable) pieces.push(c);
    else if (pieces.length) pieces[pieces.length - 1] += c;
    else pieces.push(c);
    prev = c;
  }
  return pieces;
}

/** Cuts `text` into chunks no wider than `width` (at least one cluster each), for a word longer than a line. */
function cutByWidth(text: string, font: PDFFont, size: number, width: number): string[] {
  const chunks: string[] = [];
  let chunk = '';
  let w = 0;
  for (const c of clusters(text)) {
    const cw = textWidth(font, c, size);
    if (chunk && w + cw > width) {
      chunks.push(chunk);
      [chunk, w] = ['', 0];
    }
    chunk += c;
    w += cw;
  }
  if (chunk) chunks.push(chunk);
  return chunks;
}

/**
 * Puts one broken line in visual order (see bidi.ts): splits its words into clusters,
 * reverses right-to-left runs, mirrors their brackets, and regroups the clusters into
 * words of one style each with fresh positions. A right-to-left paragraph is set flush
 * right within `width`.
 */
function visualLine(words: PlacedWord[], base: 0 | 1, width: number): PlacedWord[] {
  const cells = words.flatMap((w) => clusters(w.text).map((c) => ({ c, run: w.run })));
  const levels = bidiLevels(
    cells.map((x) => x.c),
    base
  );
  const out: PlacedWord[] = [];
  let x = 0;
  for (const i of visualIndices(levels)) {
    const { c, run } = cells[i];
    const ch = mirrored(c, levels[i]);
    const w = textWidth(run.font, ch, run.size);
    const last = out[out.length - 1];
    if (last && last.run === run) {
      last.text += ch;
      last.width += w;
    } else out.push({ text: ch, x, width: w, run });
    x += w;
  }
  if (base === 1) for (const w of out) w.x += Math.max(0, width - x);
  return out;
}

/**
 * Greedy line breaking of styled runs into lines no wider than `width`; `hang` indents
 * all but the first line. Lines break at spaces, between CJK characters, and inside a
 * word only when it is wider than a whole line (cut by width, as CSS
 * `overflow-wrap: anywhere`). Each line is then put in visual order, so right-to-left
 * runs (Hebrew, Arabic) read correctly; the paragraph's direction is that of its first
 * strong character.
 */
export function breakLines(
  runs: StyledRun[],
  width: number,
  lineHeight: number,
  indent = 0,
  hang = 0
): Line[] {
  const lines: Line[] = [];
  let words: PlacedWord[] = [];
  let x = 0;
  const all = runs.map((r) => r.text).join('');
  const rtl = hasRtl(all);
  const base = baseLevel(all);
  // Continuation lines of a list item hang under its text, not under its bullet.
  const lineIndent = () => (lines.length ? indent + hang : indent);
  const avail = () => width - lineIndent();
  const flush = () => {
    while (words.length && words[words.length - 1].text === ' ') words.pop();
    lines.push({
      words: rtl ? visualLine(words, base, avail()) : words,
      height: lineHeight,
      indent: lineIndent()
    });
    words = [];
    x = 0;
  };
  const place = (text: string, run: StyledRun, w: number) => {
    words.push({ text, x, width: w, run });
    x += w;
  };
  for (const run of runs) {
    for (const token of run.text.split(/( )/)) {
      if (!token) continue;
      if (token === ' ') {
        if (x > 0) place(token, run, textWidth(run.font, token, run.size));
        continue;
      }
      for (const piece of breakPieces(token)) {
        const w = textWidth(run.font, piece, run.size);
        if (x + w > avail() && x > 0) flush();
        if (w <= avail()) {
          place(piece, run, w);
          continue;
        }
        // Sized for the narrowest line it may land on (continuation lines hang).
        const chunks = cutByWidth(
          piece,
          run.font,
          run.size,
          Math.min(avail(), width - indent - hang)
        );
        chunks.forEach((chunk, i) => {
          if (i > 0) flush();
          place(chunk, run, textWidth(run.font, chunk, run.size));
        });
      }
    }
  }
  if (words.length) flush();
  return lines;
}

/**
 * Lines of a code block in a monospace `font`: one line per source line, indentation
 * kept (tabs as four spaces), and a line wider than `width` wrapped, at a space where
 * one falls in its last third, else mid-word, its continuations hanging two characters
 * under its indentation behind a `↪` mark. Nothing is reordered or dropped, so the
 * block reads as it is written (bidi reordering would change code).
 */
export function codeLines(
  code: string,
  font: PDFFont,
  size: number,
  width: number,
  lineHeight: number,
  colour?: RGB,
  onMissing?: (char: string) => void
): Line[] {
  const advance = textWidth(font, ' ', size);
  const perLine = Math.max(8, Math.floor(width / advance));
  const mark = pdfSafeText('↪ ', font);
  const run: StyledRun = { text: '', font, size, ...(colour ? { colour } : {}) };
  const lines: Line[] = [];
  const push = (text: string, indent = 0) => {
    const t = pdfSafeText(text, font, onMissing);
    lines.push({
      words: t ? [{ text: t, x: 0, width: textWidth(font, t, size), run }] : [],
      height: lineHeight,
      indent
    });
  };
  for (const raw of code.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\t/g, '    ').replace(/\s+$/, '');
    const lead = Math.min(/^ */.exec(line)![0].length, perLine - 8);
    let rest = line;
    let first = true;
    while (first || rest) {
      const room = first ? perLine : perLine - lead - 2;
      if ([...rest].length <= room) {
        push(first ? rest : mark + rest, first ? 0 : lead * advance);
        break;
      }
      const chars = [...rest];
      const space = chars.slice(0, room + 1).lastIndexOf(' ');
      const cut = space > room * 0.66 ? space : room;
      push(
        first ? chars.slice(0, cut).join('') : mark + chars.slice(0, cut).join(''),
        first ? 0 : lead * advance
      );
      rest = chars.slice(cut).join('').replace(/^ +/, '');
      first = false;
    }
  }
  return lines;
}
