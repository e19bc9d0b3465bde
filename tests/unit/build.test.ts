import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeContent } from '../../scripts/bench/generateContent.js';

function build(contentDir: string, env: Record<string, string> = {}) {
  const out = join(mkdtempSync(join(tmpdir(), 'dm-build-')), 'dist');
  const run = spawnSync(process.execPath, ['scripts/build.js'], {
    env: {
      ...process.env,
      SITE_URL: '',
      BASE_PATH: '',
      CONTENT_DIR: contentDir,
      OUT_DIR: out,
      VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
      ...env
    },
    encoding: 'utf8',
    timeout: 120_000
  });
  return { ...run, out };
}

describe('npm run build', () => {
  it('fails on bad content, naming the duplicate slug and the dangling link with their files', () => {
    const run = build('tests/fixtures/bad-content');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/more\/alpha\.md: duplicate slug "alpha"/);
    expect(run.stderr).toMatch(/beta\.md:6: related\[1\]: related link to unknown topic "nowhere"/);
    expect(existsSync(join(run.out, 'index.html'))).toBe(false);
  }, 120_000);

  it('draws a share card for every topic of synthetic content (resvg must not abort the build)', () => {
    // Synthetic maps put wires and arrowheads far outside a topic card's frame: resvg 2.6
    // used to panic on such layers and take the whole build down with no message.
    const dir = writeContent(60, join(mkdtempSync(join(tmpdir(), 'dm-cards-')), 'content'));
    const run = build(dir);
    expect(run.stderr).not.toMatch(/panicked|Build failed/);
    expect(run.status).toBe(0);
    const topics = readdirSync(dir).filter((f) => f.endsWith('.md')).length;
    expect(readdirSync(join(run.out, 'cards', 'topics'))).toHaveLength(topics);
    expect(existsSync(join(run.out, 'cards', 'map.png'))).toBe(true);
  }, 180_000);

  it('writes robots.txt only at the origin root; under a sub-path it says once what to add there', () => {
    const site = 'https://courses.example.test/map/';
    const run = build(
      writeContent(12, join(mkdtempSync(join(tmpdir(), 'dm-robots-')), 'content')),
      { BASE_PATH: '/map/', SITE_URL: site }
    );
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(run.out, 'robots.txt'))).toBe(false);
    const notes = `${run.stdout}${run.stderr}`.split('\n').filter((l) => l.includes('robots.txt'));
    expect(notes).toEqual([
      'robots.txt is not written: the site lives under /map/ and crawlers read robots.txt only at the root (https://courses.example.test/robots.txt). ' +
        `Add this line to that file: Sitemap: ${site}sitemap.xml`
    ]);
    // The sitemap it names is there, listing pages under the sub-path.
    expect(readFileSync(join(run.out, 'sitemap.xml'), 'utf8')).toContain(`<loc>${site}</loc>`);

    // At the origin root it is written (tests/e2e-nginx/share.spec.ts fetches it).
  }, 180_000);
});
