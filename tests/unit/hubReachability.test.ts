// Every topic must be reachable from the hub (`hub:` in _map.yaml) by what the pages show:
// an arrow, a related link, nesting or a prose link. Content with an island is refused,
// naming the island's file, wherever the rule is checked on the way to the site data.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/loadContent.ts';
import { ContentValidationError } from '../../src/lib/content/types.ts';
import { buildSiteData } from '../../src/lib/site/siteData.ts';

/** The mini fixture plus an `island` topic with the given frontmatter lines and body. */
function withIsland(extra: string, body = 'An island topic, for tests.') {
  const dir = join(mkdtempSync(join(tmpdir(), 'dm-hub-')), 'content');
  cpSync('tests/fixtures/mini-content', dir, { recursive: true });
  writeFileSync(
    join(dir, 'island.md'),
    `---\ntitle: Island\nsummary: Reached by nothing.\ngroup: core\nparent: outer\nreviewed: 2026-11-01\n${extra}---\n\n${body}\n`
  );
  return dir;
}

async function errorsOf(dir: string) {
  try {
    await buildSiteData(dir, { rules: {} });
  } catch (e) {
    if (e instanceof ContentValidationError) return e.errors;
    throw e;
  }
  return [];
}

describe('hub reachability', () => {
  it('refuses a topic nothing leads to from the hub, naming its file', async () => {
    const errors = await errorsOf(withIsland('related: []\n'));
    expect(errors).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/(^|\/)island\.md$/),
        message:
          'not reachable from the hub "hub" by any arrow, related link, nesting or prose link'
      })
    ]);
  });

  it('is refused by loadContent too, which benchmarks and tests use without a build', () => {
    expect(() => loadContent(withIsland('related: []\n'), {})).toThrow(
      /island\.md:\d+: .*not reachable from the hub "hub"/
    );
  });

  it('does not count arrows or prose links that only leave the island', async () => {
    const errors = await errorsOf(
      withIsland(
        'related: []\narrows:\n  - to: alpha\n    label: asks\n',
        'See [the hub](/topics/hub/).'
      )
    );
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('not reachable from the hub "hub"')
    ]);
  });

  it('accepts the island once a related link joins it (shown on both pages)', async () => {
    const site = await buildSiteData(withIsland('related: [hub]\n'), { rules: {} });
    expect(site.content.topics.map((t) => t.slug)).toContain('island');
  });
});
