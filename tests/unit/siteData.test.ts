// The site data the build shares between its bundles (src/lib/site/siteData.ts): one build
// per unchanged content folder, a new one as soon as a file changes, no failure kept; and
// the fonts the build measures with. On copies of the mini fixture, grown to the real
// content rules (sharedSiteData applies them), in temporary folders.
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteData, readFonts, sharedSiteData } from '../../src/lib/site/siteData.ts';

const MINI = 'tests/fixtures/mini-content';

/** Enough words for the real content rules (150 to 700 per topic). */
const PROSE = Array.from(
  { length: 16 },
  (_, i) => `Paragraph words number ${i} say a little more about this topic for the tests here.`
).join(' ');

/** A copy of the mini fixture that passes the real content rules. */
function contentCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'dm-site-')), 'content');
  cpSync(MINI, dir, { recursive: true });
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')))
    writeFileSync(join(dir, name), `${readFileSync(join(dir, name), 'utf8')}\n${PROSE}\n`);
  return dir;
}

/** Replaces text in a content file, keeping a fixed modification time. */
function edit(file: string, from: string, to: string) {
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  utimesSync(file, 1_700_000_000, 1_700_000_000);
}

describe('sharedSiteData', () => {
  it('builds an unchanged folder once, and again for another folder', async () => {
    const dir = contentCopy();
    const first = sharedSiteData(dir);
    expect(sharedSiteData(dir)).toBe(first);
    expect(sharedSiteData(`${dir}/`)).toBe(first);
    const site = await first;
    expect(Object.keys(site.topics).sort()).toEqual(['alpha', 'beta', 'gamma', 'hub']);
    const other = sharedSiteData(contentCopy());
    expect(other).not.toBe(first);
    expect(Object.keys((await other).topics).sort()).toEqual(['alpha', 'beta', 'gamma', 'hub']);
  });

  it('builds again after a file changes, with the new content', async () => {
    const dir = contentCopy();
    const before = sharedSiteData(dir);
    expect((await before).topics.alpha.title).toBe('Alpha topic');
    edit(join(dir, 'alpha.md'), 'title: Alpha topic', 'title: Alpha, renamed');
    const after = sharedSiteData(dir);
    expect(after).not.toBe(before);
    expect((await after).topics.alpha.title).toBe('Alpha, renamed');
    expect(sharedSiteData(dir)).toBe(after);
  });

  it('keeps no failed build: the same folder, fixed, builds', async () => {
    const dir = contentCopy();
    const alpha = join(dir, 'alpha.md');
    // Same size and time before and after the fix: only the failure must not be kept.
    edit(alpha, 'group: core', 'group: nope');
    await expect(sharedSiteData(dir)).rejects.toThrow(/nope/);
    edit(alpha, 'group: nope', 'group: core');
    expect((await sharedSiteData(dir)).topics.alpha.group).toBe('core');
  });

  it('rejects a folder without _map.yaml with the content error, not a file system one', async () => {
    const dir = contentCopy();
    rmSync(join(dir, '_map.yaml'));
    await expect(sharedSiteData(dir)).rejects.toThrow(
      /_map\.yaml: missing: every content folder needs _map\.yaml/
    );
  });
});

describe('buildSiteData', () => {
  it('lays the portrait composition out narrower and taller than the landscape one', async () => {
    const site = await buildSiteData(MINI, { rules: {} });
    expect(site.portrait.width).toBeLessThan(site.layout.width);
    expect(site.portrait.height / site.portrait.width).toBeGreaterThan(
      site.layout.height / site.layout.width
    );
  });
});

describe('readFonts', () => {
  const TTF = [0x00, 0x01, 0x00, 0x00];

  it('reads the three bundled TrueType fonts, from the repository or a given root', () => {
    const fonts = readFonts();
    for (const font of [fonts.regular, fonts.bold, fonts.mono])
      expect([...font.subarray(0, 4)]).toEqual(TTF);
    expect(Buffer.from(fonts.regular).equals(Buffer.from(fonts.bold))).toBe(false);
    expect(Buffer.from(fonts.regular).equals(Buffer.from(fonts.mono))).toBe(false);
    const fromRoot = readFonts(process.cwd());
    for (const face of ['regular', 'bold', 'mono'] as const)
      expect(Buffer.from(fromRoot[face]).equals(Buffer.from(fonts[face])), face).toBe(true);
  });

  it('names the missing file under a root without fonts', () => {
    const root = mkdtempSync(join(tmpdir(), 'dm-fonts-'));
    expect(() => readFonts(root)).toThrow(`${root}/assets/fonts/DejaVuSans.ttf`);
  });
});
