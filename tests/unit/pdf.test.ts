import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sitePdf } from '../../src/build/writeSitePdf.ts';
import { siteFor } from './siteFixture.ts';

const tmp = mkdtempSync(join(tmpdir(), 'dm-pdf-'));

function annotationsOf(doc: PDFDocument, pageIndex: number) {
  const page = doc.getPage(pageIndex);
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (!(annots instanceof PDFArray)) return [];
  return annots.asArray().map((ref) => doc.context.lookup(ref) as PDFDict);
}
const destPage = (doc: PDFDocument, annot: PDFDict) => {
  const dest = annot.lookup(PDFName.of('Dest'));
  if (!(dest instanceof PDFArray)) return -1;
  const ref = dest.get(0) as PDFRef;
  return doc.getPages().findIndex((p) => p.ref === ref);
};
const uriOf = (annot: PDFDict) => {
  const action = annot.lookup(PDFName.of('A'));
  const uri = action instanceof PDFDict ? action.lookup(PDFName.of('URI')) : undefined;
  return uri instanceof PDFString ? uri.decodeText() : undefined;
};

function outlineTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  const walk = (item: PDFDict | undefined) => {
    while (item) {
      const t = item.lookup(PDFName.of('Title'));
      if (t instanceof PDFHexString || t instanceof PDFString) titles.push(t.decodeText());
      walk(item.lookup(PDFName.of('First')) as PDFDict | undefined);
      item = item.lookup(PDFName.of('Next')) as PDFDict | undefined;
    }
  };
  const root = doc.catalog.lookup(PDFName.of('Outlines')) as PDFDict | undefined;
  walk(root?.lookup(PDFName.of('First')) as PDFDict | undefined);
  return titles;
}

describe.each([
  ['the mini fixture', 'tests/fixtures/mini-content', true],
  ['the real content', 'content', false]
])('PDF of %s', (name, dir, relaxed) => {
  it('has the map and one page per topic, every node linked to its page', async () => {
    const site = await siteFor(dir, relaxed);
    const bytes = await sitePdf(site, { date: new Date('2026-01-02T00:00:00Z') });
    const doc = await PDFDocument.load(bytes);
    const topics = site.content.topics;
    const tourPages = site.tours.reduce((n, t) => n + Math.ceil(t.steps.length / 2), 0);
    expect(doc.getPageCount()).toBe(1 + topics.length + tourPages);
    expect(doc.getTitle()).toContain('Deployment Map');
    expect(doc.getKeywords()).toContain('Python');

    const mapLinks = annotationsOf(doc, 0).filter((a) => a.lookup(PDFName.of('Dest')));
    expect(mapLinks).toHaveLength(topics.length);
    const targets = mapLinks.map((a) => destPage(doc, a));
    topics.forEach((t, i) => expect(targets).toContain(i + 1));
    expect(new Set(targets).size).toBe(topics.length);

    const external = topics.flatMap((_, i) => annotationsOf(doc, i + 1).map(uriOf)).filter(Boolean);
    const expectedUrls = topics.flatMap((t) => [...t.examples, ...t.resources].map((l) => l.url));
    for (const url of expectedUrls) expect(external).toContain(encodeURI(decodeURI(url)));

    const back = annotationsOf(doc, 1).filter((a) => destPage(doc, a) === 0);
    expect(back.length).toBeGreaterThan(0);

    const outline = outlineTitles(doc);
    for (const t of topics) expect(outline).toContain(t.title);

    const file = join(tmp, `${name.replace(/\W/g, '')}.pdf`);
    writeFileSync(file, bytes);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
      /No syntax or stream encoding errors/
    );
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const t of topics) expect(text.replace(/\s+/g, ' ')).toContain(t.title);
  });

  it('can leave out the topic pages and link nodes to the web pages instead', async () => {
    const site = await siteFor(dir, relaxed);
    const doc = await PDFDocument.load(
      await sitePdf(site, { includeTopics: false, siteUrl: 'https://map.example.test/' })
    );
    expect(doc.getPageCount()).toBe(1);
    const uris = annotationsOf(doc, 0).map(uriOf);
    for (const t of site.content.topics)
      expect(uris.some((u) => u === `https://map.example.test/topics/${t.slug}/`)).toBe(true);
  });
});

describe('guided tours in the PDF', () => {
  it('adds every step after the topic pages, its text in the PDF and its topic links on the right pages', async () => {
    const site = await siteFor('content', false);
    const doc = await PDFDocument.load(
      await sitePdf(site, { date: new Date('2026-01-02T00:00:00Z') })
    );
    const topics = site.content.topics;
    const pageOf = new Map(topics.map((t, i) => [t.slug, i + 1]));
    const file = join(tmp, 'tours.pdf');
    writeFileSync(file, await doc.save());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    let at = 1 + topics.length;
    for (const tour of site.tours) {
      expect(text).toContain(tour.title);
      for (const [i, step] of tour.steps.entries()) {
        expect(text).toContain(`Step ${i + 1} of ${tour.steps.length}: ${step.title}`);
        // The first words of the step's text, as drawn (pdftotext joins the lines).
        expect(text).toContain(step.text[0].split(' ').slice(0, 6).join(' '));
        if (step.breaks) expect(text).toContain(step.breaks.check);
      }
      for (let p = 0; p < Math.ceil(tour.steps.length / 2); p++, at++) {
        const wanted = new Set(
          tour.steps
            .slice(p * 2, p * 2 + 2)
            .flatMap((s) => s.topics)
            .map((s) => pageOf.get(s))
        );
        const targets = new Set(
          annotationsOf(doc, at)
            .map((a) => destPage(doc, a))
            .filter((n) => n > 0)
        );
        expect(targets).toEqual(wanted);
        // And one link back to the map.
        expect(annotationsOf(doc, at).some((a) => destPage(doc, a) === 0)).toBe(true);
      }
    }
    expect(at).toBe(doc.getPageCount());
    const outline = outlineTitles(doc);
    expect(outline).toContain('Guided tours');
    for (const tour of site.tours) expect(outline).toContain(tour.title);
  }, 60_000);
});

describe('code blocks in the PDF', () => {
  it("sets every line of a page's code block in DejaVu Sans Mono, indentation and braces kept, inside the page", async () => {
    const site = await siteFor('content', false);
    const nginx = site.content.topics.find((t) => t.slug === 'nginx')!;
    const code = nginx.blocks.find((b) => b.kind === 'code');
    expect(code?.kind === 'code' && code.title).toBe('/etc/nginx/sites-available/app');
    const bytes = await sitePdf(
      { ...site, content: { ...site.content, topics: [nginx] } },
      { date: new Date('2026-01-02T00:00:00Z') }
    );
    const file = join(tmp, 'code.pdf');
    writeFileSync(file, bytes);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/DejaVuSansMono/);
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], {
      encoding: 'utf8'
    });
    for (const line of (code as { text: string }).text.split('\n').filter((l) => l.trim()))
      expect(text).toContain(line.trim());
    // Nothing drawn past the right margin: pdftotext's bounding boxes of the page's words.
    const bbox = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-bbox', file, '-'], {
      encoding: 'utf8'
    });
    const width = Number(/<page width="([\d.]+)"/.exec(bbox)![1]);
    const rights = [...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...rights)).toBeLessThan(width);
  });
});

describe('inline code in the PDF', () => {
  it('sets inline code in prose in DejaVu Sans Mono, and prose without it only in DejaVu Sans', async () => {
    const site = await siteFor('tests/fixtures/mini-content', true);
    const pdfWith = async (code: boolean) => {
      const topics = site.content.topics.map((t) => ({
        ...t,
        examples: [],
        resources: [],
        blocks: [
          {
            kind: 'paragraph' as const,
            runs: [{ text: 'Run ' }, { text: 'gunicorn --check-config', code }, { text: ' first.' }]
          }
        ]
      }));
      const file = join(tmp, `inline-${code}.pdf`);
      writeFileSync(
        file,
        await sitePdf(
          { ...site, tours: [], content: { ...site.content, topics } },
          { date: new Date('2026-01-02T00:00:00Z') }
        )
      );
      expect(
        execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' })
      ).toContain('gunicorn --check-config');
      return execFileSync('pdffonts', [file], { encoding: 'utf8' });
    };
    expect(await pdfWith(true)).toMatch(/DejaVuSansMono/);
    expect(await pdfWith(false)).not.toMatch(/DejaVuSansMono/);
  });
});

describe('where a topic sits, in the PDF', () => {
  it('draws the generated section on the topic page, its boxes and arrows linked to their pages', async () => {
    const site = await siteFor('content', false);
    const doc = await PDFDocument.load(
      await sitePdf(site, { date: new Date('2026-01-02T00:00:00Z') })
    );
    const topics = site.content.topics;
    // Page indexes from 0: the map is page 0, topic i is page i + 1 (pdftotext counts from 1).
    const page = topics.findIndex((t) => t.slug === 'nginx') + 1;
    const file = join(tmp, 'place.pdf');
    writeFileSync(file, await doc.save());
    const text = execFileSync(
      'pdftotext',
      ['-f', String(page + 1), '-l', String(page + 1), file, '-'],
      { encoding: 'utf8' }
    ).replace(/\s+/g, ' ');
    expect(text).toContain('Where it sits on the map');
    expect(text).toContain('Inside Web servers, within Operating systems');
    expect(text).toContain('Arrows of its box, Web servers:');
    expect(text).toMatch(/From Web servers: .*handle certain requests → WSGI servers/);
    expect(text).toMatch(/To Web servers: .*Web browsers access web app/);
    const targets = new Set(annotationsOf(doc, page).map((a) => destPage(doc, a)));
    for (const slug of ['web-servers', 'operating-systems', 'wsgi-servers'])
      expect(targets).toContain(topics.findIndex((t) => t.slug === slug) + 1);
  }, 60_000);
});

describe('PDF robustness', () => {
  const alphabet = [
    'a',
    'Z',
    ' ',
    '→',
    'é',
    '漢',
    '字',
    '😀',
    '\u0000',
    '\u0007',
    '\ud800',
    '\udfff',
    '\u200b',
    '\n',
    '\t',
    'ß',
    '<',
    '{',
    '€',
    '\u202e'
  ];
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const junk = (n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

  it('never throws on random Unicode in titles, labels and prose', async () => {
    const site = await siteFor('tests/fixtures/mini-content', true);
    for (let round = 0; round < 12; round++) {
      const topics = site.content.topics.map((t) => ({
        ...t,
        title: junk(12),
        summary: junk(40),
        blocks: [
          { kind: 'heading' as const, depth: 2, runs: [{ text: junk(10) }] },
          {
            kind: 'paragraph' as const,
            runs: [{ text: junk(200) }, { text: junk(8), href: '/topics/alpha/' }]
          },
          { kind: 'list' as const, ordered: round % 2 === 0, items: [[{ text: junk(20) }]] }
        ]
      }));
      const layout = {
        ...site.layout,
        nodes: site.layout.nodes.map((n) => ({ ...n, title: junk(10), lines: [junk(8), junk(6)] })),
        flows: site.layout.flows.map((e) => ({ ...e, label: junk(9) }))
      };
      const bytes = await sitePdf({ ...site, layout, content: { ...site.content, topics } });
      expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1 + topics.length);
    }
  });
});
