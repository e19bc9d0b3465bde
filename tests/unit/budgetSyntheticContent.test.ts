// @vitest-environment node
// The benchmark's synthetic content must pass the real content rules, or the bench
// would measure a build that fails (or a smaller, easier map than it claims).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_RULES, loadContent } from '../../src/lib/content/loadContent.ts';
import { buildTopicGraph } from '../../src/lib/graph/TopicGraph.ts';
import { unreachableFrom } from '../../src/lib/content/reachability.ts';
import { generateTopics, writeContent } from '../../scripts/bench/generateContent.js';

const write = (n: number) =>
  writeContent(n, join(mkdtempSync(join(tmpdir(), 'dm-synth-')), 'content'));
const files = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('bench:content', () => {
  it('writes N topics that pass the real rules (150 to 700 words, 2 to 6 related)', () => {
    const dir = write(120);
    const content = loadContent(dir, CONTENT_RULES); // throws with every problem listed
    expect(content.topics).toHaveLength(120);
    for (const t of content.topics) {
      expect(t.wordCount).toBeGreaterThanOrEqual(150);
      expect(t.wordCount).toBeLessThanOrEqual(400);
      expect(t.related.length).toBeGreaterThanOrEqual(2);
      expect(t.related.length).toBeLessThanOrEqual(6);
    }
  });

  it('reaches every topic from the hub, nests topics in topics, and labels its arrows', () => {
    const content = loadContent(write(200), CONTENT_RULES);
    const graph = buildTopicGraph(content);
    expect(unreachableFrom(content.topics, graph.hub!)).toEqual([]);
    const slugs = new Set(content.topics.map((t) => t.slug));
    const nested = content.topics.filter((t) => slugs.has(t.parent));
    const deep = nested.filter((t) =>
      slugs.has(content.topics.find((p) => p.slug === t.parent)!.parent)
    );
    expect(nested.length).toBeGreaterThan(40);
    expect(deep.length).toBeGreaterThan(0);
    const arrows = content.topics.flatMap((t) => t.arrows);
    expect(arrows.length).toBeGreaterThan(60);
    expect(arrows.every((a) => a.label.length > 0)).toBe(true);
    const linking = content.topics.filter((t) =>
      JSON.stringify(t.blocks).includes('"href":"/topics/')
    );
    expect(linking.length).toBe(200);
  });

  it('is deterministic for a given N and differs between sizes', () => {
    expect(files(write(60))).toEqual(files(write(60)));
    expect(generateTopics(61)[5].title).not.toBe(generateTopics(60)[5].title);
  });

  it('refuses to empty an --out folder that holds anything but content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-synth-'));
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    expect(() => writeContent(5, dir)).toThrow(/refusing to empty/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});
