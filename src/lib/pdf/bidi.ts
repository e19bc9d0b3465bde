/**
 * A small subset of the Unicode bidirectional algorithm (UAX #9), enough to draw a line
 * of mixed English, Hebrew and Arabic in visual order: strong types L and R, European
 * numbers kept left to right, neutrals resolved from their neighbours, marks following
 * their base, then runs reversed by level (rule L2) with brackets mirrored. No explicit
 * embeddings or isolates (content never needs them; their controls are dropped by
 * pdfSafeText). A PDF draws glyphs left to right, so this runs on each broken line.
 */

type BidiType = 'L' | 'R' | 'EN' | 'N' | 'NSM';

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;
const MARK = /\p{M}/u;
const STRONG_L = /[\p{L}\p{Nl}]/u;

function typeOf(cluster: string): BidiType {
  const ch = String.fromCodePoint(cluster.codePointAt(0) ?? 32);
  if (DIGIT.test(ch)) return 'EN';
  if (MARK.test(ch)) return 'NSM';
  if (RTL.test(ch)) return 'R';
  if (STRONG_L.test(ch)) return 'L';
  return 'N';
}

/** `text` split into clusters: a character with the combining marks that follow it. */
export function clusters(text: string): string[] {
  return text.match(/\P{M}\p{M}*|\p{M}+/gsu) ?? [];
}

/** True if `text` has any right-to-left character (the fast path skips the rest). */
export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/** Paragraph level (rule P2): 1 if the first strong character is right-to-left, else 0. */
export function baseLevel(text: string): 0 | 1 {
  for (const ch of text) {
    const t = typeOf(ch);
    if (t === 'R') return 1;
    if (t === 'L') return 0;
  }
  return 0;
}

/**
 * Embedding level of each cluster of `chars` (see {@link clusters}: a mark stays with its
 * base, so it is drawn after it in either direction) in a paragraph of level `base`.
 */
export function bidiLevels(chars: readonly string[], base: 0 | 1): number[] {
  const types = chars.map(typeOf);
  const sos: BidiType = base ? 'R' : 'L';
  // W1: a mark takes the type of what it follows.
  for (let i = 0; i < types.length; i++) if (types[i] === 'NSM') types[i] = i ? types[i - 1] : sos;
  // W7: a number after a strong L (or at the start of an LTR paragraph) is L.
  let strong: BidiType = sos;
  for (let i = 0; i < types.length; i++) {
    if (types[i] === 'L' || types[i] === 'R') strong = types[i];
    else if (types[i] === 'EN' && strong === 'L') types[i] = 'L';
  }
  // N1/N2: neutrals between two of the same direction (numbers count as R) take it;
  // others take the paragraph's direction.
  const dir = (t: BidiType) => (t === 'L' ? 'L' : t === 'R' || t === 'EN' ? 'R' : null);
  for (let i = 0; i < types.length;) {
    if (types[i] !== 'N') {
      i++;
      continue;
    }
    let j = i;
    while (j < types.length && types[j] === 'N') j++;
    const before = i ? dir(types[i - 1]) : sos;
    const after = j < types.length ? dir(types[j]) : sos;
    const t: BidiType = before === after && before ? before : sos;
    for (let k = i; k < j; k++) types[k] = t;
    i = j;
  }
  // I1/I2: implicit levels.
  return types.map((t) => (base === 0 ? (t === 'R' ? 1 : t === 'EN' ? 2 : 0) : t === 'R' ? 1 : 2));
}

const MIRROR: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹'
};

/**
 * Reorders items (one per character) from logical to visual order given their levels
 * (rule L2: from the highest level down to 1, reverse every run at that level or above).
 * Returns the indices of `levels` in the order they are drawn, left to right.
 */
export function visualIndices(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  const max = Math.max(0, ...levels);
  const minOdd = Math.min(...levels.filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= minOdd; level--)
    for (let i = 0; i < order.length;) {
      if (levels[order[i]] < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && levels[order[j]] >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  return order;
}

/** The character as drawn at `level`: brackets face the other way in right-to-left runs. */
export function mirrored(ch: string, level: number): string {
  return level % 2 === 1 ? (MIRROR[ch] ?? ch) : ch;
}

/** A one-line string in visual order (titles, labels): `text` if it has no RTL character. */
export function visualText(text: string, base: 0 | 1 = baseLevel(text)): string {
  if (!hasRtl(text)) return text;
  const chars = clusters(text);
  const levels = bidiLevels(chars, base);
  return visualIndices(levels)
    .map((i) => mirrored(chars[i], levels[i]))
    .join('');
}
