// customisePdf over the real content's prebuilt PDF (52 pages and the tours): slow, so
// kept apart from customisePdf.test.ts, which mutation testing runs on the small fixture.
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { customisePdf } from '../../src/lib/pdf/customisePdf.ts';
import { sitePdf } from '../../src/build/writeSitePdf.ts';
import {
  expectedFooters as expected,
  pdfFooters as footers,
  pdfText as check
} from '../support/pdfTools.ts';
import { siteFor } from './siteFixture.ts';

describe('customisePdf on the real content', () => {
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
});
