// The PDF topic pages in detail, read back from their bytes on a hand-made map: the
// document's own metadata, where a prose link leads (a topic page in the PDF, the site, an
// address, or nowhere), and the words of "Where it sits on the map" and "Related topics"
// line by line: a box's contents, the arrows of the box a topic sits in, the separators.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type LoadOptions } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { MapLayout } from '../../src/lib/layout/MapLayout.ts';
import { exportMapPdf, type PdfTopic } from '../../src/lib/pdf/exportMapPdf.ts';
import { readFonts } from '../../src/lib/site/siteData.ts';
import { fixtureNode, regionBox } from '../support/layoutFixture.ts';
import {
  linksOver,
  readLinks,
  readPage,
  type PageContent,
  type TextRun
} from '../support/pdfRead.ts';

const fontBytes = readFonts();
const node = (slug: string, parent: string, x: number) =>
  fixtureNode(slug, { x, y: 70, width: 60, height: 30 }, { parent });
const layout: MapLayout = {
  width: 400,
  height: 200,
  groups: [{ id: 'hosting', label: 'Hosting' }],
  boxes: [
    regionBox(400, 200, { id: 'edge', label: 'The edge' }),
    {
      id: 'family',
      slug: 'family',
      label: 'Family',
      group: 'hosting',
      depth: 1,
      parent: 'edge',
      x: 150,
      y: 40,
      width: 240,
      height: 100,
      header: { x: 150, y: 40, width: 240, height: 24 }
    }
  ],
  nodes: [node('beta', 'edge', 20), node('alpha', 'family', 160), node('gamma', 'family', 260)],
  flows: [],
  related: [],
  learningPath: []
};
const topic = (slug: string, parent: string, extra: Partial<PdfTopic> = {}): PdfTopic => ({
  slug,
  title: slug[0].toUpperCase() + slug.slice(1),
  summary: `${slug} in one line.`,
  group: 'hosting',
  parent,
  arrows: [],
  examples: [],
  resources: [],
  related: [],
  reviewed: '2026-11-01',
  blocks: [],
  ...extra
});
const topics = [
  topic('alpha', 'family', {
    related: ['gamma', 'beta'],
    blocks: [
      {
        kind: 'paragraph',
        runs: [
          { text: 'See ' },
          { text: 'Beta', href: '/topics/beta/' },
          { text: ', the ' },
          { text: 'planner', href: '/plan/' },
          { text: ', a ' },
          { text: 'gone page', href: '/topics/ghost/' },
          { text: ', ' },
          { text: 'mail us', href: 'mailto:team@example.org' },
          { text: ', the ' },
          { text: 'plain site', href: 'http://plain.example.org/' },
          { text: ' and ' },
          { text: 'a file server', href: 'ftp://files.example.org/' },
          { text: '.' }
        ]
      }
    ]
  }),
  topic('beta', 'edge', { arrows: [{ to: 'alpha', label: 'asks' }] }),
  topic('gamma', 'family'),
  topic('family', 'edge', { arrows: [{ to: 'beta', label: 'calls' }] })
];

async function build(siteUrl?: string, load: LoadOptions = {}) {
  const bytes = await exportMapPdf({
    layout,
    topics,
    groups: layout.groups,
    fonts: fontBytes,
    fontkit,
    pageSize: 'A4',
    ...(siteUrl ? { siteUrl } : {}),
    date: new Date('2026-12-01T00:00:00Z')
  });
  return PDFDocument.load(bytes, load);
}

/**
 * The page's text as lines, top to bottom, each line's runs joined left to right, with a
 * space where a gap between runs stands for one (a lone space is advanced over, not drawn).
 */
const lines = (page: PageContent) => {
  const rows = new Map<number, TextRun[]>();
  for (const t of page.texts) rows.set(t.y, [...(rows.get(t.y) ?? []), t]);
  return [...rows.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, runs]) =>
      runs
        .sort((a, b) => a.x - b.x)
        .map((r, i) => {
          const prev = runs[i - 1];
          const gap = prev && r.x > prev.x + (prev.width || 0) + 0.5;
          return (gap && !prev.text.endsWith(' ') ? ' ' : '') + r.text;
        })
        .join('')
    );
};
const pageOf = (doc: PDFDocument, slug: string) => 1 + topics.findIndex((t) => t.slug === slug);

describe('the PDF document', () => {
  it('says what it is: title, subject, keywords with the map’s groups, author, language', async () => {
    // As written, not as pdf-lib would stamp it on loading.
    const doc = await build(undefined, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Deployment Map: how a Python web app is deployed');
    expect(doc.getSubject()).toBe(
      'The parts of a production Python web application deployment and how they connect.'
    );
    expect(doc.getKeywords()).toBe('Python deployment WSGI web server map Hosting');
    expect(doc.getAuthor()).toBe('Deployment Map');
    expect(doc.getCreator()).toBe('Deployment Map');
    expect(doc.getProducer()).toBe('Deployment Map with pdf-lib');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    const catalog = doc.catalog.toString();
    expect(catalog).toContain('/Lang (en)');
    expect(doc.catalog.getOrCreateViewerPreferences().getDisplayDocTitle()).toBe(true);
  });
});

describe('prose links on a topic page', () => {
  const linkOf = async (siteUrl: string | undefined, words: string) => {
    const doc = await build(siteUrl);
    const page = doc.getPage(pageOf(doc, 'alpha'));
    const run = readPage(doc, page).texts.find((t) => t.text === words)!;
    expect(run, words).toBeDefined();
    return linksOver(readLinks(doc, page), run);
  };

  it.each([
    ['a topic in the PDF opens its page', 'Beta', [{ page: 2 }]],
    ['a site page goes to the site', 'planner', [{ uri: 'https://map.example.test/sub/plan/' }]],
    [
      'a topic not in the PDF goes to its page on the site',
      'gone page',
      [{ uri: 'https://map.example.test/sub/topics/ghost/' }]
    ],
    ['mailto: is kept', 'mail us', [{ uri: 'mailto:team@example.org' }]],
    ['http: is kept', 'plain site', [{ uri: 'http://plain.example.org/' }]],
    ['any other scheme is not linked', 'a file server', []]
  ])('%s', async (_, words, expected) => {
    const links = await linkOf('https://map.example.test/sub', words);
    expect(links.map((l) => (l.page !== undefined ? { page: l.page } : { uri: l.uri }))).toEqual(
      expected
    );
  });

  it('without a site address, site links are plain words; PDF pages and addresses still link', async () => {
    expect(await linkOf(undefined, 'planner')).toEqual([]);
    expect(await linkOf(undefined, 'gone page')).toEqual([]);
    expect((await linkOf(undefined, 'Beta')).map((l) => l.page)).toEqual([2]);
    expect((await linkOf(undefined, 'mail us')).map((l) => l.uri)).toEqual([
      'mailto:team@example.org'
    ]);
  });
});

describe('where a topic sits, in words', () => {
  it('a box lists what it contains, its own arrows, and says the rest', async () => {
    const doc = await build();
    const text = lines(readPage(doc, doc.getPage(pageOf(doc, 'family'))));
    expect(text).toContain('Inside The edge.');
    expect(text).toContain('Contains Alpha, Gamma.');
    expect(text).toContain('• From Family: calls → Beta');
  });

  it('a topic in a box lists the box’s arrows after its own, under the box’s name', async () => {
    const doc = await build();
    const text = lines(readPage(doc, doc.getPage(pageOf(doc, 'alpha'))));
    const at = (line: string) => text.indexOf(line);
    expect(at('Inside Family, within The edge.')).toBeGreaterThan(-1);
    expect(at('• To Alpha: Beta asks')).toBeGreaterThan(at('Inside Family, within The edge.'));
    expect(at('Arrows of its box, Family:')).toBeGreaterThan(at('• To Alpha: Beta asks'));
    expect(at('• From Family: calls → Beta')).toBe(at('Arrows of its box, Family:') + 1);
    // Related topics in the order the page gives, between middle dots.
    expect(text[at('Related topics') + 1]).toBe('Gamma · Beta');
  });

  it('a topic with no arrows of its own, in no box with arrows, says so', async () => {
    const doc = await build();
    const text = lines(readPage(doc, doc.getPage(pageOf(doc, 'gamma'))));
    expect(text).toContain('No labelled arrow starts or ends at Gamma itself.');
    expect(text).toContain('Arrows of its box, Family:');
  });
});
