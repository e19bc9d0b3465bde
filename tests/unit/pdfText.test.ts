import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingGlyphWarnings, type GlyphMiss } from '../../src/build/buildSitePdfFile.ts';
import { sitePdf } from '../../src/build/writeSitePdf.ts';
import { siteFor } from './siteFixture.ts';

// A topic whose prose has what used to break the PDF's text: right-to-left runs, a long
// CJK run, a long address, zero-width characters and characters the font lacks.
const tmp = mkdtempSync(join(tmpdir(), 'dm-pdftext-'));
const content = join(tmp, 'content');
cpSync('tests/fixtures/mini-content', content, { recursive: true });
const cjk = '漢字仮名'.repeat(40);
const token = `https://example.org/${'a'.repeat(260)}`;
appendFileSync(
  join(content, 'alpha.md'),
  [
    '',
    'Hebrew: שלום עולם and Arabic: مرحبا بالعالم end.',
    '',
    'Zero\u200bwidth, joined\u2060word and soft\u00adhyphen here.',
    '',
    cjk,
    '',
    token,
    ''
  ].join('\n')
);
const source = readFileSync(join(content, 'alpha.md'), 'utf8').split('\n');
const lineOf = (needle: string) => source.findIndex((l) => l.includes(needle)) + 1;

async function build() {
  const site = await siteFor(content, true);
  const misses: GlyphMiss[] = [];
  const bytes = await sitePdf(site, { onMissingGlyph: (m) => misses.push(m) });
  const file = join(tmp, 'alpha.pdf');
  writeFileSync(file, bytes);
  const page = site.content.topics.findIndex((t) => t.slug === 'alpha') + 2;
  return { site, misses, file, page };
}

describe('PDF text of hostile prose', () => {
  it('draws right-to-left runs in visual order, so a PDF reader recovers the words', async () => {
    const { file, page } = await build();
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], {
      encoding: 'utf8'
    });
    // pdftotext turns visual order back into logical order: drawn reversed, it would read "םלוע םולש".
    expect(text).toContain('שלום עולם');
    expect(text.normalize('NFKC')).toContain('مرحبا بالعالم');
    expect(text).toMatch(/Hebrew: \S* ?שלום עולם\S* ?and Arabic:/);
  });

  it('keeps every word of the page inside the page, long CJK runs and tokens included', async () => {
    const { file, page } = await build();
    const html = execFileSync(
      'pdftotext',
      ['-bbox', '-f', String(page), '-l', String(page), file, '-'],
      { encoding: 'utf8' }
    );
    const width = Number(/<page width="([\d.]+)"/.exec(html)![1]);
    const words = [
      ...html.matchAll(
        /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g
      )
    ];
    expect(words.length).toBeGreaterThan(50);
    for (const [, xMin, xMax, word] of words) {
      expect(Number(xMin), word).toBeGreaterThanOrEqual(0);
      expect(Number(xMax), word).toBeLessThanOrEqual(width - 30);
    }
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], {
      encoding: 'utf8'
    });
    // The address is all there, over several lines.
    expect(text.replace(/\s+/g, '')).toContain(token);
  });

  it('drops zero-width characters, so words are whole', async () => {
    const { file, page } = await build();
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], {
      encoding: 'utf8'
    });
    expect(text).toContain('Zerowidth, joinedword and softhyphen here.');
    expect(text).not.toMatch(/[\u200b\u2060\u00ad]/);
  });

  it('shows what the font lacks as a visible placeholder and warns with file and line', async () => {
    const { site, misses, file, page } = await build();
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], {
      encoding: 'utf8'
    });
    expect(text).toContain('\ufffd'.repeat(8));
    expect(new Set(misses.map((m) => `${m.slug}:${m.char}`))).toEqual(
      new Set(['alpha:漢', 'alpha:字', 'alpha:仮', 'alpha:名'])
    );
    const warnings = missingGlyphWarnings(content, site.content.topics, misses);
    expect(warnings).toEqual(
      ['漢', '字', '仮', '名'].map((c) =>
        expect.stringMatching(
          new RegExp(
            `alpha\\.md:${lineOf(cjk)}: pdf: "${c}" \\(U\\+[0-9A-F]{4}\\) is not in the PDF font`
          )
        )
      )
    );
    expect(warnings).toHaveLength(4);
  });
});
