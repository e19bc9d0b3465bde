import type { Rect } from './MapLayout.ts';

/**
 * Whether two rectangles share area. `slack` forgives that much overlap on each side,
 * so rectangles that only touch, or overlap by rounding, do not count.
 */
export const rectsOverlap = (a: Rect, b: Rect, slack = 0) =>
  a.x < b.x + b.width - slack &&
  b.x < a.x + a.width - slack &&
  a.y < b.y + b.height - slack &&
  b.y < a.y + a.height - slack;

/** Whether `a` lies inside `b`, allowing it to stick out by `slack` on each side. */
export const rectWithin = (a: Rect, b: Rect, slack = 0) =>
  a.x >= b.x - slack &&
  a.y >= b.y - slack &&
  a.x + a.width <= b.x + b.width + slack &&
  a.y + a.height <= b.y + b.height + slack;
