import fontkit from '@pdf-lib/fontkit';

interface FontLike {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

/**
 * A MeasureText backed by real font files (the TTFs the PDF embeds), so boxes sized at
 * build time fit their text on paper exactly and on screen with room to spare.
 */
export function createFontMeasure(regular: Uint8Array, bold: Uint8Array) {
  const fonts = [regular, bold].map(
    (bytes) => fontkit.create(bytes as never) as unknown as FontLike
  );
  const cache = new Map<string, number>();
  return (text: string, size: number, isBold = false): number => {
    const key = `${isBold ? 'b' : 'r'}${text}`;
    let units = cache.get(key);
    if (units === undefined) {
      const font = fonts[isBold ? 1 : 0];
      units = font.layout(text).advanceWidth / font.unitsPerEm;
      cache.set(key, units);
    }
    return units * size;
  };
}
