// Pieces of the small hand-made maps the PDF and layout tests draw on, so each test states
// only what it cares about (where the nodes are, what the boxes hold).
import type { GraphNode } from '../../src/lib/graph/TopicGraph.ts';
import type { LayoutBox, LayoutNode } from '../../src/lib/layout/MapLayout.ts';

type At = { x: number; y: number; width: number; height: number };

/** A topic node titled after its slug ("alpha" → "Alpha"), on one line. */
export function fixtureNode(
  slug: string,
  at: At,
  { group = 'hosting', parent = 'region', title = slug[0].toUpperCase() + slug.slice(1) } = {}
): LayoutNode {
  return { slug, title, group, parent, lines: [title], ...at };
}

/** A top-level region covering the whole map, with a header strip `header` units high. */
export function regionBox(
  width: number,
  height: number,
  { id = 'region', label = 'Region', header = 28 } = {}
): LayoutBox {
  return {
    id,
    label,
    depth: 0,
    x: 0,
    y: 0,
    width,
    height,
    header: { x: 0, y: 0, width, height: header }
  };
}

/** A topic of a hand-made graph, titled by its slug, in group `g` (the layout phases' tests). */
export const graphNode = (slug: string, parent: string): GraphNode => ({
  slug,
  title: slug,
  summary: '',
  group: 'g',
  parent
});
