import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/loadContent.ts';
import { buildTopicGraph } from '../../src/lib/graph/TopicGraph.ts';

const graph = buildTopicGraph(loadContent('tests/fixtures/mini-content', {}));

describe('TopicGraph', () => {
  it('has every topic as a node, in content order, with its parent', () => {
    expect(graph.nodes.map((n) => [n.slug, n.parent])).toEqual([
      ['alpha', 'inner'],
      ['beta', 'inner'],
      ['gamma', 'beta'],
      ['hub', 'outer']
    ]);
    expect(graph.boxes.map((b) => b.id)).toEqual(['outer', 'inner']);
  });

  it('keeps flow arrows as written and makes related links undirected, once per pair', () => {
    expect(graph.flows.map((e) => [e.from, e.to, e.label])).toEqual([
      ['alpha', 'beta', 'talks to'],
      ['beta', 'alpha', 'answers']
    ]);
    expect(graph.related.map((e) => e.id).sort()).toEqual([
      'related:alpha~beta',
      'related:alpha~gamma',
      'related:alpha~hub',
      'related:beta~gamma',
      'related:beta~hub'
    ]);
  });
});
