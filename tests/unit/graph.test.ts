import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/loadContent.ts';
import { buildTopicGraph } from '../../src/lib/graph/TopicGraph.ts';

// Built in each test: a mutation run switches a mutant on only while a test runs.
const mini = () => buildTopicGraph(loadContent('tests/fixtures/mini-content', {}));

describe('TopicGraph', () => {
  it('has every topic as a node, in content order, with its parent', () => {
    const graph = mini();
    expect(graph.nodes.map((n) => [n.slug, n.parent])).toEqual([
      ['alpha', 'inner'],
      ['beta', 'inner'],
      ['gamma', 'beta'],
      ['hub', 'outer']
    ]);
    expect(graph.boxes.map((b) => b.id)).toEqual(['outer', 'inner']);
    expect(graph.hub).toBe('hub');
  });

  it('keeps flow arrows as written, each with its own id and label', () => {
    expect(mini().flows).toEqual([
      { id: 'flow:alpha>beta', from: 'alpha', to: 'beta', kind: 'flow', label: 'talks to' },
      { id: 'flow:beta>alpha', from: 'beta', to: 'alpha', kind: 'flow', label: 'answers' }
    ]);
  });

  it('makes related links undirected, once per pair, in the order they are first named', () => {
    // alpha names hub and beta; beta names hub and alpha (the link alpha already made);
    // gamma names alpha and beta; hub names both again. The id names the pair in order.
    expect(mini().related).toEqual([
      { id: 'related:alpha~hub', from: 'alpha', to: 'hub', kind: 'related' },
      { id: 'related:alpha~beta', from: 'alpha', to: 'beta', kind: 'related' },
      { id: 'related:beta~hub', from: 'beta', to: 'hub', kind: 'related' },
      { id: 'related:alpha~gamma', from: 'gamma', to: 'alpha', kind: 'related' },
      { id: 'related:beta~gamma', from: 'gamma', to: 'beta', kind: 'related' }
    ]);
  });

  it('carries the frame’s composition when it has one, and none when it has not', () => {
    const midi = loadContent('tests/fixtures/midi-content', {});
    expect(buildTopicGraph(midi).composition).toEqual(midi.frame.composition);
    expect(buildTopicGraph(midi).composition?.columns).toEqual([
      'clients',
      'internet',
      'deployment'
    ]);
    expect('composition' in mini()).toBe(false);
  });
});
