// The PDF's guided tour pages read back from their bytes, on a hand-made three-topic map:
// two steps a page, each a small map with the step's topics at full strength and the rest
// faded at mapStyle's strength, its lit arrows drawn over in ink, then its text, the
// topics as links to their pages, and what breaks.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { TourData } from '../../src/lib/content/validateTours.ts';
import type { LayoutNode, MapLayout } from '../../src/lib/layout/MapLayout.ts';
import { FADE, STROKE } from '../../src/lib/layout/mapStyle.ts';
import { exportMapPdf, type PdfTopic } from '../../src/lib/pdf/exportMapPdf.ts';
import { MARGIN } from '../../src/lib/pdf/mapPlacement.ts';
import { PAGE_SIZES } from '../../src/lib/pdf/pageSizes.ts';
import { INK, LINK, MUTED } from '../../src/lib/pdf/palette.ts';
import { readFonts } from '../../src/lib/site/siteData.ts';
import { fixtureNode, regionBox } from '../support/layoutFixture.ts';
import {
  linksOver,
  readLinks,
  readOutline,
  readPage,
  sameColour,
  type TextRun
} from '../support/pdfRead.ts';

const fontBytes = readFonts();
const node = (slug: string, x: number): LayoutNode =>
  fixtureNode(slug, { x, y: 40, width: 80, height: 40 });
const layout: MapLayout = {
  width: 400,
  height: 120,
  groups: [{ id: 'hosting', label: 'Hosting' }],
  boxes: [regionBox(400, 120)],
  nodes: [node('alpha', 20), node('beta', 160), node('gamma', 300)],
  flows: [
    {
      id: 'flow:alpha>beta',
      from: 'alpha',
      to: 'beta',
      kind: 'flow',
      path: 'M100,60H160',
      points: [
        [100, 60],
        [160, 60]
      ]
    },
    {
      id: 'flow:beta>gamma',
      from: 'beta',
      to: 'gamma',
      kind: 'flow',
      path: 'M240,60H300',
      points: [
        [240, 60],
        [300, 60]
      ]
    }
  ],
  related: [],
  learningPath: []
};
const topic = (slug: string, title: string): PdfTopic => ({
  slug,
  title,
  summary: `${title}.`,
  group: 'hosting',
  parent: 'region',
  arrows: [],
  examples: [],
  resources: [],
  related: [],
  reviewed: '2026-11-01',
  blocks: []
});
const topics = [topic('alpha', 'Alpha'), topic('beta', 'Beta'), topic('gamma', 'Gamma')];
const arrow = (from: string, to: string) => ({ from, to, id: `flow:${from}>${to}` });
const tour: TourData = {
  slug: 'first',
  title: 'First tour',
  promise: 'What the first tour teaches.',
  order: 1,
  steps: [
    {
      title: 'Start',
      line: 5,
      topics: ['alpha', 'beta'],
      arrows: [arrow('alpha', 'beta')],
      text: ['The request leaves alpha.']
    },
    {
      title: 'Next',
      line: 9,
      topics: ['gamma'],
      arrows: [],
      text: ['Gamma answers.'],
      breaks: {
        broken: ['gamma'],
        symptom: [],
        log: '/var/log/gamma.log',
        check: 'gamma --status',
        text: ['Nothing answers.']
      }
    },
    { title: 'Last', line: 14, topics: ['beta'], arrows: [], text: ['Beta again.'] }
  ]
};

describe('the PDF tour pages', () => {
  it('give each step a lit map, its text and its topics as links, two steps a page', async () => {
    const bytes = await exportMapPdf({
      layout,
      topics,
      groups: layout.groups,
      tours: [tour],
      fonts: fontBytes,
      fontkit,
      pageSize: 'A4',
      date: new Date('2026-12-01T00:00:00Z')
    });
    const doc = await PDFDocument.load(bytes);
    const [w, h] = PAGE_SIZES.A4;
    // Map, three topics, then the tour's two pages.
    expect(doc.getPageCount()).toBe(6);
    expect(readOutline(doc).at(-1)).toEqual({
      title: 'Guided tours',
      page: 4,
      children: [{ title: 'First tour', page: 4, children: [] }]
    });
    const first = readPage(doc, doc.getPage(4));
    const second = readPage(doc, doc.getPage(5));
    expect([first.width, first.height]).toEqual([w, h]);
    const find = (page: typeof first, text: string): TextRun => {
      const runs = page.texts.filter((t) => t.text.trim() === text);
      expect(runs, `"${text}" drawn once`).toHaveLength(1);
      return runs[0];
    };

    // The header on both pages, the title and promise on the first only.
    for (const page of [first, second]) {
      const head = find(page, 'GUIDED TOUR · FIRST TOUR');
      expect([head.x, head.y, head.size, head.bold]).toEqual([MARGIN, h - MARGIN - 22, 8.5, true]);
      expect(sameColour(head.colour, MUTED)).toBe(true);
      expect(find(page, '← Back to the map').y).toBe(h - MARGIN);
    }
    const title = find(first, 'First tour');
    expect([title.y, title.size, title.bold]).toEqual([h - MARGIN - 48, 20, true]);
    expect(sameColour(find(first, 'What the first tour teaches.').colour, MUTED)).toBe(true);
    expect(second.texts.some((t) => t.text === 'First tour')).toBe(false);
    for (const link of [...readLinks(doc, doc.getPage(4)), ...readLinks(doc, doc.getPage(5))])
      expect(link.page, link.contents).toBeGreaterThanOrEqual(0);

    // Step 1: its map lights alpha and beta and the arrow between them; gamma is faded.
    // The node shapes (80 by 40, filled and outlined) of the maps, left to right.
    const lit = (page: typeof first, stepTop: number) =>
      page.shapes
        .filter((s) => s.fill && s.stroke && s.box.y2 <= stepTop + 0.01 && s.box.y2 > stepTop - 200)
        .filter((s) => Math.abs(s.box.x2 - s.box.x1 - (s.box.y2 - s.box.y1) * 2) < 0.01)
        .sort((a, b) => a.box.x1 - b.box.x1);
    const step1 = find(first, 'Step 1 of 3: Start');
    const step2 = find(first, 'Step 2 of 3: Next');
    expect(step1.y).toBeGreaterThan(step2.y);
    expect([step1.size, step1.bold]).toEqual([11, true]);
    const nodes1 = lit(first, step1.y + 300).filter((s) => s.box.y1 > step1.y);
    expect(nodes1.map((s) => s.fillOpacity)).toEqual([1, 1, FADE.filtered]);
    const scale = (nodes1[0].box.x2 - nodes1[0].box.x1) / 80;
    // The lit arrow drawn over the map in ink, thicker than a flow.
    const over = first.shapes.filter(
      (s) =>
        s.stroke &&
        !s.fill &&
        sameColour(s.stroke, INK) &&
        Math.abs(s.lineWidth - STROKE.flowOn * 1.6 * scale) < 0.01 &&
        s.box.y1 > step1.y
    );
    expect(over).toHaveLength(1);
    expect(over[0].box.x2 - over[0].box.x1).toBeCloseTo(60 * scale, 2);
    // Its text, then its topics as links to their pages.
    const onMap = first.texts.find(
      (t) => t.text.startsWith('On the map') && t.y < step1.y && t.y > step2.y
    )!;
    expect(sameColour(onMap.colour, MUTED)).toBe(true);
    const links = readLinks(doc, doc.getPage(4));
    for (const [name, page] of [
      ['Alpha', 1],
      ['Beta', 2]
    ] as const) {
      const run = first.texts.find((t) => t.text === name && t.y === onMap.y)!;
      expect(sameColour(run.colour, LINK), name).toBe(true);
      expect(
        linksOver(links, run).map((l) => l.page),
        name
      ).toEqual([page]);
    }
    // Step 2 lights gamma only, and says what breaks, where it shows and what to run.
    const nodes2 = lit(first, step2.y + 300).filter(
      (s) => s.box.y1 > step2.y && s.box.y2 < step1.y
    );
    expect(nodes2.map((s) => s.fillOpacity)).toEqual([FADE.filtered, FADE.filtered, 1]);
    expect(find(first, 'What breaks: Gamma').bold).toBe(true);
    const log = find(first, '/var/log/gamma.log');
    expect([log.mono, log.size]).toEqual([true, 8.5]);
    expect(find(first, 'Where it shows:').y).toBe(log.y);
    expect(find(first, 'gamma --status').mono).toBe(true);
    expect(find(first, 'First check:').y).toBeLessThan(log.y);
    // Step 3 on the second page, alone.
    expect(find(second, 'Step 3 of 3: Last').y).toBeLessThan(h - MARGIN - 22);
    expect(second.texts.filter((t) => t.text.startsWith('Step '))).toHaveLength(1);
  });

  it('sets a long step smaller to keep its half page, its map centred inside the margins', async () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const long: TourData = {
      ...tour,
      steps: [
        {
          title: 'Crowded',
          line: 5,
          topics: ['alpha', 'beta', 'gamma'],
          arrows: [],
          text: [words(160), words(160), words(160)],
          breaks: {
            broken: ['beta', 'gamma'],
            symptom: [],
            log: '/var/log/beta.log',
            check: 'beta --status',
            text: [words(60)]
          }
        },
        { title: 'Short', line: 9, topics: ['alpha'], arrows: [], text: ['Alpha alone.'] }
      ]
    };
    const doc = await PDFDocument.load(
      await exportMapPdf({
        layout,
        topics,
        groups: layout.groups,
        tours: [long],
        fonts: fontBytes,
        fontkit,
        pageSize: 'A4',
        date: new Date('2026-12-01T00:00:00Z')
      })
    );
    const [w] = PAGE_SIZES.A4;
    const page = readPage(doc, doc.getPage(4));
    const step1 = page.texts.find((t) => t.text === 'Step 1 of 2: Crowded')!;
    const step2 = page.texts.find((t) => t.text === 'Step 2 of 2: Short')!;
    const body1 = page.texts.filter((t) => t.text.includes('word') && t.y < step1.y);
    const body2 = page.texts.find((t) => t.text === 'Alpha alone.')!;
    // Shrunk below the usual 9 pt, its heading two points larger, all above step 2's map.
    expect(body1[0].size).toBeLessThan(9);
    expect(body1[0].size).toBeGreaterThanOrEqual(5);
    expect(step1.size).toBe(body1[0].size + 2);
    expect(body2.size).toBe(9);
    const nodes2Top = Math.max(
      ...page.shapes
        .filter((s) => s.fill && s.stroke && s.box.y2 < step1.y && s.box.y1 > step2.y)
        .filter((s) => Math.abs(s.box.x2 - s.box.x1 - (s.box.y2 - s.box.y1) * 2) < 0.01)
        .map((s) => s.box.y2)
    );
    expect(nodes2Top).toBeGreaterThan(step2.y);
    for (const t of body1) expect(t.y, t.text).toBeGreaterThan(nodes2Top);
    // Parts and what breaks, joined by commas.
    const onMap = page.texts.filter(
      (t) => t.y === page.texts.find((r) => r.text.startsWith('On the map'))!.y && t.y > step2.y
    );
    expect(onMap.map((t) => t.text).join('')).toBe('On the map: Alpha, Beta, Gamma');
    expect(sameColour(onMap.find((t) => t.text === ', ')!.colour, MUTED)).toBe(true);
    expect(page.texts.find((t) => t.text === 'What breaks: Beta, Gamma')?.bold).toBe(true);
    // Each step's small map: its nodes inside the margins, the map centred across the page
    // (the three nodes span the layout evenly), and below its own heading's slot top.
    const nodes1 = page.shapes
      .filter((s) => s.fill && s.stroke && s.box.y1 > step1.y)
      .filter((s) => Math.abs(s.box.x2 - s.box.x1 - (s.box.y2 - s.box.y1) * 2) < 0.01)
      .sort((a, b) => a.box.x1 - b.box.x1);
    expect(nodes1).toHaveLength(3);
    const left = nodes1[0].box.x1 - MARGIN;
    const right = w - MARGIN - nodes1[2].box.x2;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeCloseTo(right, 1);
    const scale = (nodes1[0].box.x2 - nodes1[0].box.x1) / 80;
    // The map is as wide as the margins allow (400 units across 595 - 72 points).
    expect(scale).toBeCloseTo(Math.min((w - MARGIN * 2) / 400, scale), 5);
  });
});
