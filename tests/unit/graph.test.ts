import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/loadContent.ts';
import { buildTopicGraph, neighboursOf } from '../../src/lib/graph/TopicGraph.ts';

const graph = buildTopicGraph(loadContent('tests/fixtures/mini-content', {}));

describe('TopicGraph', () => {
  it('has every topic as a node, marking the ones other topics nest in', () => {
    expect(graph.nodes.map((n) => [n.slug, n.isContainer])).toEqual([
      ['alpha', false],
      ['beta', true],
      ['gamma', false],
      ['hub', false]
    ]);
    expect(graph.boxes.map((b) => b.id)).toEqual(['outer', 'inner']);
  });

  it('keeps flow arrows as written and makes related links undirected, once per pair', () => {
    expect(graph.flows.map((e) => [e.from, e.to, e.label])).toEqual([
      ['alpha', 'beta', 'talks to'],
      ['beta', 'alpha', 'answers']
    ]);
    expect(graph.related.map((e) => e.id).sort()).toEqual(['related:alpha~beta', 'related:alpha~gamma', 'related:alpha~hub', 'related:beta~gamma', 'related:beta~hub']);
  });

  it('lists the neighbours of a topic by any edge, sorted by title', () => {
    expect(neighboursOf(graph, 'gamma').map((n) => n.slug)).toEqual(['alpha', 'beta']);
    expect(neighboursOf(graph, 'alpha').map((n) => n.slug)).toEqual(['beta', 'gamma', 'hub']);
  });
});
