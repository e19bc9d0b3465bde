/**
 * Arabic letters in their joined forms, from the Arabic Presentation Forms-B block
 * (U+FE70..U+FEFF, which DejaVu Sans has), so a PDF drawn one glyph per character still
 * shows connected script instead of isolated letters. Runs on logical text, before
 * bidi reordering. Letters outside the basic set (Persian, Urdu) stay as they are.
 */

// Letters in code point order with how many forms each has in the block, which lists
// them in the same order as isolated, final[, initial, medial]: 1 = does not join,
// 2 = joins only the letter before it, 4 = joins on both sides.
const LETTERS: [from: number, to: number, forms: number][] = [
  [0x0621, 0x0621, 1],
  [0x0622, 0x0625, 2],
  [0x0626, 0x0626, 4],
  [0x0627, 0x0627, 2],
  [0x0628, 0x0628, 4],
  [0x0629, 0x0629, 2],
  [0x062a, 0x062e, 4],
  [0x062f, 0x0632, 2],
  [0x0633, 0x063a, 4],
  [0x0641, 0x0647, 4],
  [0x0648, 0x0649, 2],
  [0x064a, 0x064a, 4]
];
const FORMS = new Map<number, { first: number; count: number }>();
{
  let next = 0xfe80;
  for (const [from, to, count] of LETTERS)
    for (let cp = from; cp <= to; cp++) {
      FORMS.set(cp, { first: next, count });
      next += count;
    }
}
const TATWEEL = 0x0640;
/** Lam followed by these alefs becomes one ligature: [isolated, final]. */
const LAM_ALEF: Record<number, [number, number]> = {
  0x0622: [0xfef5, 0xfef6],
  0x0623: [0xfef7, 0xfef8],
  0x0625: [0xfef9, 0xfefa],
  0x0627: [0xfefb, 0xfefc]
};
const LAM = 0x0644;
/** Harakat and other marks: they sit on a letter and do not break the joining. */
const TRANSPARENT = /[\u064b-\u065f\u0670\u06d6-\u06ed]/;

const joinsBothSides = (cp: number) => cp === TATWEEL || FORMS.get(cp)?.count === 4;
const joinsBefore = (cp: number) => cp === TATWEEL || (FORMS.get(cp)?.count ?? 0) >= 2;

/**
 * Replaces each basic Arabic letter in `text` by its isolated, initial, medial or final
 * presentation form (and lam + alef by their ligature), where `hasGlyph` says the font
 * can draw that form; anything else is left as it is.
 */
export function shapeArabic(text: string, hasGlyph: (cp: number) => boolean = () => true): string {
  if (!/[\u0621-\u064a]/.test(text)) return text;
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const neighbour = (i: number, step: 1 | -1) => {
    for (let j = i + step; j >= 0 && j < cps.length; j += step)
      if (!TRANSPARENT.test(String.fromCodePoint(cps[j]))) return j;
    return -1;
  };
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    const forms = FORMS.get(cp);
    if (!forms) {
      out += String.fromCodePoint(cp);
      continue;
    }
    const p = neighbour(i, -1);
    const n = neighbour(i, 1);
    const joinPrev = p >= 0 && joinsBothSides(cps[p]);
    if (cp === LAM && n >= 0 && LAM_ALEF[cps[n]]) {
      const lig = LAM_ALEF[cps[n]][joinPrev ? 1 : 0];
      if (hasGlyph(lig)) {
        // The marks between lam and alef go after the ligature.
        out +=
          String.fromCodePoint(lig) +
          cps
            .slice(i + 1, n)
            .map((c) => String.fromCodePoint(c))
            .join('');
        i = n;
        continue;
      }
    }
    const joinNext = forms.count === 4 && n >= 0 && joinsBefore(cps[n]);
    const before = joinPrev && forms.count >= 2;
    const index = before && joinNext ? 3 : joinNext ? 2 : before ? 1 : 0;
    const form = forms.first + index;
    out += String.fromCodePoint(hasGlyph(form) ? form : cp);
  }
  return out;
}
