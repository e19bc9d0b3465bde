// The PDF's topic pages read back from their bytes, on a few hand-made topics: the header
// (group, title, back link), the prose in reading order with its styles, links over the
// linked words leading to the right page or address, code on its background, lists with
// hanging marks, "Where it sits on the map", examples, resources, related topics, the
// page number, and a long topic set smaller so it keeps one page inside the margins.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { MapLayout } from '../../src/lib/layout/MapLayout.ts';
import { exportMapPdf, type PdfTopic } from '../../src/lib/pdf/exportMapPdf.ts';
import { MARGIN } from '../../src/lib/pdf/mapPlacement.ts';
import { PAGE_SIZES } from '../../src/lib/pdf/pageSizes.ts';
import { INK, LINK, MUTED, groupColours } from '../../src/lib/pdf/palette.ts';
import { readFonts } from '../../src/lib/site/siteData.ts';
import {
  linksOver,
  readLinks,
  readPage,
  sameColour,
  type PageContent,
  type TextRun
} from '../support/pdfRead.ts';

const fontBytes = readFonts();

const layout: MapLayout = {
  width: 400,
  height: 200,
  groups: [
    { id: 'clients', label: 'Clients' },
    { id: 'hosting', label: 'Hosting' }
  ],
  boxes: [
    {
      id: 'edge',
      label: 'The edge',
      depth: 0,
      x: 0,
      y: 0,
      width: 400,
      height: 200,
      header: { x: 0, y: 0, width: 400, height: 28 }
    },
    {
      id: 'family',
      slug: 'family',
      label: 'Family',
      group: 'hosting',
      depth: 1,
      parent: 'edge',
      x: 200,
      y: 40,
      width: 190,
      height: 100,
      header: { x: 200, y: 40, width: 190, height: 24 }
    }
  ],
  nodes: [
    {
      slug: 'alpha',
      title: 'Alpha',
      group: 'hosting',
      parent: 'family',
      lines: ['Alpha'],
      x: 210,
      y: 70,
      width: 80,
      height: 40
    },
    {
      slug: 'beta',
      title: 'Beta',
      group: 'clients',
      parent: 'edge',
      lines: ['Beta'],
      x: 20,
      y: 70,
      width: 80,
      height: 40
    }
  ],
  flows: [],
  related: [],
  learningPath: []
};

const base = (slug: string, title: string, group: string, parent: string): PdfTopic => ({
  slug,
  title,
  summary: `${title} in one line.`,
  group,
  parent,
  arrows: [],
  examples: [],
  resources: [],
  related: [],
  reviewed: '2026-11-01',
  blocks: []
});
const alpha: PdfTopic = {
  ...base('alpha', 'Alpha', 'hosting', 'family'),
  reviewed: '2026-11-20',
  arrows: [{ to: 'beta', label: 'serves' }],
  related: ['beta', 'not-a-topic'],
  examples: [
    { name: 'Example one', url: 'https://ex.example.org/one%20two', note: 'why it helps' }
  ],
  // Not ASCII, and a stray %: the link carries a valid, percent-encoded address.
  resources: [{ name: 'Further reading', url: 'https://read.example.net/café?q=100%' }],
  blocks: [
    { kind: 'heading', depth: 2, runs: [{ text: 'How it works' }] },
    {
      kind: 'paragraph',
      runs: [
        { text: 'Read about ' },
        { text: 'Beta here', href: '/topics/beta/' },
        { text: ' or the ' },
        { text: 'manual', href: 'https://docs.example.org/m' },
        { text: ', then ' },
        { text: 'firmly', strong: true },
        { text: ' run ' },
        { text: 'make', code: true },
        { text: '.' }
      ]
    },
    { kind: 'code', title: 'app.conf', text: 'listen 80;\nroot /srv;' },
    {
      kind: 'list',
      ordered: true,
      items: [[{ text: 'First step' }], [{ text: 'Second step' }]]
    },
    { kind: 'list', ordered: false, items: [[{ text: 'A point' }]] }
  ]
};
const beta: PdfTopic = {
  ...base('beta', 'Beta', 'clients', 'edge'),
  // Long enough that the body size must shrink for the page to hold it.
  blocks: Array.from({ length: 45 }, (_, i) => ({
    kind: 'paragraph' as const,
    runs: [
      {
        text: `Paragraph ${i + 1} says a good deal about beta, over more than one line of the page. `.repeat(
          2
        )
      }
    ]
  }))
};
const family: PdfTopic = base('family', 'Family', 'hosting', 'edge');
const topics = [alpha, beta, family];

const find = (page: PageContent, text: string): TextRun => {
  const runs = page.texts.filter((t) => t.text.trim() === text);
  expect(runs, `"${text}" drawn once`).toHaveLength(1);
  return runs[0];
};

async function build() {
  const bytes = await exportMapPdf({
    layout,
    topics,
    groups: layout.groups,
    fonts: fontBytes,
    fontkit,
    pageSize: 'A4',
    siteUrl: 'https://map.example.test/',
    date: new Date('2026-12-01T00:00:00Z')
  });
  return PDFDocument.load(bytes);
}

describe('the PDF topic pages', () => {
  it('print a topic with its header, prose, links, code, lists and place on the map', async () => {
    const doc = await build();
    expect(doc.getPageCount()).toBe(1 + topics.length);
    const pg = doc.getPage(1);
    const page = readPage(doc, pg);
    const links = readLinks(doc, pg);
    const [w, h] = PAGE_SIZES.A4;
    expect([page.width, page.height]).toEqual([w, h]);
    const [accent] = groupColours('hosting');

    // Header: the accent bar, the back link, the group and the title.
    const bar = page.shapes.find((s) => s.box.y1 === h - 6 && s.box.y2 === h);
    expect(bar?.fill).toEqual([accent.red, accent.green, accent.blue]);
    expect([bar!.box.x1, bar!.box.x2]).toEqual([0, w]);
    const back = find(page, '← Back to the map');
    expect([back.x, back.y, back.size]).toEqual([MARGIN, h - MARGIN, 9]);
    expect(sameColour(back.colour, LINK)).toBe(true);
    expect(linksOver(links, back).map((l) => l.page)).toEqual([0]);
    const group = find(page, 'HOSTING');
    expect([group.x, group.y, group.size, group.bold]).toEqual([
      MARGIN,
      h - MARGIN - 24,
      8.5,
      true
    ]);
    expect(sameColour(group.colour, accent)).toBe(true);
    const title = find(page, 'Alpha');
    expect([title.x, title.y, title.size, title.bold]).toEqual([MARGIN, h - MARGIN - 52, 22, true]);

    // The body in reading order, top to bottom, below the header, at the left margin.
    const order = [
      'Alpha in one line.',
      'Last reviewed 20 November 2026',
      'How it works',
      'app.conf',
      'listen 80;',
      'root /srv;',
      'First step',
      'Second step',
      'A point',
      'Where it sits on the map',
      'Examples',
      'Example one',
      'Resources',
      'Further reading',
      'Related topics'
    ].map((t) => find(page, t));
    for (let i = 1; i < order.length; i++)
      expect(order[i].y, order[i].text).toBeLessThan(order[i - 1].y);
    expect(order[0].y).toBeLessThan(h - MARGIN - 70);
    expect(order[0].x).toBe(MARGIN);
    // Sizes and colours: summary larger and muted, the date small, headings bold in ink.
    const [summary, reviewed, heading] = order;
    expect([summary.size, summary.bold]).toEqual([11.5, false]);
    expect(sameColour(summary.colour, MUTED)).toBe(true);
    expect(reviewed.size).toBe(8.5);
    expect(sameColour(reviewed.colour, MUTED)).toBe(true);
    for (const hd of [heading, find(page, 'Examples'), find(page, 'Resources')]) {
      expect([hd.size, hd.bold], hd.text).toEqual([12.5, true]);
      expect(sameColour(hd.colour, INK)).toBe(true);
    }

    // The paragraph: links in the link colour under an annotation to the right target.
    const betaLink = find(page, 'Beta here');
    expect(sameColour(betaLink.colour, LINK)).toBe(true);
    expect(linksOver(links, betaLink).map((l) => l.page)).toEqual([2]);
    const manual = find(page, 'manual');
    expect(linksOver(links, manual).map((l) => l.uri)).toEqual(['https://docs.example.org/m']);
    const plain = page.texts.find((t) => t.text.includes('Read about'))!;
    expect(sameColour(plain.colour, INK)).toBe(true);
    expect(linksOver(links, plain)).toEqual([]);
    expect(plain.y).toBe(betaLink.y);
    expect(betaLink.x).toBeCloseTo(plain.x + plain.width, 1);
    expect(find(page, 'firmly').bold).toBe(true);
    const make = find(page, 'make');
    expect([make.mono, make.size]).toEqual([true, expect.closeTo(9.2, 3)]);

    // Code: monospace, indented on a shaded background that covers its lines.
    const code = [find(page, 'listen 80;'), find(page, 'root /srv;')];
    const codeTitle = find(page, 'app.conf');
    expect([codeTitle.mono, codeTitle.size]).toEqual([true, 8.5]);
    const bg = page.shapes.find(
      (s) => s.fill && s.box.x1 === MARGIN - 4 && s.box.y1 < code[1].y && s.box.y2 > code[0].y
    );
    expect(bg?.fill).toEqual([0.955, 0.96, 0.97]);
    for (const c of code) {
      expect([c.mono, c.size, c.x]).toEqual([true, 8.5, MARGIN + 4]);
      expect(c.y).toBeGreaterThan(bg!.box.y1);
      expect(c.y + c.size * 0.7).toBeLessThan(bg!.box.y2);
    }
    // Lists: the mark at the margin, the item's text after it.
    for (const [mark, text] of [
      ['1.', 'First step'],
      ['2.', 'Second step'],
      ['•', 'A point']
    ]) {
      const t = find(page, text);
      const m = page.texts.find((r) => r.text.trim() === mark && r.y === t.y);
      expect(m?.x, mark).toBe(MARGIN);
      expect(t.x).toBeCloseTo(m!.x + m!.width, 1);
    }

    // Where it sits: the box it is in (a link) within the region (plain), its arrow out.
    const inside = page.texts.find((t) => t.text.startsWith('Inside'))!;
    const familyRun = page.texts.find((t) => t.text === 'Family' && t.y === inside.y)!;
    expect(linksOver(links, familyRun).map((l) => l.page)).toEqual([3]);
    expect(page.texts.some((t) => t.y === inside.y && t.text.includes('The edge'))).toBe(true);
    const from = page.texts.find((t) => t.text.startsWith('From Alpha:'))!;
    const onLine = page.texts.filter((t) => t.y === from.y);
    expect(onLine.find((t) => t.text === 'serves')?.bold).toBe(true);
    const target = onLine.find((t) => t.text === 'Beta')!;
    expect(linksOver(links, target).map((l) => l.page)).toEqual([2]);

    // Examples and resources: the name a link to its address, then host and note.
    const ex = find(page, 'Example one');
    expect(linksOver(links, ex).map((l) => l.uri)).toEqual(['https://ex.example.org/one%20two']);
    const host = page.texts.find((t) => t.text.trim() === 'ex.example.org' && t.y === ex.y);
    expect(host?.size).toBe(8.5);
    expect(sameColour(host!.colour, MUTED)).toBe(true);
    expect(page.texts.some((t) => t.y === ex.y && t.text === ' · why it helps')).toBe(true);
    const res = find(page, 'Further reading');
    expect(linksOver(links, res).map((l) => l.uri)).toEqual([
      'https://read.example.net/caf%C3%A9?q=100%25'
    ]);
    // Related topics: only those in the PDF, each a link to its page.
    const related = find(page, 'Related topics');
    const rel = page.texts.filter((t) => t.y < related.y && t.y > related.y - 20);
    expect(rel.map((t) => t.text)).toEqual(['Beta']);
    expect(linksOver(links, rel[0]).map((l) => l.page)).toEqual([2]);

    // Links draw no border of their own.
    for (const l of links) expect(l.border).toEqual([0, 0, 0]);

    // The page number, right-aligned in the footer.
    const num = page.texts.find((t) => t.text === `2 / ${1 + topics.length}`);
    expect(num?.y).toBe(18);
    expect(num!.x).toBeLessThan(w - MARGIN - 10);
    expect(num!.x).toBeGreaterThan(w - MARGIN - 30);
    // Everything inside the margins (the number's Helvetica has no widths in the file).
    for (const t of page.texts.filter((r) => r !== num)) {
      expect(t.x, t.text).toBeGreaterThanOrEqual(MARGIN);
      expect(t.x + t.width, t.text).toBeLessThanOrEqual(w - MARGIN + 0.01);
    }
  });

  it('sets a long topic smaller so it keeps one page, and says when it has no arrows', async () => {
    const doc = await build();
    const page = readPage(doc, doc.getPage(2));
    const [w] = PAGE_SIZES.A4;
    const body = page.texts.filter((t) => t.text.includes('says a good deal'));
    expect(body.length).toBeGreaterThanOrEqual(45);
    const size = body[0].size;
    expect(size).toBeLessThan(10);
    expect(size).toBeGreaterThanOrEqual(5);
    // In half-point steps from 10, and nothing runs into the footer.
    expect(size * 2).toBe(Math.round(size * 2));
    const lowest = Math.min(
      ...page.texts.filter((t) => !/^\d+ \/ \d+$/.test(t.text)).map((t) => t.y)
    );
    expect(lowest).toBeGreaterThanOrEqual(MARGIN + 24 - 0.01);
    for (const t of body) expect(t.x + t.width).toBeLessThanOrEqual(w - MARGIN);
    // The arrow in from Alpha is listed; Family, with none, says so at the body size.
    const to = page.texts.find((t) => t.text.startsWith('To Beta:'));
    expect(to?.size).toBe(size);
    const fam = readPage(doc, doc.getPage(3));
    expect(find(fam, 'No labelled arrow starts or ends at Family itself.').size).toBe(10);
  });
});
