import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFString } from 'pdf-lib';
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
/** The map page's links to web addresses, each with its clickable rectangle [x1, y1, x2, y2]. */
const uriLinks = (doc: PDFDocument) => {
  const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'));
  const list =
    annots instanceof PDFArray ? annots.asArray().map((r) => doc.context.lookup(r) as PDFDict) : [];
  return list.flatMap((a) => {
    const uri = (
      (a.lookup(PDFName.of('A')) as PDFDict | undefined)?.lookup(PDFName.of('URI')) as
        PDFString | undefined
    )?.decodeText();
    const rect = (a.lookup(PDFName.of('Rect')) as PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber());
    return uri ? [{ uri, rect }] : [];
  });
};
const uris = (doc: PDFDocument) => uriLinks(doc).map((l) => l.uri);

/**
 * Where page 1 prints `word`, as poppler reads it, in PDF points (y up from the bottom),
 * and the addresses of the links whose rectangle covers it (to within 1.5 points: poppler's
 * metrics for Helvetica are a point wider than pdf-lib's over a long address).
 */
async function linksOver(bytes: Uint8Array, name: string, word: string) {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], {
    encoding: 'utf8'
  });
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)![1]);
  const boxes = [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
    )
  ]
    .filter((m) => m[5] === word)
    .map((m) => [Number(m[1]), height - Number(m[4]), Number(m[3]), height - Number(m[2])]);
  expect(boxes, `"${word}" printed once on page 1`).toHaveLength(1);
  const [x1, y1, x2, y2] = boxes[0];
  const slack = 1.5;
  return uriLinks(await PDFDocument.load(bytes))
    .filter(
      ({ rect: [rx1, ry1, rx2, ry2] }) =>
        rx1 <= x1 + slack && ry1 <= y1 + slack && rx2 >= x2 - slack && ry2 >= y2 - slack
    )
    .map((l) => l.uri);
}

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
  it('links the printed address where it is printed, in the built PDF and the map-only one', async () => {
    process.env.SITE_URL = 'https://map.example.test/a/longer/path/than/the/date/line/';
    const site = await siteFor('tests/fixtures/mini-content', true);
    const bytes = await sitePdf(site, { pageSize: 'A4' });
    const printed = process.env.SITE_URL;
    expect(await linksOver(bytes, 'linked.pdf', printed)).toEqual([printed]);
    // Leaving the topic pages out relinks the map; the address keeps its own link, to what
    // is printed (not to the browser's origin, which is not on the page).
    const mapOnly = await customisePdf({
      bytes,
      layout: site.layout,
      pageSize: 'A4',
      topics: site.content.topics,
      groups: site.graph.groups,
      includeTopics: false,
      siteUrl: 'http://other.test/'
    });
    expect(await linksOver(mapOnly, 'linked-map-only.pdf', printed)).toEqual([printed]);
  });

  it('links the address the browser writes into the slot, with or without topic pages', async () => {
    delete process.env.SITE_URL;
    const site = await siteFor('tests/fixtures/mini-content', true);
    const bytes = await sitePdf(site, { pageSize: 'A4' });
    const origin = 'https://deployment-map.example.test/a/longer/sub/path/';
    for (const includeTopics of [true, false]) {
      const out = await customisePdf({
        bytes,
        layout: site.layout,
        pageSize: 'A4',
        topics: site.content.topics,
        groups: site.graph.groups,
        includeTopics,
        siteUrl: origin
      });
      expect(
        await linksOver(out, `slot-${includeTopics}.pdf`, origin),
        `topics ${includeTopics}`
      ).toEqual([origin]);
    }
  });
});
