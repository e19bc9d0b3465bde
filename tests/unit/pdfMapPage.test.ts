// The PDF's map page read back from its bytes, on a small hand-made layout: every node,
// box, wire, arrowhead, label pill and title lands where the layout puts it at
// mapPlacement's scale and offset, in mapStyle's colours, strokes and type sizes, so the
// paper map cannot drift from the screen's; every topic is a link to its page; filtered
// topics are faded at mapStyle's strengths.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type RGB } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { LayoutBox, LayoutNode, MapLayout, Rect } from '../../src/lib/layout/MapLayout.ts';
import {
  ARROWHEAD,
  FADE,
  INTRO,
  KEY_ENTRIES,
  SPACE,
  STROKE,
  TYPE
} from '../../src/lib/layout/mapStyle.ts';
import { drawMap, toPage } from '../../src/lib/pdf/drawMap.ts';
import { exportMapPdf, type PdfTopic } from '../../src/lib/pdf/exportMapPdf.ts';
import { MARGIN, mapPlacement } from '../../src/lib/pdf/mapPlacement.ts';
import { PAGE_SIZES, type PageSize } from '../../src/lib/pdf/pageSizes.ts';
import {
  EDGE,
  INK,
  LINK,
  MUTED,
  REGION_FILL,
  REGION_STROKE,
  WHITE,
  groupColours
} from '../../src/lib/pdf/palette.ts';
import { readFonts } from '../../src/lib/site/siteData.ts';
import {
  readLinks,
  readOutline,
  readPage,
  sameColour,
  type PageContent,
  type Shape,
  type TextRun
} from '../support/pdfRead.ts';

const fontBytes = readFonts();

const node = (
  slug: string,
  x: number,
  y: number,
  group: string,
  parent: string,
  lines = [slug[0].toUpperCase() + slug.slice(1)]
): LayoutNode => ({
  slug,
  title: lines.join(' '),
  group,
  parent,
  lines,
  x,
  y,
  width: 100,
  height: 24 + lines.length * 16
});
const region: LayoutBox = {
  id: 'region',
  label: 'Your servers',
  depth: 0,
  x: 0,
  y: 0,
  width: 640,
  height: 320,
  header: { x: 0, y: 0, width: 640, height: 28 }
};
const frame: LayoutBox = {
  id: 'frame',
  label: 'A frame',
  depth: 1,
  parent: 'region',
  x: 10,
  y: 40,
  width: 270,
  height: 110,
  header: { x: 10, y: 40, width: 270, height: 24 }
};
const family: LayoutBox = {
  id: 'family',
  slug: 'family',
  label: 'Family box',
  group: 'hosting',
  depth: 1,
  parent: 'region',
  x: 330,
  y: 40,
  width: 280,
  height: 120,
  header: { x: 330, y: 40, width: 280, height: 24 }
};
const nodes = [
  node('alpha', 20, 70, 'clients', 'frame'),
  node('beta', 170, 70, 'server-stack', 'frame', ['Beta', 'second line']),
  node('gamma', 340, 80, 'hosting', 'family'),
  node('delta', 490, 80, 'no-such-group', 'family')
];
const layout: MapLayout = {
  width: 640,
  height: 320,
  groups: [
    { id: 'clients', label: 'Clients' },
    { id: 'server-stack', label: 'Server stack' },
    { id: 'hosting', label: 'Hosting' }
  ],
  boxes: [region, frame, family],
  nodes,
  flows: [
    {
      id: 'ab',
      from: 'alpha',
      to: 'beta',
      kind: 'flow',
      path: 'M120,90H170',
      points: [
        [120, 90],
        [170, 90]
      ],
      label: 'calls',
      labelRect: { x: 126, y: 110, width: 38, height: 19 }
    },
    {
      id: 'bg',
      from: 'beta',
      to: 'gamma',
      kind: 'flow',
      path: 'M270,100H305V96H340',
      points: [
        [270, 100],
        [305, 100],
        [305, 96],
        [340, 96]
      ],
      wire: 'bg',
      twoWay: true,
      primary: true
    },
    {
      id: 'gb',
      from: 'gamma',
      to: 'beta',
      kind: 'flow',
      path: 'M340,96H270',
      wire: 'bg',
      label: 'answers back',
      labelLines: ['answers', 'back'],
      labelRect: { x: 280, y: 170, width: 50, height: 34 }
    },
    {
      id: 'gd',
      from: 'gamma',
      to: 'delta',
      kind: 'flow',
      path: 'M440,100V120H490',
      points: [
        [440, 100],
        [440, 120],
        [490, 120]
      ]
    }
  ],
  related: [],
  learningPath: [],
  key: { x: 20, y: 170, width: 240, height: 140 },
  intro: { x: 330, y: 200, width: 300, height: 50 }
};

const topic = (slug: string, title: string, group: string, parent: string): PdfTopic => ({
  slug,
  title,
  summary: `What ${title} is.`,
  group,
  parent,
  arrows: [],
  examples: [],
  resources: [],
  related: [],
  reviewed: '2026-11-20',
  blocks: [{ kind: 'paragraph', runs: [{ text: `${title} in a sentence.` }] }]
});
const topics: PdfTopic[] = [
  topic('alpha', 'Alpha', 'clients', 'frame'),
  topic('beta', 'Beta second line', 'server-stack', 'frame'),
  topic('family', 'Family box', 'hosting', 'region'),
  topic('gamma', 'Gamma', 'hosting', 'family'),
  topic('delta', 'Delta', 'hosting', 'family')
];

const close = (a: number, b: number, eps = 0.02) => Math.abs(a - b) <= eps;
const rgbOf = (rgb: RGB): [number, number, number] => [rgb.red, rgb.green, rgb.blue];
const faded = (rgb: RGB, opacity: number): RGB => {
  const mix = (v: number) => 1 - (1 - v) * opacity;
  return { type: rgb.type, red: mix(rgb.red), green: mix(rgb.green), blue: mix(rgb.blue) } as RGB;
};
/** The shapes whose extent is `r` (page points). */
const shapesAt = (page: PageContent, r: Rect) =>
  page.shapes.filter(
    (s) =>
      close(s.box.x1, r.x) &&
      close(s.box.y1, r.y) &&
      close(s.box.x2, r.x + r.width) &&
      close(s.box.y2, r.y + r.height)
  );
const oneText = (page: PageContent, text: string): TextRun => {
  const runs = page.texts.filter((t) => t.text === text);
  expect(runs, `"${text}" drawn once`).toHaveLength(1);
  return runs[0];
};
/** A filled triangle with its tip at `tip` (page points): an arrowhead. */
const headsAt = (page: PageContent, tip: [number, number]) =>
  page.shapes.filter(
    (s) =>
      s.fill &&
      !s.stroke &&
      s.points.length === 3 &&
      close(s.points[0][0], tip[0]) &&
      close(s.points[0][1], tip[1])
  );

async function mapPdf(size: PageSize, options: { includeTopics?: boolean; siteUrl?: string } = {}) {
  const bytes = await exportMapPdf({
    layout,
    topics,
    groups: layout.groups,
    fonts: fontBytes,
    fontkit,
    pageSize: size,
    date: new Date('2026-12-01T12:00:00Z'),
    ...options
  });
  const doc = await PDFDocument.load(bytes);
  return { doc, page: readPage(doc, doc.getPage(0)) };
}

describe('the PDF map page', () => {
  it('draws every node, box and title where the layout puts it, in the map style', async () => {
    const { doc, page } = await mapPdf('Letter');
    const p = mapPlacement(layout, 'Letter');
    const s = p.scale;
    expect([page.width, page.height]).toEqual([PAGE_SIZES.Letter[1], PAGE_SIZES.Letter[0]]);
    expect(doc.getPageCount()).toBe(1 + topics.length);

    for (const n of nodes) {
      const [accent, tint] = groupColours(n.group);
      const at = toPage(n, p);
      const [shape] = shapesAt(page, at).filter((x) => x.fill && x.stroke);
      expect(shape, n.slug).toBeDefined();
      expect(shape.fill).toEqual(rgbOf(tint));
      expect(shape.stroke).toEqual(rgbOf(accent));
      expect([shape.fillOpacity, shape.strokeOpacity]).toEqual([1, 1]);
      expect(shape.lineWidth).toBeCloseTo(STROKE.node * s, 3);
      // Each title line centred in its node, bold at the node's type size, lines stacked
      // one line height apart and centred together on the node's middle.
      const runs = n.lines.map((l) => oneText(page, l));
      runs.forEach((r, i) => {
        expect(r.bold, r.text).toBe(true);
        expect(r.size).toBeCloseTo(TYPE.node * s, 3);
        expect(sameColour(r.colour, INK)).toBe(true);
        expect(r.x + r.width / 2).toBeCloseTo(at.x + at.width / 2, 1);
        const cy =
          n.y + n.height / 2 + (i - (n.lines.length - 1) / 2) * TYPE.node * TYPE.lineHeight;
        expect(r.y).toBeCloseTo(p.top - (cy + TYPE.node * 0.36) * s, 1);
        expect(r.x).toBeGreaterThan(at.x);
        expect(r.x + r.width).toBeLessThan(at.x + at.width);
      });
    }
    // A group with no colour of its own takes the fallback pair.
    expect(shapesAt(page, toPage(nodes[3], p)).find((x) => x.fill)?.fill).toEqual(
      rgbOf(groupColours(undefined)[1])
    );

    // The topic box: white body in its group's accent, tinted title strip, its label bold.
    const [accent, tint] = groupColours('hosting');
    const body = shapesAt(page, toPage(family, p)).find((x) => x.stroke);
    expect(body?.fill).toEqual(rgbOf(WHITE));
    expect(body?.stroke).toEqual(rgbOf(accent));
    expect(body?.lineWidth).toBeCloseTo(STROKE.box * s, 3);
    const strip = shapesAt(page, toPage(family.header, p)).find((x) => x.fill && !x.stroke);
    expect(strip?.fill).toEqual(rgbOf(tint));
    // Regions and frames: shaded and white by depth, their labels muted.
    for (const [box, fill] of [
      [region, REGION_FILL],
      [frame, WHITE]
    ] as const) {
      const shape = shapesAt(page, toPage(box, p)).find((x) => x.stroke);
      expect(shape?.fill, box.id).toEqual(rgbOf(fill));
      expect(shape?.stroke).toEqual(rgbOf(REGION_STROKE));
      expect(shape?.lineWidth).toBeCloseTo(STROKE.region * s, 3);
    }
    for (const [box, size, colour] of [
      [region, TYPE.region, MUTED],
      [frame, TYPE.box, MUTED],
      [family, TYPE.box, INK]
    ] as const) {
      const label = oneText(page, box.label);
      expect(label.bold).toBe(true);
      expect(label.size).toBeCloseTo(size * s, 3);
      expect(sameColour(label.colour, colour), box.id).toBe(true);
      expect(label.x).toBeCloseTo(p.left + (box.x + SPACE.boxPad) * s, 1);
      expect(label.y).toBeCloseTo(p.top - (box.y + box.header.height / 2 + size * 0.36) * s, 1);
    }
    // Drawing order: regions under boxes under nodes.
    const order = (r: Rect) => page.shapes.indexOf(shapesAt(page, toPage(r, p))[0]);
    expect(order(region)).toBeLessThan(order(frame));
    expect(order(family)).toBeLessThan(order(nodes[2]));
  });

  it('draws each wire with its heads, label pills and labels from the layout', async () => {
    const { page } = await mapPdf('A4');
    const p = mapPlacement(layout, 'A4');
    const s = p.scale;
    const at = ([x, y]: [number, number]): [number, number] => [p.left + x * s, p.top - y * s];
    const strokes = (flow: (typeof layout.flows)[number]) =>
      page.shapes.filter(
        (x) =>
          x.stroke &&
          !x.fill &&
          x.points.length === flow.points!.length &&
          x.points.every(
            (q, i) => close(q[0], at(flow.points![i])[0]) && close(q[1], at(flow.points![i])[1])
          )
      );
    const [ab, bg, gb, gd] = layout.flows;
    for (const [flow, colour, width] of [
      [ab, EDGE, STROKE.flow],
      [bg, INK, STROKE.primary],
      [gd, EDGE, STROKE.flow]
    ] as const) {
      const [line] = strokes(flow);
      expect(line, flow.id).toBeDefined();
      expect(line.stroke).toEqual(rgbOf(colour));
      expect(line.lineWidth).toBeCloseTo(width * s, 3);
      expect(line.strokeOpacity).toBe(1);
      // The head at the end, pointing along the last leg, ARROWHEAD long and wide.
      const pts = flow.points!;
      const tip = at(pts[pts.length - 1]);
      const [head] = headsAt(page, tip);
      expect(head, `${flow.id} head`).toBeDefined();
      expect(head.fill).toEqual(rgbOf(colour));
      const [from, to] = [pts[pts.length - 2], pts[pts.length - 1]];
      const len = Math.hypot(to[0] - from[0], to[1] - from[1]);
      const back = at([
        to[0] - ((to[0] - from[0]) / len) * ARROWHEAD.length,
        to[1] - ((to[1] - from[1]) / len) * ARROWHEAD.length
      ]);
      const baseMid = [
        (head.points[1][0] + head.points[2][0]) / 2,
        (head.points[1][1] + head.points[2][1]) / 2
      ];
      expect(baseMid[0]).toBeCloseTo(back[0], 2);
      expect(baseMid[1]).toBeCloseTo(back[1], 2);
      const base = Math.hypot(
        head.points[1][0] - head.points[2][0],
        head.points[1][1] - head.points[2][1]
      );
      expect(base).toBeCloseTo(2 * ARROWHEAD.halfWidth * s, 2);
      // A head at the start only for the two-way wire.
      expect(headsAt(page, at(pts[0])), `${flow.id} start`).toHaveLength(flow.twoWay ? 1 : 0);
    }
    // The reply shares its wire: no line of its own.
    expect(
      page.shapes.filter(
        (x) =>
          x.stroke && !x.fill && x.points.length === 2 && close(x.points[0][0], at([340, 96])[0])
      )
    ).toHaveLength(0);
    expect(strokes(bg)).toHaveLength(1);

    // Pills: white, outlined, with the label (or its lines) centred in them.
    for (const [flow, lines] of [
      [ab, ['calls']],
      [gb, ['answers', 'back']]
    ] as const) {
      const r = toPage(flow.labelRect!, p);
      const pill = shapesAt(page, r).find((x) => x.fill && x.stroke);
      expect(pill?.fill, flow.id).toEqual(rgbOf(WHITE));
      expect(pill?.stroke).toEqual(rgbOf(REGION_STROKE));
      expect(pill?.lineWidth).toBeCloseTo(STROKE.pill * s, 3);
      lines.forEach((line, i) => {
        const t = oneText(page, line);
        expect(t.bold).toBe(false);
        expect(t.size).toBeCloseTo(TYPE.edgeLabel * s, 3);
        expect(sameColour(t.colour, MUTED)).toBe(true);
        expect(t.x + t.width / 2).toBeCloseTo(r.x + r.width / 2, 1);
        const cy =
          flow.labelRect!.y + SPACE.labelPadY + (i + 0.5) * TYPE.edgeLabel * TYPE.lineHeight;
        expect(t.y).toBeCloseTo(p.top - (cy + TYPE.edgeLabel * 0.36) * s, 1);
      });
    }
    expect(page.texts.some((t) => t.text === 'answers back')).toBe(false);
  });

  it('prints the key, the opening lines, the title, date, address and legend', async () => {
    const siteUrl = 'https://map.example.test/sub';
    const { doc, page } = await mapPdf('A4', { siteUrl });
    const p = mapPlacement(layout, 'A4');
    const s = p.scale;
    const key = layout.key!;
    const line = TYPE.key * TYPE.lineHeight + 6;
    const k = oneText(page, 'Key');
    expect(k.bold).toBe(true);
    expect(k.size).toBeCloseTo(TYPE.key * s, 3);
    expect(k.x).toBeCloseTo(p.left + (key.x + SPACE.boxPad) * s, 1);
    expect(k.y).toBeCloseTo(p.top - (key.y + SPACE.boxPad + line / 2 + TYPE.key * 0.36) * s, 1);
    KEY_ENTRIES.forEach((entry, i) => {
      const t = oneText(page, entry.text);
      expect(t.bold).toBe(false);
      expect(sameColour(t.colour, MUTED), entry.text).toBe(true);
      expect(t.x).toBeCloseTo(p.left + (key.x + SPACE.boxPad + 40) * s, 1);
      const y = key.y + SPACE.boxPad + line * (i + 1) + line / 2;
      expect(t.y).toBeCloseTo(p.top - (y + TYPE.key * 0.36) * s, 1);
      // Each entry's sample sits beside it: line samples with heads at the right (and
      // at the left for "both ways"), box samples as small boxes.
      const sx = p.left + (key.x + SPACE.boxPad) * s;
      const sy = p.top - y * s;
      const heads = (x: number) => headsAt(page, [x, sy]);
      if (entry.sample === 'flow' || entry.sample === 'two-way' || entry.sample === 'primary') {
        const colour = entry.sample === 'primary' ? INK : EDGE;
        expect(heads(sx + 30 * s)[0]?.fill, entry.sample).toEqual(rgbOf(colour));
        expect(heads(sx), entry.sample).toHaveLength(entry.sample === 'flow' ? 0 : 1);
        const stroke = page.shapes.find(
          (x) =>
            x.stroke &&
            !x.fill &&
            close(x.box.y1, sy) &&
            close(x.box.x1, sx) &&
            close(x.box.x2, sx + 30 * s)
        );
        expect(stroke?.stroke, entry.sample).toEqual(rgbOf(colour));
        expect(stroke?.lineWidth).toBeCloseTo(
          (entry.sample === 'primary' ? STROKE.primary : STROKE.flow) * s,
          3
        );
      } else {
        const sample = shapesAt(page, { x: sx, y: sy - 8 * s, width: 30 * s, height: 16 * s });
        expect(sample[0]?.fill, entry.sample).toEqual(rgbOf(REGION_FILL));
        expect(sample[0]?.stroke).toEqual(rgbOf(MUTED));
        const inner =
          entry.sample === 'nest'
            ? shapesAt(page, { x: sx + 8 * s, y: sy - 4 * s, width: 14 * s, height: 8 * s })
            : shapesAt(page, { x: sx, y: sy + 2 * s, width: 30 * s, height: 6 * s });
        expect(inner[0]?.fill, entry.sample).toEqual(
          rgbOf(entry.sample === 'nest' ? WHITE : MUTED)
        );
      }
    });
    const keyBox = shapesAt(page, toPage(key, p)).find((x) => x.stroke);
    expect(keyBox?.fill).toEqual(rgbOf(WHITE));
    expect(keyBox?.stroke).toEqual(rgbOf(REGION_STROKE));

    const intro = layout.intro!;
    const first = oneText(page, INTRO.line);
    expect(sameColour(first.colour, MUTED)).toBe(true);
    expect([first.x, first.y]).toEqual([
      expect.closeTo(p.left + intro.x * s, 1),
      expect.closeTo(p.top - (intro.y + INTRO.body * 1.2) * s, 1)
    ]);
    const note = oneText(page, `${INTRO.note} ${INTRO.start.label}`);
    expect(sameColour(note.colour, LINK)).toBe(true);
    expect(note.y).toBeCloseTo(p.top - (intro.y + INTRO.body * 2.6) * s, 1);
    expect(note.size).toBeCloseTo(INTRO.body * s, 3);

    // The header above the map.
    const title = oneText(page, 'Deployment Map: how a Python web app is deployed');
    expect([title.x, title.y, title.size, title.bold]).toEqual([
      MARGIN,
      expect.closeTo(page.height - MARGIN - 14, 2),
      16,
      true
    ]);
    expect(page.texts.some((t) => t.text === `2026-12-01 · ${siteUrl}/`)).toBe(true);
    const addr = readLinks(doc, doc.getPage(0)).filter((l) => l.uri === `${siteUrl}/`);
    expect(addr).toHaveLength(1);
    expect(addr[0].rect[1]).toBeCloseTo(page.height - MARGIN - 30 - 3, 1);
    // The legend: the groups' names right-aligned at the margin, each after its swatch.
    const labels = layout.groups.map((g) => oneText(page, g.label));
    const last = labels[labels.length - 1];
    expect(last.x + last.width).toBeCloseTo(page.width - MARGIN, 1);
    for (let i = 1; i < labels.length; i++) {
      expect(labels[i - 1].x + labels[i - 1].width).toBeLessThan(labels[i].x);
      expect(labels[i].y).toBe(labels[0].y);
    }
    for (const [i, g] of layout.groups.entries()) {
      const [a, t] = groupColours(g.id);
      const sw = page.shapes.find(
        (x) => x.fill && close(x.box.x1, labels[i].x - 13) && close(x.box.x2 - x.box.x1, 9)
      );
      expect(sw?.fill, g.id).toEqual(rgbOf(t));
      expect(sw?.stroke).toEqual(rgbOf(a));
      expect(sw!.box.y1).toBeCloseTo(labels[i].y - 1, 2);
    }
  });

  it('links every topic on the map to its page, and the outline to the pages', async () => {
    const { doc } = await mapPdf('A4');
    const p = mapPlacement(layout, 'A4');
    const links = readLinks(doc, doc.getPage(0));
    const pageOf = (slug: string) => 1 + topics.findIndex((t) => t.slug === slug);
    const expected = [
      ...nodes.map((n) => ({ slug: n.slug, title: n.title, r: toPage(n, p) })),
      { slug: 'family', title: 'Family box', r: toPage(family.header, p) }
    ];
    expect(links).toHaveLength(expected.length);
    for (const l of links) expect(l.border).toEqual([0, 0, 0]);
    for (const e of expected) {
      const l = links.find((x) => x.page === pageOf(e.slug));
      expect(l, e.slug).toBeDefined();
      expect(l!.contents).toBe(e.title);
      expect(l!.rect.map((v) => Number(v.toFixed(2)))).toEqual(
        [e.r.x, e.r.y, e.r.x + e.r.width, e.r.y + e.r.height].map((v) => Number(v.toFixed(2)))
      );
    }
    expect(readOutline(doc)).toEqual([
      { title: 'The map', page: 0, children: [] },
      { title: 'Clients', page: 1, children: [{ title: 'Alpha', page: 1, children: [] }] },
      {
        title: 'Server stack',
        page: 2,
        children: [{ title: 'Beta second line', page: 2, children: [] }]
      },
      {
        title: 'Hosting',
        page: 3,
        children: [
          { title: 'Family box', page: 3, children: [] },
          { title: 'Gamma', page: 4, children: [] },
          { title: 'Delta', page: 5, children: [] }
        ]
      }
    ]);
    // Without topic pages ("map only") each topic links to its web page, when there is an address.
    const only = await mapPdf('A4', { includeTopics: false, siteUrl: 'https://m.example.test' });
    expect(only.doc.getPageCount()).toBe(1);
    const uris = readLinks(only.doc, only.doc.getPage(0)).map((l) => l.uri);
    for (const e of expected) expect(uris).toContain(`https://m.example.test/topics/${e.slug}/`);
    expect(readOutline(only.doc)).toEqual([{ title: 'The map', page: 0, children: [] }]);
    const none = await mapPdf('A4', { includeTopics: false });
    expect(readLinks(none.doc, none.doc.getPage(0))).toEqual([]);
  });

  it('fades the topics a filter leaves out, and the wires and labels touching them', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const fonts = {
      regular: await doc.embedFont(fontBytes.regular, { subset: true }),
      bold: await doc.embedFont(fontBytes.bold, { subset: true })
    };
    const size = PAGE_SIZES.A4;
    const page0 = doc.addPage([size[1], size[0]]);
    const p = mapPlacement(layout, 'A4');
    const out = new Set(['alpha', 'family']);
    drawMap(page0, layout, fonts, p, (slug) => out.has(slug));
    const back = await PDFDocument.load(await doc.save());
    const page = readPage(back, back.getPage(0));
    const s = p.scale;

    for (const n of nodes) {
      const shape = shapesAt(page, toPage(n, p)).find((x) => x.fill && x.stroke)!;
      const o = out.has(n.slug) ? FADE.filtered : 1;
      expect([shape.fillOpacity, shape.strokeOpacity], n.slug).toEqual([o, o]);
      for (const l of n.lines)
        expect(sameColour(oneText(page, l).colour, faded(INK, o)), l).toBe(true);
    }
    const body = shapesAt(page, toPage(family, p)).find((x) => x.stroke)!;
    expect([body.fillOpacity, body.strokeOpacity]).toEqual([FADE.filtered, FADE.filtered]);
    expect(shapesAt(page, toPage(family.header, p)).find((x) => !x.stroke)!.fillOpacity).toBe(
      FADE.filtered
    );
    expect(sameColour(oneText(page, family.label).colour, faded(INK, FADE.filtered))).toBe(true);
    // Regions are never faded.
    expect(shapesAt(page, toPage(region, p)).find((x) => x.stroke)!.fillOpacity).toBe(1);
    expect(sameColour(oneText(page, region.label).colour, MUTED)).toBe(true);

    // alpha→beta touches a faded topic; beta⇄gamma and gamma→delta do not.
    const tip = (x: number, y: number): [number, number] => [p.left + x * s, p.top - y * s];
    expect(headsAt(page, tip(170, 90))[0].fillOpacity).toBe(FADE.filteredEdge);
    expect(headsAt(page, tip(340, 96))[0].fillOpacity).toBe(1);
    expect(headsAt(page, tip(490, 120))[0].fillOpacity).toBe(1);
    const wire = (x: number) =>
      page.shapes.find((sh: Shape) => sh.stroke && !sh.fill && close(sh.box.x1, p.left + x * s))!;
    expect(wire(120).strokeOpacity).toBe(FADE.filteredEdge);
    expect(wire(440).strokeOpacity).toBe(1);
    const pill = shapesAt(page, toPage(layout.flows[0].labelRect!, p)).find((x) => x.stroke)!;
    expect([pill.fillOpacity, pill.strokeOpacity]).toEqual([FADE.filteredEdge, FADE.filteredEdge]);
    expect(sameColour(oneText(page, 'calls').colour, faded(MUTED, FADE.filteredEdge))).toBe(true);
    expect(sameColour(oneText(page, 'answers').colour, MUTED)).toBe(true);
  });
});
