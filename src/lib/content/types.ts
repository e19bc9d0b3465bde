import type { TopicFields } from './topicSchema.ts';

export type { Arrow, ExternalLink, Slug, TopicFields, TopicInfo } from './topicSchema.ts';
import type { Slug } from './topicSchema.ts';

/** One inline run of text inside a prose block, optionally a link. */
export interface InlineRun {
  text: string;
  href?: string;
  code?: boolean;
  strong?: boolean;
  emphasis?: boolean;
}

/** Prose simplified to the blocks the PDF and search need. */
export type ProseBlock =
  | { kind: 'heading'; depth: number; runs: InlineRun[] }
  | { kind: 'paragraph'; runs: InlineRun[] }
  | { kind: 'list'; ordered: boolean; items: InlineRun[][] }
  | { kind: 'code'; text: string; lang?: string; title?: string };

/** A validated topic: its frontmatter (TOPIC_SCHEMA) plus what the build derived from its prose. */
export interface Topic extends TopicFields {
  slug: Slug;
  /** Path of the source file relative to the content folder, for messages. */
  file: string;
  /** The prose as simple blocks (PDF, search). */
  blocks: ProseBlock[];
  /** The topics the prose links to (`/topics/<slug>/`), each once, in order of first link. */
  linksTo: Slug[];
  /** The prose as plain text (search, word counts). */
  text: string;
  wordCount: number;
}

export interface Group {
  id: string;
  label: string;
}

export interface Box {
  id: string;
  label: string;
  parent?: string;
}

/** The map's frame from `_map.yaml`: groups, container boxes, learning path. */
export interface MapFrame {
  /** The hub topic every other topic must be reachable from. */
  hub?: Slug;
  groups: Group[];
  boxes: Box[];
  learningPath: Slug[][];
  /** How the drawing is composed (`composition` in `_map.yaml`). */
  composition?: Composition;
}

/** One cell of a row: a child id, or a column of child ids stacked inside the row. */
export type ArrangeCell = string | string[];

/**
 * The drawing's composition: regions side by side (left to right), one region as a band
 * along the bottom, regions set aside in the left column, and per box either rows of
 * children or `row` / `column`. Coordinates are always computed, never given.
 */
export interface Composition {
  /**
   * The request's path, step by step (a step is an id or a list of ids; a region stands
   * for everything in it): the wires between one step and the next are the primary flow.
   */
  requestPath?: ArrangeCell[];
  columns: string[];
  band?: string;
  aside: string[];
  arrange: Record<string, ArrangeCell[][] | 'row' | 'column'>;
}

export interface Content {
  frame: MapFrame;
  topics: Topic[];
}

/** A problem in one content file, located as precisely as the source allows. */
export interface ContentError {
  file: string;
  line?: number;
  field?: string;
  message: string;
  /** The text of the source line, shown under the message. */
  source?: string;
}

export class ContentValidationError extends Error {
  constructor(public readonly errors: ContentError[]) {
    super(formatContentErrors(errors));
    this.name = 'ContentValidationError';
  }
}

/**
 * Formats errors one per line as `file:line: field: message`, the form editors link,
 * each followed by its source line when known.
 */
export function formatContentErrors(errors: ContentError[]): string {
  const lines = errors.map((e) => {
    const where = e.line ? `${e.file}:${e.line}` : e.file;
    const shown = e.source?.trim() ? `\n    ${e.line} | ${e.source.slice(0, 120)}` : '';
    return `  ${where}: ${e.field ? `${e.field}: ` : ''}${e.message}${shown}`;
  });
  return `Content has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}
