import { rgb, type RGB } from 'pdf-lib';

/** Print colours per group: [accent, tint]. Mirrors the light theme of the site. */
export const GROUP_COLOURS: Record<string, [RGB, RGB]> = {
  clients: [rgb(0.114, 0.306, 0.847), rgb(0.902, 0.933, 0.988)],
  'hosted-services': [rgb(0.427, 0.157, 0.851), rgb(0.941, 0.918, 0.992)],
  hosting: [rgb(0.631, 0.29, 0.027), rgb(0.984, 0.941, 0.89)],
  'server-stack': [rgb(0.016, 0.471, 0.341), rgb(0.89, 0.961, 0.933)],
  delivery: [rgb(0.745, 0.071, 0.235), rgb(0.988, 0.914, 0.933)]
};
export const FALLBACK: [RGB, RGB] = [rgb(0.3, 0.33, 0.38), rgb(0.94, 0.95, 0.96)];
export const INK = rgb(0.09, 0.125, 0.18);
export const MUTED = rgb(0.294, 0.333, 0.388);
export const EDGE = rgb(0.278, 0.333, 0.412);
export const REGION_FILL = rgb(0.933, 0.945, 0.961);
export const REGION_STROKE = rgb(0.784, 0.808, 0.843);
export const WHITE = rgb(1, 1, 1);
export const LINK = rgb(0.059, 0.463, 0.431);

export const groupColours = (group?: string): [RGB, RGB] => (group && GROUP_COLOURS[group]) || FALLBACK;
