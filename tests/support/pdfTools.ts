// A PDF read back with poppler and checked with qpdf, the way a reader's viewer sees it:
// its text, and the page number in each page's footer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'dm-pdf-'));

/** Writes the PDF as `name`, checks its syntax with qpdf, and returns its text. */
export function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(
    /No syntax or stream encoding errors/
  );
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

/** The footer number of every page ("3 / 7", or null), read one page at a time. */
export function pdfFooters(bytes: Uint8Array, name: string): (string | null)[] {
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

/** The footers of an n-page PDF: none on the map page, then "2 / n" onwards. */
export const expectedFooters = (n: number) => [
  null,
  ...Array.from({ length: n - 1 }, (_, i) => `${i + 2} / ${n}`)
];
