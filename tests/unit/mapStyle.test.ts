import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOURS } from '../../src/lib/layout/mapStyle.ts';
import { EDGE, GROUP_COLOURS, INK, hexToRgb } from '../../src/lib/pdf/palette.ts';

// The screen's light theme (app.css) and the PDF (palette.ts) both take their colours
// from mapStyle: a change in one place must show in the other.
describe('one palette for screen and paper', () => {
  const css = readFileSync('src/app.css', 'utf8');
  const light = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
  const cssVar = (name: string) =>
    new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(light)?.[1]?.toLowerCase();

  it.each(Object.entries(COLOURS.groups))(
    'group %s has the same accent and tint on screen',
    (group, [accent, tint]) => {
      expect(cssVar(`g-${group}`)).toBe(accent);
      expect(cssVar(`g-${group}-bg`)).toBe(tint);
    }
  );
  it.each([
    ['text', COLOURS.ink],
    ['muted', COLOURS.muted],
    ['edge', COLOURS.edge],
    ['region-fill', COLOURS.regionFill],
    ['region-stroke', COLOURS.regionStroke]
  ])('--%s matches the map style', (name, hex) => expect(cssVar(name)).toBe(hex));
  it('the PDF palette is the map style converted', () => {
    expect(INK).toEqual(hexToRgb(COLOURS.ink));
    expect(EDGE).toEqual(hexToRgb(COLOURS.edge));
    expect(GROUP_COLOURS.clients[0]).toEqual(hexToRgb(COLOURS.groups.clients[0]));
    expect(hexToRgb('#ff8000')).toMatchObject({ red: 1, green: 128 / 255, blue: 0 });
  });
});
