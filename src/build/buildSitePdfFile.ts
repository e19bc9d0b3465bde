import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sharedSiteData } from '../lib/site/siteData.ts';
import { PAGE_SIZE_NAMES, pdfFileName } from '../lib/pdf/pageSizes.ts';
import { sitePdf } from './writeSitePdf.ts';

/** A character of a topic's text that the PDF font has no glyph for. */
export interface GlyphMiss {
  slug: string;
  char: string;
}

/**
 * One warning per character and topic file, `file:line: pdf: message`, for characters
 * the PDF font lacks (drawn as a placeholder). The line is the first in the source file
 * that has the character (line 1 if none has it as written, e.g. an HTML entity).
 */
export function missingGlyphWarnings(
  contentDir: string,
  topics: { slug: string; file: string }[],
  misses: GlyphMiss[]
): string[] {
  const files = new Map(topics.map((t) => [t.slug, t.file]));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { slug, char } of misses) {
    const file = files.get(slug);
    if (!file || seen.has(`${file}\u0000${char}`)) continue;
    seen.add(`${file}\u0000${char}`);
    const path = join(contentDir, file);
    let line = 1;
    try {
      const at = readFileSync(path, 'utf8')
        .split(/\r?\n/)
        .findIndex((l) => l.includes(char));
      if (at >= 0) line = at + 1;
    } catch {
      // The file went away since it was loaded: the line stays 1.
    }
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    out.push(
      `${relative(process.cwd(), path) || path}:${line}: pdf: "${char}" (${code}) is not in the PDF font (DejaVu Sans); the PDF shows "\ufffd" in its place`
    );
  }
  return out;
}

/**
 * Writes the complete PDF for a content folder into `outDir`, once per page size
 * (`deployment-map.pdf` is A4); returns the size in bytes of each file by name. Prints
 * a warning with file and line for every character the font cannot draw.
 */
export async function buildSitePdfFiles(
  contentDir: string,
  outDir: string
): Promise<Record<string, number>> {
  const site = await sharedSiteData(contentDir);
  const sizes: Record<string, number> = {};
  const misses: GlyphMiss[] = [];
  for (const pageSize of PAGE_SIZE_NAMES) {
    const bytes = await sitePdf(site, { pageSize, onMissingGlyph: (m) => misses.push(m) });
    writeFileSync(join(outDir, pdfFileName(pageSize)), bytes);
    sizes[pdfFileName(pageSize)] = bytes.length;
  }
  for (const w of missingGlyphWarnings(contentDir, site.content.topics, misses))
    console.warn(`warning: ${w}`);
  return sizes;
}
