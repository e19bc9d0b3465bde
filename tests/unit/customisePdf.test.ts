import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { customisePdf, winAnsiSafe } from '../../src/lib/pdf/customisePdf.ts';
import { stampPageNumbers } from '../../src/lib/pdf/pageNumbers.ts';
import { sitePdf } from '../../src/build/writeSitePdf.ts';
import {
  expectedFooters as expected,
  pdfFooters as footers,
  pdfText as check
} from '../support/pdfTools.ts';
import { linksOver, readLinks, readPage, sameColour, type TextRun } from '../support/pdfRead.ts';
import { siteFor } from './siteFixture.ts';

const links = (doc: PDFDocument, i: number) => {
  const annots = doc.getPage(i).node.lookup(PDFName.of('Annots'));
  return annots instanceof PDFArray
    ? annots.asArray().map((r) => doc.context.lookup(r) as PDFDict)
    : [];
};
const uri = (a: PDFDict) =>
  (
    (a.lookup(PDFName.of('A')) as PDFDict | undefined)?.lookup(PDFName.of('URI')) as
      PDFString | undefined
  )?.decodeText();

async function setup() {
  const site = await siteFor('tests/fixtures/mini-content', true);
  const bytes = await sitePdf(site, { pageSize: 'Letter' });
  const topics = site.content.topics.map((t) => ({ slug: t.slug, title: t.title, group: t.group }));
  return {
    site,
    bytes,
    topics,
    base: {
      bytes,
      layout: site.layout,
      pageSize: 'Letter' as const,
      topics,
      groups: site.graph.groups,
      siteUrl: 'https://example.test/map/'
    }
  };
}

describe('customisePdf (the browser step)', () => {
  it('leaves the prebuilt document as it is when nothing is asked', async () => {
    const { base, topics } = await setup();
    const doc = await PDFDocument.load(await customisePdf({ ...base, includeTopics: true }));
    expect(doc.getPageCount()).toBe(1 + topics.length);
  });

  it('drops topic pages and links every map node to the website instead', async () => {
    const { base, topics } = await setup();
    const out = await customisePdf({ ...base, includeTopics: false });
    const doc = await PDFDocument.load(out);
    expect(doc.getPageCount()).toBe(1);
    const uris = links(doc, 0).map(uri);
    for (const t of topics) expect(uris).toContain(`https://example.test/map/topics/${t.slug}/`);
    expect(links(doc, 0).every((a) => !a.lookup(PDFName.of('Dest')))).toBe(true);
    check(out, 'no-topics.pdf');
  });

  it('adds progress marks and a checklist page linked to the topic pages', async () => {
    const { base, topics } = await setup();
    const out = await customisePdf({
      ...base,
      includeTopics: true,
      faded: new Set(['gamma']),
      progress: { alpha: 'done', beta: 'learning', hub: 'skipped', 'gone-topic': 'done' },
      now: new Date('2026-02-03T00:00:00Z')
    });
    const doc = await PDFDocument.load(out);
    expect(doc.getPageCount()).toBe(2 + topics.length);
    const text = check(out, 'progress.pdf');
    expect(text).toContain('Your progress');
    expect(text).toMatch(/1 of 4 done - 1 learning - 1 skipped - 2026-02-03/);
    const internal = links(doc, 1).filter((a) => a.lookup(PDFName.of('Dest')));
    expect(internal.length).toBe(topics.length + 1);
  });

  it('lists the topics under Done, Learning, Skipped and Not started, each a link to its page', async () => {
    const { base } = await setup();
    const progress = { alpha: 'done', beta: 'learning', hub: 'skipped' } as const;
    const out = await customisePdf({
      ...base,
      includeTopics: true,
      progress,
      now: new Date('2026-02-03T00:00:00Z')
    });
    const doc = await PDFDocument.load(out);
    const page = doc.getPage(1);
    const { texts, shapes, height } = readPage(doc, page);
    // Down the first column, then the second (the page number in the footer aside).
    const byColumn = texts
      .filter((t) => !/^\d+ \/ \d+$/.test(t.text))
      .sort((a, b) => Math.round(a.x / 200) - Math.round(b.x / 200) || b.y - a.y);
    expect(byColumn.map((t) => t.text)).toEqual([
      'Your progress',
      '1 of 4 done - 1 learning - 1 skipped - 2026-02-03',
      'Done',
      'Alpha topic',
      'Learning',
      'Beta topic',
      'Back to the map',
      'Skipped',
      'Hub topic',
      'Not started',
      'Gamma topic'
    ]);
    const run = (text: string) => texts.find((t) => t.text === text)!;
    expect(run('Your progress')).toMatchObject({ bold: true, size: 20 });
    expect(run('Your progress').y).toBeGreaterThan(height - 60);
    expect(run('Back to the map').y).toBeLessThan(40);
    // The group headings are bold and a point larger than the topics under them.
    const [heading, topic] = [run('Done'), run('Alpha topic')];
    expect(heading.bold && !topic.bold).toBe(true);
    expect(heading.size).toBeCloseTo(topic.size + 1, 5);
    // Two columns: the second starts level with the first.
    const xs = [
      ...new Set(
        texts
          .filter((t) => t.y < run('Your progress').y - 30 && t.y > 40)
          .map((t) => Math.round(t.x))
      )
    ];
    expect(xs.length).toBeGreaterThanOrEqual(2);
    // Each topic jumps to its own page; the foot of the page back to the map.
    const links = readLinks(doc, page);
    // A topic's page is the one that carries its title as its largest text.
    const headline = (p: number) =>
      readPage(doc, doc.getPage(p)).texts.reduce((a, b) => (b.size > a.size ? b : a)).text;
    const pageOf = (title: string) =>
      doc.getPages().findIndex((_, p) => p > 1 && headline(p) === title);
    for (const title of ['Alpha topic', 'Beta topic', 'Hub topic', 'Gamma topic']) {
      const over = linksOver(links, run(title));
      expect(
        over.map((l) => l.page),
        title
      ).toEqual([pageOf(title)]);
      expect(pageOf(title), title).toBeGreaterThan(1);
    }
    const back = links.find((l) => l.rect[1] < 40)!;
    expect(back.page).toBe(0);
    // A done topic's box is filled and ticked; the others are empty boxes.
    const boxFor = (t: TextRun) =>
      shapes.find(
        (sh) => sh.box.x2 <= t.x && sh.box.x2 > t.x - 12 && sh.box.y1 < t.y + 2 && sh.box.y2 > t.y
      );
    const done = boxFor(run('Alpha topic'))!;
    const learning = boxFor(run('Beta topic'))!;
    expect(done.fill && learning.fill).toBeTruthy();
    expect(sameColour(done.fill, { red: 1, green: 1, blue: 1 })).toBe(false);
    expect(sameColour(learning.fill, { red: 1, green: 1, blue: 1 })).toBe(true);
    const ticks = shapes.filter((sh) => sh.stroke && !sh.fill && sh.points.length === 3);
    expect(ticks).toHaveLength(1);
    const within = (a: typeof done.box, b: typeof done.box) =>
      a.x1 >= b.x1 - 0.01 && a.x2 <= b.x2 + 0.01 && a.y1 >= b.y1 - 0.01 && a.y2 <= b.y2 + 0.01;
    expect(within(ticks[0].box, done.box)).toBe(true);
  });

  it('links the list to the website when the topic pages are left out', async () => {
    const { base } = await setup();
    const out = await customisePdf({
      ...base,
      includeTopics: false,
      progress: { beta: 'learning' }
    });
    const doc = await PDFDocument.load(out);
    const page = doc.getPage(1);
    const { texts } = readPage(doc, page);
    const beta = texts.find((t) => t.text === 'Beta topic')!;
    const over = linksOver(readLinks(doc, page), beta);
    expect(over.map((l) => l.uri)).toEqual(['https://example.test/map/topics/beta/']);
  });

  it.each([
    ['the prebuilt PDF', null],
    ['with the progress page', { includeTopics: true, progress: { alpha: 'done' as const } }],
    [
      'with progress and no topic pages',
      { includeTopics: false, progress: { beta: 'learning' as const } }
    ],
    ['with no topic pages', { includeTopics: false }],
    ['renumbered after inserting a page (numbers are replaced, not added)', { insert: true }]
  ])('footer page numbers are the real page index: %s', async (name, opts) => {
    const { base } = await setup();
    let bytes = base.bytes;
    if (opts && 'insert' in opts) {
      const doc = await PDFDocument.load(bytes);
      doc.insertPage(2);
      await stampPageNumbers(doc);
      bytes = await doc.save();
    } else if (opts) bytes = await customisePdf({ ...base, ...opts });
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(footers(bytes, `${name.replace(/\W/g, '')}.pdf`)).toEqual(expected(pages));
  });

  it('keeps tour pages after the topic pages, or leaves them out, and the outline follows', async () => {
    const { site, base, topics } = await setup();
    // Three steps print on two pages, two to a page; one step on one.
    const step = (title: string, slug: string) => ({
      title,
      line: 1,
      topics: [slug],
      arrows: [],
      text: [`${title} explains ${slug} in a sentence or two.`]
    });
    const tours = [
      {
        slug: 'first',
        file: 'tours/first.md',
        title: 'First tour',
        promise: 'P.',
        order: 1,
        steps: [step('Start here', 'alpha'), step('Then this', 'beta'), step('Last', 'gamma')]
      },
      {
        slug: 'second',
        file: 'tours/second.md',
        title: 'Second tour',
        promise: 'P.',
        order: 2,
        steps: [step('Only step', 'hub')]
      }
    ];
    const bytes = await sitePdf({ ...site, tours }, { pageSize: 'Letter' });
    const options = {
      ...base,
      bytes,
      tours: tours.map((t) => ({ title: t.title, steps: t.steps.length }))
    };
    const kept = await customisePdf({
      ...options,
      includeTopics: true,
      progress: { alpha: 'done' }
    });
    const doc = await PDFDocument.load(kept);
    // The map, the progress page, the topics, then 2 + 1 tour pages.
    expect(doc.getPageCount()).toBe(2 + topics.length + 3);
    const text = check(kept, 'tours-kept.pdf');
    expect(text.indexOf('Start here')).toBeGreaterThan(text.indexOf(topics.at(-1)!.title));
    expect(footers(kept, 'tours-kept-footers.pdf')).toEqual(expected(2 + topics.length + 3));
    // The outline's top level ends with the tours, one entry per tour under it, each
    // opening its own first page.
    const outline = doc.catalog.lookup(PDFName.of('Outlines')) as PDFDict;
    const item = outline.lookup(PDFName.of('Last')) as PDFDict;
    const title = (d: PDFDict) => (d.lookup(PDFName.of('Title')) as PDFString).decodeText();
    expect(title(item)).toBe('Guided tours');
    const children: PDFDict[] = [];
    for (
      let c = item.lookup(PDFName.of('First')) as PDFDict | undefined;
      c;
      c = c.lookup(PDFName.of('Next')) as PDFDict | undefined
    )
      children.push(c);
    expect(children.map(title)).toEqual(['First tour', 'Second tour']);
    const pageOf = (d: PDFDict) =>
      doc.getPages().findIndex((p) => p.ref === (d.lookup(PDFName.of('Dest')) as PDFArray).get(0));
    expect(children.map(pageOf)).toEqual([2 + topics.length, 2 + topics.length + 2]);
    // Left out on request: the topic pages stay, the tours and their outline entry go.
    const dropped = await PDFDocument.load(
      await customisePdf({ ...options, includeTopics: true, includeTours: false })
    );
    expect(dropped.getPageCount()).toBe(1 + topics.length);
    const last = (dropped.catalog.lookup(PDFName.of('Outlines')) as PDFDict).lookup(
      PDFName.of('Last')
    ) as PDFDict;
    expect(title(last)).not.toBe('Guided tours');
    // Without topic pages the tours go too: their links lead to topic pages.
    const bare = await PDFDocument.load(
      await customisePdf({ ...options, includeTopics: false, includeTours: true })
    );
    expect(bare.getPageCount()).toBe(1);
  });

  it('refuses a PDF that does not match the content, with a clear message', async () => {
    const { base } = await setup();
    const other = await PDFDocument.create();
    other.addPage();
    await expect(
      customisePdf({ ...base, bytes: await other.save(), includeTopics: true })
    ).rejects.toThrow(/has 1 pages; expected 5/);
  });

  it('replaces characters the standard font cannot show', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    expect(winAnsiSafe('Café → 漢 ok', font)).toBe('Café ? ? ok');
  });
});
