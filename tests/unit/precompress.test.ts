// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress.js';

// Text that compresses, and bytes that do not (random: a copy would be larger).
const text = (n: number) =>
  'nginx serves the prerendered page. '.repeat(Math.ceil(n / 35)).slice(0, n);
const random = (n: number) => randomBytes(n);

describe('precompressDir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dm-precompress-'));
  const files: [name: string, bytes: string | Buffer, expected: boolean][] = [
    ['index.html', text(5000), true],
    ['topics/nginx/index.html', text(3000), true],
    ['assets/index-A1.js', text(20_000), true],
    ['assets/index-A1.css', text(2000), true],
    ['favicon.svg', text(1500), true],
    ['data.json', text(1200), true],
    ['site.webmanifest', text(1100), true],
    ['robots.txt', text(1024), true],
    ['feed.xml', text(4000), true],
    ['UPPER.HTML', text(4000), true],
    ['small.js', text(1023), false],
    ['deployment-map.pdf', text(50_000), false],
    ['font.ttf', text(50_000), false],
    ['noise.js', random(4000), false]
  ];
  for (const [name, bytes] of files) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  const summary = precompressDir(dir);

  it.each(files.map(([name, bytes, expected]) => ({ name, bytes, expected })))(
    '$name: copies written = $expected',
    ({ name, bytes, expected }) => {
      const file = join(dir, name);
      for (const [ext, decode] of [
        ['.gz', gunzipSync],
        ['.br', brotliDecompressSync]
      ] as const) {
        expect(existsSync(file + ext), `${name}${ext}`).toBe(expected);
        if (!expected) continue;
        const copy = readFileSync(file + ext);
        expect(copy.length).toBeLessThan(Buffer.byteLength(bytes));
        expect(decode(copy).equals(Buffer.from(bytes))).toBe(true);
        // Last-Modified has whole seconds: the copy's must be the file's.
        expect(Math.floor(statSync(file + ext).mtimeMs / 1000)).toBe(
          Math.floor(statSync(file).mtimeMs / 1000)
        );
      }
    }
  );

  it('gzips at level 9 and counts what it wrote', () => {
    expect(summary.files).toBe(files.filter((f) => f[2]).length);
    const js = readFileSync(join(dir, 'assets/index-A1.js.gz'));
    // The gzip header's XFL byte is 2 for "maximum compression" (level 9).
    expect(js[8]).toBe(2);
    expect(summary.brotli).toBeLessThan(summary.raw);
  });

  it('running it again (a rebuild into the same folder) compresses no copy of a copy', () => {
    precompressDir(dir);
    expect(existsSync(join(dir, 'index.html.gz.gz'))).toBe(false);
    expect(existsSync(join(dir, 'index.html.br.gz'))).toBe(false);
  });
});
