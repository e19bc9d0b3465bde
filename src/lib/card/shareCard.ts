import type { Slug } from '../content/types.ts';
import type { MapLayout, Rect } from '../layout/MapLayout.ts';
import { neighbourhood, topicRect } from '../layout/neighbourhood.ts';
import { ARROWHEAD_PATH, COLOURS, FADE, RADIUS, STROKE, TYPE } from '../layout/mapStyle.ts';

/** Open Graph / Twitter preview size: the 1.91:1 image every chat and network shows whole. */
export const CARD = { width: 1200, height: 630 } as const;

export interface CardOptions {
  /** The big line: a topic's title, or the site's heading. */
  title: string;
  /** A topic whose neighbourhood is lit (the rest fades) and framed; none: the whole map. */
  focus?: Slug;
}

const HEADER = 150;
const PAD = 36;

const esc = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
const colours = (group?: string) =>
  group && Object.hasOwn(COLOURS.groups, group) ? COLOURS.groups[group] : COLOURS.fallback;
const n = (v: number) => Math.round(v * 100) / 100;

/** The part of the map a card shows: all of it, or the focus's neighbourhood with room around it. */
function frame(layout: MapLayout, lit: ReadonlySet<Slug> | null): Rect {
  if (!lit) return { x: 0, y: 0, width: layout.width, height: layout.height };
  const rects = [...lit].map((s) => topicRect(layout, s)).filter((r): r is Rect => r !== undefined);
  const x0 = Math.min(...rects.map((r) => r.x)) - 60;
  const y0 = Math.min(...rects.map((r) => r.y)) - 60;
  const x1 = Math.max(...rects.map((r) => r.x + r.width)) + 60;
  const y1 = Math.max(...rects.map((r) => r.y + r.height)) + 60;
  // Never closer than a third of the map: the neighbourhood is seen in its place.
  const w = Math.max(x1 - x0, layout.width / 3);
  const h = Math.max(y1 - y0, layout.height / 3);
  return { x: (x0 + x1 - w) / 2, y: (y0 + y1 - h) / 2, width: w, height: h };
}

/** Splits a title into at most two lines of about `max` characters, at spaces. */
function titleLines(title: string, max: number): string[] {
  const words = title.split(' ');
  let first = '';
  while (words.length && (first + ' ' + words[0]).trim().length <= max)
    first = `${first} ${words.shift()}`.trim();
  let rest = words.join(' ');
  // A first word longer than a line is cut there, and the second line goes on from the cut.
  if (!first) [first, rest] = [rest.slice(0, max), rest.slice(max)];
  return [first, rest.length > max ? `${rest.slice(0, max - 1)}…` : rest].filter(Boolean);
}

/**
 * The share card of a page as SVG (1200 × 630), drawn from the same MapLayout as the map:
 * the title over the drawing; for a topic, its neighbourhood (what a hover lights on the
 * map) at full strength and framed, the rest faded. Text uses DejaVu Sans, which the
 * build hands to the rasteriser.
 */
export function shareCardSvg(layout: MapLayout, o: CardOptions): string {
  const hood = o.focus ? neighbourhood(layout, o.focus, false) : null;
  const lit = hood?.slugs ?? null;
  const view = frame(layout, lit);
  const area = {
    x: PAD,
    y: HEADER,
    width: CARD.width - 2 * PAD,
    height: CARD.height - HEADER - PAD
  };
  const s = Math.min(area.width / view.width, area.height / view.height);
  const tx = area.x + (area.width - view.width * s) / 2 - view.x * s;
  const ty = area.y + (area.height - view.height * s) / 2 - view.y * s;
  // resvg 2.6 panics, aborting the whole process, when a layer it makes lies wholly outside
  // the canvas (a marker at a wire's far end, a clipped or translucent group off screen).
  // So the card makes no layers: faded parts carry fill and stroke opacity of their own,
  // arrowheads are plain paths, nothing is clipped (the margins are painted over), and what
  // lies wholly outside the picture is left out. The picture shows more than the frame
  // along its longer side, so that is what is tested, in map units.
  const shown: Rect = {
    x: (area.x - tx) / s,
    y: (area.y - ty) / s,
    width: area.width / s,
    height: area.height / s
  };
  const inView = (r: Rect) =>
    r.x < shown.x + shown.width &&
    r.x + r.width > shown.x &&
    r.y < shown.y + shown.height &&
    r.y + r.height > shown.y;
  const fade = (o: number | null) =>
    o === null ? '' : ` fill-opacity="${o}" stroke-opacity="${o}"`;
  const dim = (slug?: string) => fade(lit && !(slug && lit.has(slug)) ? FADE.unlit : null);
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">`,
    `<rect width="${CARD.width}" height="${CARD.height}" fill="#f8fafc"/>`,
    `<g transform="translate(${n(tx)} ${n(ty)}) scale(${n(s * 1000) / 1000})" font-family="DejaVu Sans">`
  );
  for (const b of layout.boxes) {
    if (!inView(b)) continue;
    const [accent, tint] = colours(b.group);
    const r = b.depth ? RADIUS.box : RADIUS.region;
    const faded = b.slug ? dim(b.slug) : fade(lit ? 0.6 : null);
    if (b.slug) {
      out.push(
        `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="${r}" fill="${COLOURS.white}" stroke="${accent}" stroke-width="${STROKE.box}"${faded}/>`
      );
      out.push(
        `<rect x="${n(b.header.x)}" y="${n(b.header.y)}" width="${n(b.header.width)}" height="${n(b.header.height)}" rx="${r}" fill="${tint}"${faded}/>`
      );
    } else {
      const fill = b.depth % 2 === 0 ? COLOURS.regionFill : COLOURS.white;
      out.push(
        `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="${r}" fill="${fill}" stroke="${COLOURS.regionStroke}" stroke-width="${STROKE.region}"${faded}/>`
      );
    }
    const size = b.depth ? TYPE.box : TYPE.region;
    out.push(
      `<text x="${n(b.x + 10)}" y="${n(b.y + b.header.height / 2 + size * 0.35)}" font-size="${size}" font-weight="bold" fill="${b.slug ? accent : COLOURS.muted}"${faded}>${esc(b.label)}</text>`
    );
  }
  for (const e of layout.flows) {
    const xy = (e.path.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    const points = xy.flatMap((v, i) => (i % 2 ? [] : [[v, xy[i + 1]] as const]));
    if (points.length < 2) continue;
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    if (
      !inView({
        x: Math.min(...xs),
        y: Math.min(...ys),
        width: Math.max(...xs) - Math.min(...xs) + 1,
        height: Math.max(...ys) - Math.min(...ys) + 1
      })
    )
      continue;
    const on = hood?.edges.has(e.id) ?? false;
    const colour = on ? COLOURS.ink : COLOURS.edge;
    const faded = lit && !on ? ` stroke-opacity="${FADE.filteredEdge}"` : '';
    out.push(
      `<path d="${e.path}" fill="none" stroke="${colour}" stroke-width="${on ? STROKE.flowOn : STROKE.flow}"${faded}/>`
    );
    const heads = e.twoWay ? [points.slice(-2), points.slice(0, 2).reverse()] : [points.slice(-2)];
    for (const [[x0, y0], [x1, y1]] of heads) {
      if (!inView({ x: x1 - 10, y: y1 - 10, width: 20, height: 20 })) continue;
      const angle = (Math.atan2(y1 - y0, x1 - x0) * 180) / Math.PI;
      out.push(
        `<path d="${ARROWHEAD_PATH}" transform="translate(${n(x1)} ${n(y1)}) rotate(${n(angle)})" fill="${colour}"${faded ? ` fill-opacity="${FADE.filteredEdge}"` : ''}/>`
      );
    }
  }
  for (const node of layout.nodes) {
    if (!inView(node)) continue;
    const [accent, tint] = colours(node.group);
    const focus = node.slug === o.focus;
    const fill = focus ? accent : tint;
    const ink = focus ? COLOURS.white : COLOURS.ink;
    const faded = dim(node.slug);
    out.push(
      `<rect x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.height)}" rx="${RADIUS.node}" fill="${fill}" stroke="${accent}" stroke-width="${focus ? 3 : STROKE.node}"${faded}/>`
    );
    node.lines.forEach((line, i) => {
      const y =
        node.y +
        node.height / 2 +
        (i - (node.lines.length - 1) / 2) * TYPE.node * TYPE.lineHeight +
        TYPE.node * 0.35;
      out.push(
        `<text x="${n(node.x + node.width / 2)}" y="${n(y)}" font-size="${TYPE.node}" text-anchor="middle" fill="${ink}"${focus ? ' font-weight="bold"' : ''}${faded}>${esc(line)}</text>`
      );
    });
  }
  out.push('</g>');
  // The margins and the header band, painted over whatever of the drawing reaches them.
  const W = CARD.width;
  const H = CARD.height;
  out.push(
    `<path d="M0,0H${W}V${H}H0Z M${area.x + 14},${area.y}H${area.x + area.width - 14}A14,14 0 0 1 ${area.x + area.width},${area.y + 14}V${area.y + area.height - 14}A14,14 0 0 1 ${area.x + area.width - 14},${area.y + area.height}H${area.x + 14}A14,14 0 0 1 ${area.x},${area.y + area.height - 14}V${area.y + 14}A14,14 0 0 1 ${area.x + 14},${area.y}Z" fill="${COLOURS.white}" fill-rule="evenodd"/>`,
    `<rect x="${area.x}" y="${area.y}" width="${area.width}" height="${area.height}" rx="14" fill="none" stroke="${COLOURS.regionStroke}"/>`
  );

  const lines = titleLines(o.title, 40);
  const size = lines.length > 1 ? 34 : o.title.length > 28 ? 48 : 58;
  out.push(
    `<g font-family="DejaVu Sans"><text x="${PAD}" y="${PAD + 18}" font-size="22" font-weight="bold" fill="${COLOURS.link}">Deployment Map</text>`
  );
  lines.forEach((line, i) =>
    out.push(
      `<text x="${PAD}" y="${n(PAD + 26 + size * (i + 1) * 1.05)}" font-size="${size}" font-weight="bold" fill="${COLOURS.ink}">${esc(line)}</text>`
    )
  );
  out.push('</g></svg>');
  return out.join('\n');
}
