import type { PDFFont, PDFPage } from 'pdf-lib';
import type { MapLayout, Rect } from '../layout/MapLayout.ts';
import { TYPE } from '../layout/MapLayout.ts';
import { EDGE, INK, MUTED, REGION_FILL, REGION_STROKE, WHITE, groupColours } from './palette.ts';
import type { PdfRect } from './annotations.ts';
import { pdfSafeText } from './textFlow.ts';

export interface MapPlacement {
  /** Left edge and top edge of the map on the page, in points (top measured from the bottom). */
  left: number;
  top: number;
  scale: number;
}

/** Rounded rectangle as SVG path data in map units. */
export function roundedRectPath(r: Rect, radius: number): string {
  const k = Math.min(radius, r.width / 2, r.height / 2);
  const { x, y, width: w, height: h } = r;
  return `M${x + k},${y}H${x + w - k}Q${x + w},${y} ${x + w},${y + k}V${y + h - k}Q${x + w},${y + h} ${x + w - k},${y + h}H${x + k}Q${x},${y + h} ${x},${y + h - k}V${y + k}Q${x},${y} ${x + k},${y}Z`;
}

/** Converts a rectangle in map units to page points. */
export function toPage(r: Rect, p: MapPlacement): PdfRect {
  return {
    x: p.left + r.x * p.scale,
    y: p.top - (r.y + r.height) * p.scale,
    width: r.width * p.scale,
    height: r.height * p.scale
  };
}

/**
 * Draws the map as vectors on a page: regions and boxes, flow arrows with heads and
 * labelled pills, and nodes with their titles as real text. `dim` fades topics left
 * out by a filter. Returns nothing: links are added by the caller from the same rects.
 */
export function drawMap(
  page: PDFPage,
  layout: MapLayout,
  fonts: { regular: PDFFont; bold: PDFFont },
  p: MapPlacement,
  dim: (slug: string) => boolean = () => false
) {
  const s = p.scale;
  const svg = (path: string, opts: Parameters<PDFPage['drawSvgPath']>[1]) =>
    page.drawSvgPath(path, { x: p.left, y: p.top, scale: s, ...opts });
  const text = (t: string, x: number, y: number, size: number, bold: boolean, colour = INK, opacity = 1) => {
    const font = bold ? fonts.bold : fonts.regular;
    page.drawText(pdfSafeText(t, font), {
      x: p.left + x * s,
      y: p.top - y * s,
      size: size * s,
      font,
      color: colour,
      opacity
    });
  };
  const width = (t: string, size: number, bold: boolean) =>
    (bold ? fonts.bold : fonts.regular).widthOfTextAtSize(pdfSafeText(t, bold ? fonts.bold : fonts.regular), size);
  // Baseline that vertically centres text of `size` on `cy` (DejaVu cap height ≈ 0.73 em).
  const baseline = (cy: number, size: number) => cy + size * 0.36;

  for (const box of layout.boxes) {
    const [accent, tint] = groupColours(box.group);
    const faded = box.slug ? dim(box.slug) : false;
    const opacity = faded ? 0.3 : 1;
    if (box.slug) {
      svg(roundedRectPath(box, 10), { color: WHITE, borderColor: accent, borderWidth: 1.5 * s, opacity, borderOpacity: opacity });
      svg(roundedRectPath(box.header, 10), { color: tint, opacity });
      text(box.label, box.x + 14, baseline(box.y + box.header.height / 2, TYPE.box), TYPE.box, true, INK, opacity);
    } else {
      const fill = box.depth % 2 === 0 ? REGION_FILL : WHITE;
      svg(roundedRectPath(box, 14), { color: fill, borderColor: REGION_STROKE, borderWidth: 1.25 * s });
      text(box.label, box.x + 16, box.y + 24, TYPE.region, true, MUTED);
    }
  }

  for (const e of layout.flows) {
    const faded = dim(e.from) || dim(e.to);
    const opacity = faded ? 0.2 : 1;
    svg(e.path, { borderColor: EDGE, borderWidth: 1.4 * s, borderOpacity: opacity });
    const pts = e.points ?? [];
    if (pts.length < 2) continue;
    const [x2, y2] = pts[pts.length - 1];
    const [x1, y1] = pts[pts.length - 2];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const ux = (x2 - x1) / len;
    const uy = (y2 - y1) / len;
    const head = 7;
    const bx = x2 - ux * head;
    const by = y2 - uy * head;
    svg(`M${x2},${y2}L${bx - uy * head * 0.45},${by + ux * head * 0.45}L${bx + uy * head * 0.45},${by - ux * head * 0.45}Z`, {
      color: EDGE,
      opacity
    });
  }
  for (const e of layout.flows) {
    if (!e.labelRect || !e.label) continue;
    const r = e.labelRect;
    const opacity = dim(e.from) || dim(e.to) ? 0.25 : 1;
    svg(roundedRectPath({ x: r.x - 1, y: r.y, width: r.width + 2, height: r.height }, 4), {
      color: WHITE,
      borderColor: REGION_STROKE,
      borderWidth: 0.75 * s,
      opacity,
      borderOpacity: opacity
    });
    const w = width(e.label, TYPE.edgeLabel, false);
    text(e.label, r.x + r.width / 2 - w / 2, baseline(r.y + r.height / 2, TYPE.edgeLabel), TYPE.edgeLabel, false, MUTED, opacity);
  }

  for (const n of layout.nodes) {
    const [accent, tint] = groupColours(n.group);
    const opacity = dim(n.slug) ? 0.3 : 1;
    svg(roundedRectPath(n, 8), { color: tint, borderColor: accent, borderWidth: 1.5 * s, opacity, borderOpacity: opacity });
    n.lines.forEach((line, i) => {
      const cy = n.y + n.height / 2 + (i - (n.lines.length - 1) / 2) * TYPE.node * TYPE.lineHeight;
      const w = width(line, TYPE.node, true);
      text(line, n.x + n.width / 2 - w / 2, baseline(cy, TYPE.node), TYPE.node, true, INK, opacity);
    });
  }
}
