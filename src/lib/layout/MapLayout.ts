import type { Group, Slug } from '../content/types.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A container: a region, a named frame, or a topic that holds other topics. */
export interface LayoutBox extends Rect {
  id: string;
  label: string;
  /** Set when the box is a topic: its header links to the topic page. */
  slug?: Slug;
  group?: string;
  /** 0 for regions, growing inwards. */
  depth: number;
  parent?: string;
  /** Header rectangle (the clickable title strip) for topic boxes. */
  header: Rect;
  /** The part of the header the title's text covers: no wire or label may cross it (build time only). */
  title?: Rect;
}

/** A leaf topic drawn as a rounded rectangle with its title in one or two lines. */
export interface LayoutNode extends Rect {
  slug: Slug;
  title: string;
  group: string;
  parent: string;
  lines: string[];
}

export interface LayoutEdge {
  id: string;
  from: Slug;
  to: Slug;
  kind: 'flow' | 'related';
  /** SVG path data in map coordinates. */
  path: string;
  /** The route's corner points. Present at build time; left out of the browser's copy, which draws `path`. */
  points?: [number, number][];
  label?: string;
  /** Where the label's box sits (flows only). */
  labelRect?: Rect;
  /** A long label's lines, when it wraps. */
  labelLines?: string[];
  /**
   * Flows only: the wire this arrow is drawn on. A request and its response share one
   * wire (`twoWay`), drawn once with a head at each end; the wire's id is the first's.
   */
  wire?: string;
  twoWay?: boolean;
  /** On the request's path (composition `requestPath`): drawn as the primary flow. */
  primary?: boolean;
}

/** Everything needed to draw the map, on screen or on paper, in map units (CSS px). */
export interface MapLayout {
  /** Set on the portrait composition (regions stacked for a narrow screen). */
  composition?: 'portrait';
  width: number;
  height: number;
  groups: Group[];
  boxes: LayoutBox[];
  nodes: LayoutNode[];
  flows: LayoutEdge[];
  related: LayoutEdge[];
  learningPath: Slug[][];
  /** Where the key (what lines and nesting mean) is drawn, if there is room for one. */
  key?: Rect;
  /** Where the opening lines are drawn (the free corner at the top left), if there is room. */
  intro?: Rect;
}

export { TYPE } from './mapStyle.ts';

/** Measures a string's advance width in px at a font size (bold or regular). */
export type MeasureText = (text: string, size: number, bold?: boolean) => number;

/**
 * The layout as the map's first load ships it: routes without their corner points (the
 * SVG path is enough) and no related links (hidden until asked for, loaded then).
 */
export function firstLoadLayout(layout: MapLayout): MapLayout {
  // Title strips are for the build's own checks (routing, quality); the browser draws headers.
  const boxes = layout.boxes.map(({ title: _title, ...b }) => b);
  return { ...layout, boxes, flows: layout.flows.map(withoutPoints), related: [] };
}

/** An edge without its route points, for the browser. */
export function withoutPoints({ points: _points, ...edge }: LayoutEdge): LayoutEdge {
  return edge;
}
