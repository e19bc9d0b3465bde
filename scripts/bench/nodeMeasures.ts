// Node-side measurements for one content folder, loaded through vite's `runnerImport`
// (Node 20 cannot run .ts): content load and validation, graph, layout and the
// complete PDF (pdf-lib, as the build writes it). Each step is timed on its own.
import { gzipSync } from 'node:zlib';
import { loadContent, CONTENT_RULES } from '../../src/lib/content/loadContent.ts';
import { buildTopicGraph } from '../../src/lib/graph/TopicGraph.ts';
import { createFontMeasure } from '../../src/lib/layout/fontMeasure.ts';
import { layoutMap } from '../../src/lib/layout/layoutMap.ts';
import { PORTRAIT_WIDTH, readFonts, type SiteData } from '../../src/lib/site/siteData.ts';
import { topicInfos } from '../../src/lib/content/topicSchema.ts';
import { sitePdf } from '../../src/build/writeSitePdf.ts';
import { firstLoadLayout } from '../../src/lib/layout/MapLayout.ts';
import { measureQuality } from '../../src/lib/layout/quality.ts';

export interface NodeMeasures {
  topics: number;
  flows: number;
  boxes: number;
  layoutSize: { width: number; height: number };
  loadMs: number[];
  layoutMs: number[];
  pdfMs: number[];
  pdfBytes: number;
  pdfMapOnlyBytes: number;
  pdfMapOnlyMs: number[];
  inlineData: { layout: { raw: number; gzip: number }; topics: { raw: number; gzip: number } };
  /** The drawing's measures (src/lib/layout/quality.ts) on the landscape map. */
  quality: { crossings: number; foreignPasses: number; worstDetour: number; mostBends: number; labelsOff: number; closeWires: number; coverage: number };
}

const time = async <T>(f: () => Promise<T> | T): Promise<[number, T]> => {
  const t0 = performance.now();
  const v = await f();
  return [performance.now() - t0, v];
};

/** Times loading, layout (`layoutRuns` times) and the PDF (`pdfRuns` times) for `dir`. */
export async function measureNode(dir: string, layoutRuns: number, pdfRuns: number): Promise<NodeMeasures> {
  const fonts = readFonts();
  const measure = createFontMeasure(fonts.regular, fonts.bold);
  const loadMs: number[] = [];
  const layoutMs: number[] = [];
  let site!: SiteData;
  for (let i = 0; i < layoutRuns; i++) {
    const [ms, content] = await time(() => loadContent(dir, CONTENT_RULES));
    loadMs.push(ms);
    const graph = buildTopicGraph(content);
    const [lms, layout] = await time(() => layoutMap(graph, measure));
    layoutMs.push(lms);
    const portrait = await layoutMap(graph, measure, { portraitWidth: PORTRAIT_WIDTH });
    const topics = topicInfos(content.topics);
    site = { content, graph, layout, portrait, topics, tours: [] };
  }
  // What the client bundle inlines today (virtual:deployment-map): layout and topics as JSON.
  const gz = (s: string) => gzipSync(s, { level: 9 }).length;
  const layoutJson = JSON.stringify(firstLoadLayout(site.layout));
  const topicsJson = JSON.stringify(site.topics);
  const pdfMs: number[] = [];
  const pdfMapOnlyMs: number[] = [];
  let pdfBytes = 0;
  let pdfMapOnlyBytes = 0;
  const date = new Date(0);
  for (let i = 0; i < pdfRuns; i++) {
    const [ms, bytes] = await time(() => sitePdf(site, { date }));
    pdfMs.push(ms);
    pdfBytes = bytes.length;
    const [ms2, map] = await time(() => sitePdf(site, { date, includeTopics: false }));
    pdfMapOnlyMs.push(ms2);
    pdfMapOnlyBytes = map.length;
  }
  const q = measureQuality(site.layout);
  return {
    quality: {
      crossings: q.crossings,
      foreignPasses: q.foreignPasses.length,
      worstDetour: q.worstDetour.ratio,
      mostBends: q.mostBends.bends,
      labelsOff: q.missingLabels.length + q.strayLabels.length + q.labelOverlaps.length,
      closeWires: q.closeWires.length,
      coverage: q.coverage
    },
    topics: site.content.topics.length,
    flows: site.layout.flows.length,
    boxes: site.layout.boxes.length,
    layoutSize: { width: site.layout.width, height: site.layout.height },
    loadMs,
    layoutMs,
    pdfMs,
    pdfBytes,
    pdfMapOnlyBytes,
    pdfMapOnlyMs,
    inlineData: {
      layout: { raw: layoutJson.length, gzip: gz(layoutJson) },
      topics: { raw: topicsJson.length, gzip: gz(topicsJson) }
    }
  };
}
