import { rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { LayoutEdge, MapLayout, Rect } from '../layout/MapLayout.ts';
import {
  ARROWHEAD,
  FADE,
  INTRO,
  KEY_ENTRIES,
  RADIUS,
  SPACE,
  STROKE,
  TYPE
} from '../layout/mapStyle.ts';
import {
  EDGE,
  INK,
  LINK,
  MUTED,
  REGION_FILL,
  REGION_STROKE,
  WHITE,
  groupColours
} from './palette.ts';
import type { PdfRect } from './annotations.ts';
import { visualText } from './bidi.ts';
import { PageText } from './PageText.ts';
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

/** Arrowhead outline (map units) with its tip at `tip`, pointing from `from` to `tip`. */
function arrowhead(tip: [number, number], from: [number, number]): string {
  const [x2, y2] = tip;
  const len = Math.hypot(x2 - from[0], y2 - from[1]) || 1;
  const ux = (x2 - from[0]) / len;
  const uy = (y2 - from[1]) / len;
  const bx = x2 - ux * ARROWHEAD.length;
  const by = y2 - uy * ARROWHEAD.length;
  const w = ARROWHEAD.halfWidth;
  return `M${x2},${y2}L${bx - uy * w},${by + ux * w}L${bx + uy * w},${by - ux * w}Z`;
}

/**
 * Draws the map as vectors on a page, in the screen's style (mapStyle): regions and boxes,
 * wires with heads (both ends for a two-way wire) and labelled pills, nodes with their
 * titles as real text, the key and the opening lines. `dim` fades topics a filter leaves
 * out. Links are added by the caller from the same rects.
 */
export function drawMap(
  page: PDFPage,
  layout: MapLayout,
  fonts: { regular: PDFFont; bold: PDFFont },
  p: MapPlacement,
  dim: (slug: string) => boolean = () => false
) {
  const s = p.scale;
  // Paths and their line widths in map units: drawSvgPath scales both to the page, as the
  // screen's SVG scales its strokes with the map.
  const svg = (path: string, opts: Parameters<PDFPage['drawSvgPath']>[1]) =>
    page.drawSvgPath(path, { x: p.left, y: p.top, scale: s, ...opts });
  const width = (t: string, size: number, bold: boolean) =>
    (bold ? fonts.bold : fonts.regular).widthOfTextAtSize(t, size);
  // Baseline that vertically centres text of `size` on `cy` (DejaVu cap height ≈ 0.73 em).
  const baseline = (cy: number, size: number) => cy + size * 0.36;
  const safe = (t: string, bold: boolean) =>
    visualText(pdfSafeText(t, bold ? fonts.bold : fonts.regular));
  // Text is collected and written last in one text object, faded text mixed with the paper.
  const texts: {
    t: string;
    x: number;
    y: number;
    size: number;
    bold: boolean;
    colour: RGB;
    opacity: number;
    anchor: 'start' | 'middle';
  }[] = [];
  const text = (
    t: string,
    x: number,
    y: number,
    size: number,
    bold: boolean,
    colour = INK,
    opacity = 1,
    anchor: 'start' | 'middle' = 'start'
  ) => texts.push({ t: safe(t, bold), x, y, size, bold, colour, opacity, anchor });

  for (const box of layout.boxes) {
    const [accent, tint] = groupColours(box.group);
    const opacity = box.slug && dim(box.slug) ? FADE.filtered : 1;
    const r = box.depth ? RADIUS.box : RADIUS.region;
    if (box.slug) {
      svg(roundedRectPath(box, r), {
        color: WHITE,
        borderColor: accent,
        borderWidth: STROKE.box,
        opacity,
        borderOpacity: opacity
      });
      svg(roundedRectPath(box.header, r), { color: tint, opacity });
      text(
        box.label,
        box.x + SPACE.boxPad,
        baseline(box.y + box.header.height / 2, TYPE.box),
        TYPE.box,
        true,
        INK,
        opacity
      );
    } else {
      const fill = box.depth % 2 === 0 ? REGION_FILL : WHITE;
      svg(roundedRectPath(box, r), {
        color: fill,
        borderColor: REGION_STROKE,
        borderWidth: STROKE.region
      });
      const size = box.depth ? TYPE.box : TYPE.region;
      text(
        box.label,
        box.x + SPACE.boxPad,
        baseline(box.y + box.header.height / 2, size),
        size,
        true,
        MUTED
      );
    }
  }

  const wires = new Map<string, LayoutEdge[]>();
  for (const e of layout.flows)
    wires.set(e.wire ?? e.id, [...(wires.get(e.wire ?? e.id) ?? []), e]);
  for (const [id, edges] of wires) {
    const main = edges.find((e) => e.id === id) ?? edges[0];
    const opacity = dim(main.from) || dim(main.to) ? FADE.filteredEdge : 1;
    svg(main.path, {
      borderColor: main.primary ? INK : EDGE,
      borderWidth: main.primary ? STROKE.primary : STROKE.flow,
      borderOpacity: opacity
    });
    const pts = main.points ?? [];
    if (pts.length < 2) continue;
    const head = main.primary ? INK : EDGE;
    svg(arrowhead(pts[pts.length - 1], pts[pts.length - 2]), { color: head, opacity });
    if (main.twoWay) svg(arrowhead(pts[0], pts[1]), { color: head, opacity });
    for (const e of edges) {
      if (!e.labelRect || !e.label) continue;
      const lr = e.labelRect;
      svg(roundedRectPath(lr, RADIUS.pill), {
        color: WHITE,
        borderColor: REGION_STROKE,
        borderWidth: STROKE.pill,
        opacity,
        borderOpacity: opacity
      });
      const lines = e.labelLines ?? [e.label];
      lines.forEach((line, i) => {
        const cy = lr.y + SPACE.labelPadY + (i + 0.5) * TYPE.edgeLabel * TYPE.lineHeight;
        text(
          line,
          lr.x + lr.width / 2,
          baseline(cy, TYPE.edgeLabel),
          TYPE.edgeLabel,
          false,
          MUTED,
          opacity,
          'middle'
        );
      });
    }
  }

  for (const n of layout.nodes) {
    const [accent, tint] = groupColours(n.group);
    const opacity = dim(n.slug) ? FADE.filtered : 1;
    svg(roundedRectPath(n, RADIUS.node), {
      color: tint,
      borderColor: accent,
      borderWidth: STROKE.node,
      opacity,
      borderOpacity: opacity
    });
    n.lines.forEach((line, i) => {
      const cy = n.y + n.height / 2 + (i - (n.lines.length - 1) / 2) * TYPE.node * TYPE.lineHeight;
      text(
        line,
        n.x + n.width / 2,
        baseline(cy, TYPE.node),
        TYPE.node,
        true,
        INK,
        opacity,
        'middle'
      );
    });
  }

  if (layout.key) drawKey(layout.key, svg, text);
  if (layout.intro) {
    const r = layout.intro;
    text(INTRO.line, r.x, r.y + INTRO.body * 1.2, INTRO.body, false, MUTED);
    text(
      `${INTRO.note} ${INTRO.start.label}`,
      r.x,
      r.y + INTRO.body * 2.6,
      INTRO.body,
      false,
      LINK
    );
  }

  const writer = new PageText(page);
  for (const t of texts) {
    const size = t.size * s;
    const dx = t.anchor === 'middle' ? width(t.t, size, t.bold) / 2 : 0;
    writer.draw(
      t.t,
      p.left + t.x * s - dx,
      p.top - t.y * s,
      t.bold ? fonts.bold : fonts.regular,
      size,
      t.opacity < 1 ? fade(t.colour, t.opacity) : t.colour
    );
  }
  writer.finish();
}

/**
 * The map with some of it lit (a tour step, a deployment plan): {@link drawMap} with every
 * other topic faded, then the lit arrows drawn over it strong, in ink.
 */
export function drawLitMap(
  page: PDFPage,
  layout: MapLayout,
  fonts: { regular: PDFFont; bold: PDFFont },
  p: MapPlacement,
  lit: { slugs: ReadonlySet<string>; edges: ReadonlySet<string> }
) {
  drawMap(page, layout, fonts, p, (slug) => !lit.slugs.has(slug));
  for (const e of layout.flows)
    if (lit.edges.has(e.id))
      page.drawSvgPath(e.path, {
        x: p.left,
        y: p.top,
        scale: p.scale,
        borderColor: INK,
        // Map units, scaled with the path.
        borderWidth: STROKE.flowOn * 1.6
      });
}

/** A colour as it looks at `opacity` over white paper (text objects carry no opacity). */
function fade(c: RGB, opacity: number): RGB {
  const mix = (v: number) => 1 - (1 - v) * opacity;
  return rgb(mix(c.red), mix(c.green), mix(c.blue));
}

/** The key: what a line and a box mean, each beside a small sample, as on screen. */
function drawKey(
  r: Rect,
  svg: (path: string, opts: Parameters<PDFPage['drawSvgPath']>[1]) => void,
  text: (t: string, x: number, y: number, size: number, bold: boolean, colour?: RGB) => void
) {
  const line = TYPE.key * TYPE.lineHeight + 6;
  const x = r.x + SPACE.boxPad;
  svg(roundedRectPath(r, RADIUS.box), {
    color: WHITE,
    borderColor: REGION_STROKE,
    borderWidth: STROKE.region
  });
  text('Key', x, r.y + SPACE.boxPad + line / 2 + TYPE.key * 0.36, TYPE.key, true, INK);
  KEY_ENTRIES.forEach((entry, i) => {
    const y = r.y + SPACE.boxPad + line * (i + 1) + line / 2;
    if (entry.sample === 'flow' || entry.sample === 'two-way' || entry.sample === 'primary') {
      const main = entry.sample === 'primary';
      svg(`M${x},${y}H${x + 30}`, {
        borderColor: main ? INK : EDGE,
        borderWidth: main ? STROKE.primary : STROKE.flow
      });
      svg(arrowhead([x + 30, y], [x, y]), { color: main ? INK : EDGE });
      if (entry.sample !== 'flow')
        svg(arrowhead([x, y], [x + 30, y]), { color: main ? INK : EDGE });
    } else {
      svg(roundedRectPath({ x, y: y - 8, width: 30, height: 16 }, 3), {
        color: REGION_FILL,
        borderColor: MUTED,
        borderWidth: 1
      });
      if (entry.sample === 'nest')
        svg(roundedRectPath({ x: x + 8, y: y - 4, width: 14, height: 8 }, 2), {
          color: WHITE,
          borderColor: MUTED,
          borderWidth: 1
        });
      else svg(roundedRectPath({ x, y: y - 8, width: 30, height: 6 }, 3), { color: MUTED });
    }
    text(entry.text, x + 40, y + TYPE.key * 0.36, TYPE.key, false, MUTED);
  });
}
