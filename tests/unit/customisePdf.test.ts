import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { customisePdf, winAnsiSafe } from '../../src/lib/pdf/customisePdf.ts';
import { stampPageNumbers } from '../../src/lib/pdf/pageNumbers.ts';
import { sitePdf } from '../../src/build/writeSitePdf.ts';
import { siteFor } from './siteFixture.ts';

const tmp = mkdtempSync(join(tmpdir(), 'dm-custom-'));
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

function check(bytes: Uint8Array, name: string) {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
    /No syntax or stream encoding errors/
  );
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
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

  /** The footer number of every page, read back from the PDF one page at a time. */
  function footers(bytes: Uint8Array, name: string): (string | null)[] {
    const file = join(tmp, name);
    writeFileSync(file, bytes);
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]
    );
    return Array.from({ length: pages }, (_, i) => {
      const text = execFileSync(
        'pdftotext',
        ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'],
        { encoding: 'utf8' }
      );
      // The footer is the page's last line: a "6379/1" in a code block above is not one.
      // pdftotext may drop the narrow spaces around the slash.
      const last =
        text
          .split('\n')
          .filter((l) => l.trim())
          .at(-1) ?? '';
      return (
        [...last.matchAll(/\b(\d+) ?\/ ?(\d+)\b/g)].map((m) => `${m[1]} / ${m[2]}`).join(' | ') ||
        null
      );
    });
  }
  const expected = (n: number) => [
    null,
    ...Array.from({ length: n - 1 }, (_, i) => `${i + 2} / ${n}`)
  ];

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

  it('footer page numbers of the real content with the progress page: page 24 reads 24 / 52', async () => {
    const site = await siteFor('content', false);
    const topics = site.content.topics.map((t) => ({
      slug: t.slug,
      title: t.title,
      group: t.group
    }));
    const bytes = await customisePdf({
      bytes: await sitePdf(site),
      layout: site.layout,
      pageSize: 'A4',
      topics,
      groups: site.graph.groups,
      siteUrl: 'https://example.test/',
      includeTopics: true,
      tours: site.tours.map((t) => ({ title: t.title, steps: t.steps.length })),
      includeTours: false,
      progress: { nginx: 'done', caddy: 'learning' }
    });
    const got = footers(bytes, 'real-progress.pdf');
    expect(got).toHaveLength(topics.length + 2);
    expect(got[23]).toBe(`24 / ${topics.length + 2}`);
    expect(got).toEqual(expected(topics.length + 2));
  }, 60_000);

  it('keeps the tour pages after the topic pages, or leaves them out, and the outline follows', async () => {
    const site = await siteFor('content', false);
    const topics = site.content.topics.map((t) => ({
      slug: t.slug,
      title: t.title,
      group: t.group
    }));
    const tours = site.tours.map((t) => ({ title: t.title, steps: t.steps.length }));
    const tourPages = tours.reduce((n, t) => n + Math.ceil(t.steps / 2), 0);
    const options = {
      bytes: await sitePdf(site),
      layout: site.layout,
      pageSize: 'A4' as const,
      topics,
      groups: site.graph.groups,
      siteUrl: 'https://example.test/',
      tours
    };
    const kept = await customisePdf({
      ...options,
      includeTopics: true,
      includeTours: true,
      progress: { nginx: 'done' }
    });
    const doc = await PDFDocument.load(kept);
    expect(doc.getPageCount()).toBe(2 + topics.length + tourPages);
    const text = check(kept, 'tours-kept.pdf');
    expect(text).toContain(site.tours[0].steps[0].title);
    expect(footers(kept, 'tours-kept-footers.pdf')).toEqual(
      expected(2 + topics.length + tourPages)
    );
    // The outline's top level ends with the tours, one entry per tour under it.
    const item = (doc.catalog.lookup(PDFName.of('Outlines')) as PDFDict).lookup(
      PDFName.of('Last')
    ) as PDFDict;
    const title = (d: PDFDict) => (d.lookup(PDFName.of('Title')) as PDFString).decodeText();
    expect(title(item)).toBe('Guided tours');
    const children: string[] = [];
    for (
      let c = item.lookup(PDFName.of('First')) as PDFDict | undefined;
      c;
      c = c.lookup(PDFName.of('Next')) as PDFDict | undefined
    )
      children.push(title(c));
    expect(children).toEqual(site.tours.map((t) => t.title));
    const dropped = await PDFDocument.load(
      await customisePdf({ ...options, includeTopics: true, includeTours: false })
    );
    expect(dropped.getPageCount()).toBe(1 + topics.length);
    // Without topic pages the tours go too: their links lead to topic pages.
    const bare = await PDFDocument.load(
      await customisePdf({ ...options, includeTopics: false, includeTours: true })
    );
    expect(bare.getPageCount()).toBe(1);
  }, 90_000);

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
