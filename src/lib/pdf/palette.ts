import { rgb, type RGB } from 'pdf-lib';
import { COLOURS } from '../layout/mapStyle.ts';

/** A `#rrggbb` colour as pdf-lib's RGB. */
export function hexToRgb(hex: string): RGB {
  const n = Number.parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** Print colours per group: [accent, tint], the map style's light palette. */
export const GROUP_COLOURS: Record<string, [RGB, RGB]> = Object.fromEntries(
  Object.entries(COLOURS.groups).map(([g, [accent, tint]]) => [
    g,
    [hexToRgb(accent), hexToRgb(tint)]
  ])
);
export const FALLBACK: [RGB, RGB] = [hexToRgb(COLOURS.fallback[0]), hexToRgb(COLOURS.fallback[1])];
export const INK = hexToRgb(COLOURS.ink);
export const MUTED = hexToRgb(COLOURS.muted);
export const EDGE = hexToRgb(COLOURS.edge);
export const REGION_FILL = hexToRgb(COLOURS.regionFill);
export const REGION_STROKE = hexToRgb(COLOURS.regionStroke);
export const WHITE = hexToRgb(COLOURS.white);
export const LINK = hexToRgb(COLOURS.link);

export const groupColours = (group?: string): [RGB, RGB] =>
  group && Object.hasOwn(GROUP_COLOURS, group) ? GROUP_COLOURS[group] : FALLBACK;
