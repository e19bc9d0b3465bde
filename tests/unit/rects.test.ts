import { describe, expect, it } from 'vitest';
import { rectsOverlap, rectWithin } from '../../src/lib/layout/rects.ts';

// The two rectangle tests every layout check leans on (labels kept off topics, boxes
// holding their children, the quality measures): what counts as touching and as inside.
const r = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const box = r(10, 20, 30, 40);

describe('rectsOverlap', () => {
  it('is true when two rectangles share area, whichever is given first', () => {
    for (const other of [r(30, 50, 20, 20), r(0, 0, 100, 100), r(15, 25, 5, 5), r(5, 30, 10, 5)]) {
      expect(rectsOverlap(box, other)).toBe(true);
      expect(rectsOverlap(other, box)).toBe(true);
    }
  });

  it('is false for rectangles apart or only touching on any side', () => {
    const beside = [
      r(40, 20, 10, 10), // touching the right side
      r(0, 20, 10, 10), // touching the left side
      r(10, 60, 10, 10), // touching the bottom
      r(10, 10, 10, 10), // touching the top
      r(41, 20, 10, 10),
      r(10, 61, 10, 10)
    ];
    for (const other of beside) {
      expect(rectsOverlap(box, other), JSON.stringify(other)).toBe(false);
      expect(rectsOverlap(other, box), JSON.stringify(other)).toBe(false);
    }
  });

  it('forgives an overlap no deeper than the slack, on each side', () => {
    // 0.4 deep on the right, then on the bottom, then on the left, then on the top.
    for (const other of [
      r(39.6, 20, 10, 10),
      r(10, 59.6, 10, 10),
      r(0.4, 20, 10, 10),
      r(10, 10.4, 10, 10)
    ]) {
      expect(rectsOverlap(box, other, 0.5), JSON.stringify(other)).toBe(false);
      expect(rectsOverlap(other, box, 0.5), JSON.stringify(other)).toBe(false);
      expect(rectsOverlap(box, other), JSON.stringify(other)).toBe(true);
    }
    expect(rectsOverlap(box, r(39, 20, 10, 10), 0.5)).toBe(true);
  });
});

describe('rectWithin', () => {
  it('is true for a rectangle inside another, its own edges included', () => {
    expect(rectWithin(r(15, 25, 5, 5), box)).toBe(true);
    expect(rectWithin(box, box)).toBe(true);
    expect(rectWithin(r(10, 20, 1, 1), box)).toBe(true);
    expect(rectWithin(r(39, 59, 1, 1), box)).toBe(true);
  });

  it('is false when it sticks out on any side, or only holds the other', () => {
    for (const out of [r(9, 25, 5, 5), r(15, 19, 5, 5), r(36, 25, 5, 5), r(15, 56, 5, 5)])
      expect(rectWithin(out, box), JSON.stringify(out)).toBe(false);
    expect(rectWithin(r(0, 0, 100, 100), box)).toBe(false);
  });

  it('lets it stick out by the slack on each side, and no further', () => {
    for (const side of [
      r(9.6, 25, 5, 5),
      r(15, 19.6, 5, 5),
      r(35.4, 25, 5, 5),
      r(15, 55.4, 5, 5)
    ]) {
      expect(rectWithin(side, box, 0.5), JSON.stringify(side)).toBe(true);
      expect(rectWithin(side, box), JSON.stringify(side)).toBe(false);
    }
    expect(rectWithin(r(9.4, 25, 5, 5), box, 0.5)).toBe(false);
    expect(rectWithin(r(15, 55.6, 5, 5), box, 0.5)).toBe(false);
  });
});
