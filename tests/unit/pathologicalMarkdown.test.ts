// @vitest-environment node
// The slowest hostile input: 500 nested list levels, just under the size limit, take the
// prose parser 5 to 20 seconds. It has a file of its own so mutation runs can leave it out
// (vitest.stryker.config.ts); the other hostile inputs are in robustness.test.ts.
import { expect, it } from 'vitest';
import { MAX_FILE_BYTES, validateContent } from '../../src/lib/content/validateContent.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const FRAME =
  'hub: a\ngroups:\n  - id: g\n    label: G\nboxes:\n  - id: r\n    label: R\nlearningPath:\n  - [a]\n';

it('pathological markdown just under the limit (500 nested list levels) is accepted', () => {
  const body = Array.from({ length: 500 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n');
  expect(body.length).toBeLessThan(MAX_FILE_BYTES);
  const topic = `---\ntitle: A\nsummary: S\ngroup: g\nparent: r\nrelated: []\nreviewed: 2026-11-01\n---\n\n${body}\n`;
  const content = validateContent({ path: '_map.yaml', bytes: enc(FRAME) }, [
    { path: 'a.md', bytes: enc(topic) }
  ]);
  // Finished, with the page and its prose.
  expect(content.topics.map((t) => t.slug)).toEqual(['a']);
  expect(content.topics[0].text).toMatch(/^level 0 /);
}, 60_000);
