import type { MapLayout } from '../layout/MapLayout.ts';

import { PAGE_SIZES, type PageSize } from './pageSizes.ts';

export const MARGIN = 36;
/** Space above the map for the title, date, source and legend. */
export const HEADER = 44;

/** Tour steps per PDF page: each gets half a page, its small lit map above its text. */
export const STEPS_PER_PAGE = 2;

/** How many pages a tour of `steps` steps takes in the PDF (the build and the browser agree). */
export const tourPageCount = (steps: number) => Math.ceil(steps / STEPS_PER_PAGE);

/**
 * Where the map sits on page 1 (landscape): the scale that fits it inside the margins
 * below the header, centred. Shared by the build (drawing) and the browser (stamping
 * marks onto the prebuilt PDF), so both agree to the point.
 */
export function mapPlacement(layout: Pick<MapLayout, 'width' | 'height'>, size: PageSize) {
  const [pw, ph] = PAGE_SIZES[size];
  const [width, height] = [ph, pw];
  const top = height - MARGIN - HEADER;
  const availW = width - MARGIN * 2;
  const availH = top - MARGIN - 14;
  const scale = Math.min(availW / layout.width, availH / layout.height);
  const left = MARGIN + (availW - layout.width * scale) / 2;
  return { page: [width, height] as [number, number], left, top, scale };
}

/** Map page dictionary key: where a PDF built without an address leaves room for one ("x y size"). */
export const ADDRESS_SLOT = 'AddressSlot';
