import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { customisePdf } from '../../src/lib/pdf/customisePdf.ts';
import { siteUrl, sitePdf } from '../../src/build/writeSitePdf.ts';
import { siteFor } from './siteFixture.ts';

// The address printed on the map page: SITE_URL when the build has one, never a made-up
// one; without it the browser export writes the site's own origin in the slot left for it.
const tmp = mkdtempSync(join(tmpdir(), 'dm-address-'));
const saved = process.env.SITE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved;
});

function page1Text(bytes: Uint8Array, name: string) {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
}
const uris = (doc: PDFDocument) => {
  const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'));
  const list =
    annots instanceof PDFArray ? annots.asArray().map((r) => doc.context.lookup(r) as PDFDict) : [];
  return list
    .map((a) =>
      (
        (a.lookup(PDFName.of('A')) as PDFDict | undefined)?.lookup(PDFName.of('URI')) as
          PDFString | undefined
      )?.decodeText()
    )
    .filter(Boolean);
};

describe('the address on the PDF', () => {
  it('reads SITE_URL with a trailing slash, refuses a non-URL, and is undefined when unset', () => {
    delete process.env.SITE_URL;
    expect(siteUrl()).toBeUndefined();
    process.env.SITE_URL = 'https://map.example.test/sub';
    expect(siteUrl()).toBe('https://map.example.test/sub/');
    process.env.SITE_URL = 'map.example.test';
    expect(() => siteUrl()).toThrow(/SITE_URL: "map.example.test" is not an absolute URL/);
    process.env.SITE_URL = 'ftp://x.test/';
    expect(() => siteUrl()).toThrow(/must start with https:\/\//);
  });

  it('without SITE_URL prints no address; the browser export writes its own origin there', async () => {
    delete process.env.SITE_URL;
    const site = await siteFor('tests/fixtures/mini-content', true);
    const bytes = await sitePdf(site, { pageSize: 'A4' });
    const text = page1Text(bytes, 'bare.pdf');
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toContain('example.org');
    const doc = await PDFDocument.load(bytes);
    expect(uris(doc)).toEqual([]);

    const topics = site.content.topics.map((t) => ({
      slug: t.slug,
      title: t.title,
      group: t.group
    }));
    const origin = 'http://127.0.0.1:5399/map/';
    const out = await customisePdf({
      bytes,
      layout: site.layout,
      pageSize: 'A4',
      topics,
      groups: site.graph.groups,
      includeTopics: true,
      siteUrl: origin
    });
    expect(page1Text(out, 'tailored.pdf')).toContain(origin);
    const tailored = await PDFDocument.load(out);
    expect(uris(tailored)).toEqual([origin]);
    expect((await PDFDocument.load(bytes)).getPage(0).node.has(PDFName.of('AddressSlot'))).toBe(
      true
    );
    expect(tailored.getPage(0).node.has(PDFName.of('AddressSlot'))).toBe(false);
  });

  it('with SITE_URL prints and links that address, and the browser adds no second one', async () => {
    process.env.SITE_URL = 'https://map.example.test/';
    const site = await siteFor('tests/fixtures/mini-content', true);
    const bytes = await sitePdf(site, { pageSize: 'A4' });
    expect(page1Text(bytes, 'site.pdf')).toContain('https://map.example.test/');
    const topics = site.content.topics.map((t) => ({
      slug: t.slug,
      title: t.title,
      group: t.group
    }));
    const out = await customisePdf({
      bytes,
      layout: site.layout,
      pageSize: 'A4',
      topics,
      groups: site.graph.groups,
      includeTopics: true,
      siteUrl: 'http://other.test/'
    });
    const text = page1Text(out, 'site-tailored.pdf');
    expect(text).toContain('https://map.example.test/');
    expect(text).not.toContain('other.test');
  });
});
