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
