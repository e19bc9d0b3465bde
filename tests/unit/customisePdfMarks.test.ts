// The browser's PDF step on a small hand-made prebuilt PDF: what the reader gets is an
// outline that leads to the right pages, filtered topics faded on the map and progress
// marks on their topics. The map page is rendered with pdftoppm and its pixels read, so
// the tests look at the page as a reader does.
import { execFileSync } from 'node:child_process';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { LayoutBox, LayoutNode, MapLayout, Rect } from '../../src/lib/layout/MapLayout.ts';
import type { TopicStatus } from '../../src/lib/progress/progress.ts';
import { customisePdf } from '../../src/lib/pdf/customisePdf.ts';
import { toPage } from '../../src/lib/pdf/drawMap.ts';
import { mapPlacement } from '../../src/lib/pdf/mapPlacement.ts';
import { PAGE_SIZES } from '../../src/lib/pdf/pageSizes.ts';
import { INK, LINK, WHITE } from '../../src/lib/pdf/palette.ts';
import { BADGE } from '../../src/lib/layout/mapStyle.ts';
import { regionBox } from '../support/layoutFixture.ts';
import { readPage } from '../support/pdfRead.ts';

const node = (slug: string, x: number, y: number, group: string): LayoutNode => ({
  slug,
  title: `${slug[0].toUpperCase()}${slug.slice(1)}`,
  group,
  parent: 'region',
  lines: [slug],
  x,
  y,
  width: 80,
  height: 40
});
const family: LayoutBox = {
  id: 'family',
  slug: 'family',
  label: 'Family',
  group: 'g',
  depth: 1,
  parent: 'region',
  x: 220,
  y: 100,
  width: 160,
  height: 90,
  header: { x: 220, y: 100, width: 160, height: 30 }
};
const layout: MapLayout = {
  width: 400,
  height: 200,
  groups: [
    { id: 'g', label: 'Group G' },
    { id: 'h', label: 'Group H' }
  ],
  boxes: [regionBox(400, 200, { header: 20 }), family],
  nodes: [node('alpha', 20, 30, 'g'), node('beta', 120, 30, 'g'), node('gamma', 20, 120, 'h')],
  flows: [],
  related: [],
  learningPath: []
};
// Content order: the order of the topic pages after the map.
const topics = [
  { slug: 'alpha', title: 'Alpha', group: 'g' },
  { slug: 'beta', title: 'Beta', group: 'g' },
  { slug: 'family', title: 'Family', group: 'g' },
  { slug: 'gamma', title: 'Gamma', group: 'h' }
];
const rects: Record<string, Rect> = Object.fromEntries([
  ...layout.nodes.map((n) => [n.slug, n]),
  ['family', family.header]
]);
const placement = mapPlacement(layout, 'Letter');
const GREY = 77; // 0.3 of 255: every topic is drawn dark, so fading and marks show

/** A prebuilt PDF: the map page (each topic a dark rectangle), topic pages, tour pages. */
async function prebuilt(tourPages = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const [w, h] = PAGE_SIZES.Letter;
  const map = doc.addPage([h, w]);
  for (const r of Object.values(rects))
    map.drawRectangle({ ...toPage(r, placement), color: rgb(0.3, 0.3, 0.3) });
  for (let i = 0; i < topics.length + tourPages; i++) doc.addPage([w, h]);
  return doc.save();
}
const base = async (tourPages = 0) => ({
  bytes: await prebuilt(tourPages),
  layout,
  pageSize: 'Letter' as const,
  topics,
  groups: layout.groups,
  siteUrl: 'https://example.test/',
  now: new Date('2026-12-01T00:00:00Z')
});

/** The outline as `title -> page number (1-based)`, children indented. */
async function outline(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPages().map((p) => p.ref);
  const out: string[] = [];
  const walk = (item: PDFDict | undefined, depth: number) => {
    for (; item; item = item.lookup(PDFName.of('Next')) as PDFDict | undefined) {
      const title = item.lookup(PDFName.of('Title')) as PDFHexString | PDFString;
      const dest = item.lookup(PDFName.of('Dest')) as unknown as { get(i: number): unknown };
      out.push(
        `${'  '.repeat(depth)}${title.decodeText()} -> ${pages.indexOf(dest.get(0) as never) + 1}`
      );
      walk(item.lookup(PDFName.of('First')) as PDFDict | undefined, depth + 1);
    }
  };
  const root = doc.catalog.lookup(PDFName.of('Outlines')) as PDFDict | undefined;
  walk(root?.lookup(PDFName.of('First')) as PDFDict | undefined, 0);
  return out;
}

/** Page 1 rendered at 72 dpi (one pixel per point): a pixel reader in PDF coordinates. */
function renderMap(bytes: Uint8Array) {
  const ppm = execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', '-'], {
    input: bytes,
    maxBuffer: 1 << 26
  });
  const [, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/
    .exec(ppm.subarray(0, 32).toString('latin1'))!
    .map(Number);
  const start = ppm.length - w * h * 3;
  const at = (x: number, y: number) => {
    const i = start + (Math.round(h - y) * w + Math.round(x)) * 3;
    return [ppm[i], ppm[i + 1], ppm[i + 2]];
  };
  return {
    /** Mean grey level in the middle of a topic's rectangle. */
    centre(slug: string) {
      const p = toPage(rects[slug], placement);
      return at(p.x + p.width / 2, p.y + p.height / 2)[0];
    },
    /** Pixels of the topic's top-right corner (where a progress mark sits) by colour. */
    corner(slug: string) {
      const p = toPage(rects[slug], placement);
      const r = 7.5 * placement.scale;
      const count = { teal: 0, white: 0, grey: 0 };
      for (let x = p.x + p.width - r; x < p.x + p.width - 2; x++)
        for (let y = p.y + p.height - r; y < p.y + p.height - 2; y++) {
          const [R, G, B] = at(x, y);
          if (G > R + 40 && B > R + 40) count.teal++;
          else if (R > 230 && G > 230 && B > 230) count.white++;
          else if (Math.abs(R - GREY) < 12 && Math.abs(G - GREY) < 12) count.grey++;
        }
      return count;
    }
  };
}

describe('the browser PDF outline', () => {
  it('leads to the map, each group with its topics, and the tours, on their own pages', async () => {
    const bytes = await customisePdf({
      ...(await base(2)),
      includeTopics: true,
      tours: [{ title: 'First tour', steps: 3 }]
    });
    expect(await outline(bytes)).toEqual([
      'The map -> 1',
      'Group G -> 2',
      '  Alpha -> 2',
      '  Beta -> 3',
      '  Family -> 4',
      'Group H -> 5',
      '  Gamma -> 5',
      'Guided tours -> 6',
      '  First tour -> 6'
    ]);
    const doc = await PDFDocument.load(bytes);
    expect(doc.catalog.lookup(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('adds the checklist page after the map, and follows the pages it moved', async () => {
    const bytes = await customisePdf({
      ...(await base()),
      includeTopics: true,
      progress: { beta: 'done' }
    });
    expect(await outline(bytes)).toEqual([
      'The map -> 1',
      'Your progress -> 2',
      'Group G -> 3',
      '  Alpha -> 3',
      '  Beta -> 4',
      '  Family -> 5',
      'Group H -> 6',
      '  Gamma -> 6'
    ]);
  });

  it('keeps only the map when the topic pages (and so the tours) are left out', async () => {
    const bytes = await customisePdf({
      ...(await base(2)),
      includeTopics: false,
      tours: [{ title: 'First tour', steps: 3 }]
    });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    expect(await outline(bytes)).toEqual(['The map -> 1']);
  });
});

describe('filtered topics in the browser PDF', () => {
  it('fades the topics the filter hides, topic boxes included, and only those', async () => {
    const page = renderMap(
      await customisePdf({
        ...(await base()),
        includeTopics: true,
        faded: new Set(['beta', 'family'])
      })
    );
    for (const slug of ['beta', 'family']) expect(page.centre(slug), slug).toBeGreaterThan(170);
    for (const slug of ['alpha', 'gamma'])
      expect(Math.abs(page.centre(slug) - GREY), slug).toBeLessThan(12);
  });

  it('fades nothing when nothing is filtered', async () => {
    const page = renderMap(
      await customisePdf({ ...(await base()), includeTopics: true, faded: new Set() })
    );
    for (const slug of Object.keys(rects))
      expect(Math.abs(page.centre(slug) - GREY), slug).toBeLessThan(12);
  });
});

describe('progress marks in the browser PDF', () => {
  const progress: Record<string, TopicStatus> = {
    alpha: 'done',
    beta: 'learning',
    family: 'skipped'
  };

  it('marks each topic with progress in its corner: done in teal, learning and skipped in white', async () => {
    const page = renderMap(
      await customisePdf({ ...(await base()), includeTopics: true, progress })
    );
    expect(page.corner('alpha').teal).toBeGreaterThan(20);
    for (const slug of ['beta', 'family']) {
      expect(page.corner(slug).white, slug).toBeGreaterThan(20);
      expect(page.corner(slug).teal, slug).toBe(0);
    }
    // Not started: the corner stays the topic's own colour.
    expect(page.corner('gamma')).toMatchObject({ teal: 0, white: 0 });
  });

  it('marks nothing without progress', async () => {
    const page = renderMap(await customisePdf({ ...(await base()), includeTopics: true }));
    for (const slug of Object.keys(rects))
      expect(page.corner(slug), slug).toMatchObject({ teal: 0, white: 0 });
  });
});

describe('progress marks drawn from the map style', () => {
  it('draws each mark at BADGE size and stroke, scaled with the map, in its corner', async () => {
    const bytes = await customisePdf({
      ...(await base()),
      includeTopics: true,
      progress: { alpha: 'done', beta: 'learning', family: 'skipped' }
    });
    const doc = await PDFDocument.load(bytes);
    const page = readPage(doc, doc.getPage(0));
    const s = placement.scale;
    const rgbOf = (c: { red: number; green: number; blue: number }) => [c.red, c.green, c.blue];
    const near = (a: number, b: number) => Math.abs(a - b) < 0.02;
    for (const [slug, status] of [
      ['alpha', 'done'],
      ['beta', 'learning'],
      ['family', 'skipped']
    ] as const) {
      const p = toPage(rects[slug], placement);
      const [cx, cy] = [p.x + p.width - BADGE.inset * s, p.y + p.height - BADGE.inset * s];
      const r = BADGE.radius * s;
      const disc = page.shapes.find(
        (x) =>
          near(x.box.x1, cx - r) && near(x.box.x2, cx + r) && near(x.box.y1, cy - r) && x.stroke
      );
      expect(disc?.fill, slug).toEqual(rgbOf(status === 'done' ? LINK : WHITE));
      expect(disc?.stroke).toEqual(rgbOf(status === 'done' ? LINK : INK));
      expect(disc?.lineWidth).toBeCloseTo(BADGE.stroke * s, 3);
      // The icon over it, drawn after it, inside the disc.
      const icon = page.shapes[page.shapes.indexOf(disc!) + 1];
      for (const [x, y] of icon.points)
        expect(Math.hypot(x - cx, y - cy), slug).toBeLessThanOrEqual(r);
      if (status === 'learning') expect(icon.fill).toEqual(rgbOf(INK));
      else {
        expect(icon.stroke, slug).toEqual(rgbOf(status === 'done' ? WHITE : INK));
        expect(icon.lineWidth, slug).toBeCloseTo(BADGE.iconStroke * s, 3);
      }
    }
  });
});
