import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkCompiledProse,
  loadContent,
  loadTours,
  listTopicFiles,
  scanTourFiles,
  CONTENT_RULES,
  FRAME_FILE
} from '../content/loadContent.ts';
import type { Tour } from '../content/validateTours.ts';
import type { Content, Slug } from '../content/types.ts';
import { topicInfos, type TopicInfo } from '../content/topicSchema.ts';
import type { ValidateOptions } from '../content/validateContent.ts';
import { buildTopicGraph, type TopicGraph } from '../graph/TopicGraph.ts';
import { createFontMeasure } from '../layout/fontMeasure.ts';
import { layoutMap } from '../layout/layoutMap.ts';
import type { MapLayout } from '../layout/MapLayout.ts';

/** What a topic page shows besides its prose (which mdsvex compiles separately): TOPIC_SCHEMA's fields. */
export type { TopicInfo } from '../content/topicSchema.ts';

export interface SiteData {
  content: Content;
  graph: TopicGraph;
  layout: MapLayout;
  /** The portrait composition of the same map, for phones. */
  portrait: MapLayout;
  topics: Record<Slug, TopicInfo>;
  /** The guided tours (content/tours/), in list order. */
  tours: Tour[];
}

/** Width of the portrait composition in map units: at a 390 px phone, titles render above 11 px. */
export const PORTRAIT_WIDTH = 420;

const fontPath = (name: string) =>
  fileURLToPath(new URL(`../../../assets/fonts/${name}`, import.meta.url));

/** The TTFs the build measures text with and the PDF embeds (the monospace one for code). */
export function readFonts(root?: string): {
  regular: Uint8Array;
  bold: Uint8Array;
  mono: Uint8Array;
} {
  const at = (name: string) => (root ? `${root}/assets/fonts/${name}` : fontPath(name));
  return {
    regular: readFileSync(at('DejaVuSans.ttf')),
    bold: readFileSync(at('DejaVuSans-Bold.ttf')),
    mono: readFileSync(at('DejaVuSansMono.ttf'))
  };
}

/**
 * Loads, validates and lays out a content folder: the one place the build turns
 * markdown into the graph and the layout that the map, the pages and the PDF share.
 */
export async function buildSiteData(
  dir: string,
  options: { rules?: ValidateOptions; fontsRoot?: string } = {}
): Promise<SiteData> {
  const content = loadContent(dir, options.rules ?? CONTENT_RULES);
  await checkCompiledProse(dir, content.topics);
  const tours = loadTours(dir, content);
  const graph = buildTopicGraph(content);
  const fonts = readFonts(options.fontsRoot);
  const measure = createFontMeasure(fonts.regular, fonts.bold);
  const layout = await layoutMap(graph, measure);
  const portrait = await layoutMap(graph, measure, { portraitWidth: PORTRAIT_WIDTH });
  const topics = topicInfos(content.topics);
  return { content, graph, layout, portrait, topics, tours };
}

/**
 * buildSiteData shared across one process: a production build runs it for the client
 * bundle, the server bundle and the PDF, each through its own module graph, so the
 * cache lives on globalThis, keyed by the folder and every file's size and mtime (an
 * edited file gives a new key, so the dev server never sees stale content).
 */
export function sharedSiteData(dir: string): Promise<SiteData> {
  const root = resolve(dir);
  const files = [FRAME_FILE, ...listTopicFiles(root), ...scanTourFiles(root).tours].map((f) => {
    try {
      const st = statSync(join(root, f));
      return `${f}:${st.size}:${st.mtimeMs}`;
    } catch {
      return `${f}:missing`;
    }
  });
  const key = `${root}\n${files.join('\n')}`;
  const store = ((
    globalThis as { __deploymentMapSites?: Map<string, Promise<SiteData>> }
  ).__deploymentMapSites ??= new Map());
  let site = store.get(key);
  if (!site) {
    site = buildSiteData(root);
    site.catch(() => store.delete(key));
    store.set(key, site);
  }
  return site;
}
