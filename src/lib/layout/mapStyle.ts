/**
 * The map's drawing style, one source for the SVG components and the PDF: type sizes,
 * spacing, corner radii, the arrowhead, the label pill, stroke widths, fade strengths and
 * the light palette (the screen's dark theme overrides colours only, in CSS).
 */
export const TYPE = {
  node: 13,
  box: 13,
  region: 15,
  edgeLabel: 12,
  key: 12,
  lineHeight: 1.25
} as const;

export const SPACE = {
  /** Padding inside a leaf node around its title. */
  nodePadX: 10,
  nodePadY: 7,
  /** Widest title line before it wraps. */
  nodeMaxText: 150,
  nodeMinWidth: 84,
  /** Padding inside a box around its children, and below its title strip. */
  boxPad: 10,
  /** Title strip heights above a box's children. */
  boxHeader: 24,
  regionHeader: 28,
  /** Title strips in the portrait composition (tap targets on a phone), and its vertical gaps. */
  portraitHeader: 29,
  portraitGapY: 50,
  portraitRegionGap: 60,
  /** Gaps between siblings: tight where no wire runs between them, loose where wires do. */
  tightGap: 10,
  looseGapX: 64,
  looseGapY: 40,
  /** Gaps between the regions of the composition. */
  columnGap: 118,
  bandGap: 30,
  margin: 12,
  /** Padding of a label's pill around its text. */
  labelPadX: 4,
  labelPadY: 2
} as const;

export const RADIUS = { node: 7, box: 9, region: 12, pill: 4, corner: 8 } as const;

export const STROKE = {
  node: 1.5,
  box: 1.25,
  region: 1.25,
  flow: 1.3,
  primary: 2.4,
  flowOn: 2.8,
  pill: 0.75,
  related: 1.2
} as const;

/** Arrowhead in its own units: tip at (0,0) pointing along +x, `length` long, `halfWidth` wide each side. */
export const ARROWHEAD = { length: 8, halfWidth: 3.6 } as const;

/** Arrowhead outline as SVG path data, tip at the origin pointing along +x. */
export const ARROWHEAD_PATH = `M0,0L${-ARROWHEAD.length},${-ARROWHEAD.halfWidth}L${-ARROWHEAD.length},${ARROWHEAD.halfWidth}Z`;

/**
 * A topic's progress mark: a disc centred `inset` inside the top-right corner, its icon
 * drawn over it (SVG path data around the disc's centre, y down). The map and the PDF
 * both draw it from here.
 */
export const BADGE = {
  radius: 7.5,
  inset: 2,
  stroke: 1.25,
  iconStroke: 1.8,
  icons: {
    done: 'M-3.6,0.2 L-1,2.8 L3.8,-2.6',
    learning: 'M0,-4.2 A4.2,4.2 0 0 1 0,4.2 Z',
    skipped: 'M-3.4,0 L3.4,0'
  }
} as const;

/** Opacity of what a filter or a highlight leaves out. */
export const FADE = { filtered: 0.28, filteredEdge: 0.2, unlit: 0.3 } as const;

type Hex = `#${string}`;
/** Light palette: accent and tint per group, ink and lines. */
export const COLOURS = {
  groups: {
    clients: ['#1d4ed8', '#e6eefc'],
    'hosted-services': ['#6d28d9', '#f0eafd'],
    hosting: ['#a14a07', '#fbf0e3'],
    'server-stack': ['#047857', '#e3f5ee'],
    delivery: ['#be123c', '#fce9ee']
  } as Record<string, [Hex, Hex]>,
  fallback: ['#4d5461', '#f0f2f5'] as [Hex, Hex],
  ink: '#17202e' as Hex,
  muted: '#4b5563' as Hex,
  edge: '#475569' as Hex,
  regionFill: '#eef1f5' as Hex,
  regionStroke: '#c8ced7' as Hex,
  white: '#ffffff' as Hex,
  link: '#0f766e' as Hex
};

/** The key's entries: what a line or a nesting means, drawn beside a sample. */
export const KEY_ENTRIES = [
  { sample: 'primary', text: "the request's path" },
  { sample: 'flow', text: 'sends to, or calls' },
  { sample: 'two-way', text: 'both ways' },
  { sample: 'nest', text: 'box in box: runs inside' },
  { sample: 'family', text: 'titled box: kinds of it' }
] as const;

/** The map's opening lines, drawn in the free corner at the top left. */
export const INTRO = {
  title: 17,
  body: 13,
  heading: 'How a Python web app is deployed',
  line: 'Clients on the left, the services of the Internet in the middle, your deployment on the right.',
  note: 'Every box opens its topic.',
  start: { slug: 'deployment', title: 'Deployment', label: 'New here? Start with Deployment →' }
} as const;
