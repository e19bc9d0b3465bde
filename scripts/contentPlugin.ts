import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { listTopicFiles, scanTourFiles } from '../src/lib/content/loadContent.ts';
import { ContentValidationError } from '../src/lib/content/types.ts';
import { buildSearchIndex } from '../src/lib/search/searchIndex.ts';
import { sharedSiteData } from '../src/lib/site/siteData.ts';
import { firstLoadLayout, withoutPoints } from '../src/lib/layout/MapLayout.ts';
import { PAGE_SIZE_NAMES, pdfFileName } from '../src/lib/pdf/pageSizes.ts';
import { sitePdf } from '../src/build/writeSitePdf.ts';
import { loadPlanData } from '../src/lib/plan/loadPlanData.ts';
import { PLAN_BLOCKS } from '../src/lib/plan/planFiles.ts';

const DATA_ID = 'virtual:deployment-map';
const SEARCH_ID = 'virtual:deployment-map/search';
const TOPICS_ID = 'virtual:deployment-map/topics';
const RELATED_ID = 'virtual:deployment-map/related';
const PORTRAIT_ID = 'virtual:deployment-map/portrait';
const TOURS_ID = 'virtual:deployment-map/tours';
const PLAN_ID = 'virtual:deployment-map/plan-data';
const IDS = [DATA_ID, SEARCH_ID, TOPICS_ID, RELATED_ID, PORTRAIT_ID, TOURS_ID, PLAN_ID];

/** The content folder: `CONTENT_DIR` when set (benchmarks, fixtures), else `content/`. */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}

/**
 * Serves the validated content to the app as virtual modules: `virtual:deployment-map`
 * (layout, slugs, lazy page components), `virtual:deployment-map/topics` (topic
 * metadata, loaded with a topic page), `virtual:deployment-map/related` (related-topic
 * links, loaded when shown), `virtual:deployment-map/portrait` (the portrait composition
 * with its related links, loaded on a narrow screen), `virtual:deployment-map/tours` (the
 * guided tours, loaded when one is opened), `virtual:deployment-map/search` (the
 * prebuilt search index, loaded on first search) and `virtual:deployment-map/plan-data`
 * (the planner's blocks, topics and proof record; imported only by the planner, never
 * by the map's first load).
 * Invalid content fails the build (or shows the dev overlay) with every error listed.
 */
export function contentPlugin(): Plugin {
  const dir = contentDir();
  let cached: ReturnType<typeof sharedSiteData> | undefined;
  const data = () => (cached ??= sharedSiteData(dir));
  return {
    name: 'deployment-map-content',
    resolveId(id) {
      if (IDS.includes(id)) return `\0${id}`;
    },
    async load(id) {
      if (!IDS.some((known) => id === `\0${known}`)) return;
      let site;
      try {
        site = await data();
      } catch (e) {
        cached = undefined;
        if (e instanceof ContentValidationError) this.error(e.message);
        throw e;
      }
      this.addWatchFile(resolve(dir, '_map.yaml'));
      for (const f of [...listTopicFiles(dir), ...scanTourFiles(dir).tours])
        this.addWatchFile(resolve(dir, f));
      if (id === `\0${SEARCH_ID}`)
        return `export default ${JSON.stringify(JSON.stringify(buildSearchIndex(site.content.topics)))};`;
      if (id === `\0${TOURS_ID}`)
        return `export const tours = ${JSON.stringify(site.tours.map(({ file: _file, ...tour }) => tour))};`;
      if (id === `\0${PLAN_ID}`) {
        this.addWatchFile(resolve('src/lib/plan/proven.json'));
        // Content with none of the planner's pages (benchmarks, test fixtures) has no
        // planner: /plan/ says so. Content with some of them must have them all, intact.
        const planTopics = new Set<string>(Object.values(PLAN_BLOCKS).map(([topic]) => topic));
        if (!site.content.topics.some((t) => planTopics.has(t.slug)))
          return 'export const planData = null;';
        let plan;
        try {
          plan = loadPlanData(dir, site.content.topics);
        } catch (e) {
          this.error((e as Error).message); // a page's block no longer fits the planner: name it
        }
        return `export const planData = ${JSON.stringify(plan)};`;
      }
      if (id === `\0${TOPICS_ID}`) return `export const topics = ${JSON.stringify(site.topics)};`;
      if (id === `\0${RELATED_ID}`)
        return `export const related = ${JSON.stringify(site.layout.related.map(withoutPoints))};`;
      if (id === `\0${PORTRAIT_ID}`)
        return [
          `export const layout = ${JSON.stringify(firstLoadLayout(site.portrait))};`,
          `export const related = ${JSON.stringify(site.portrait.related.map(withoutPoints))};`
        ].join('\n');
      const pages = site.content.topics
        .map(
          (t) =>
            `  ${JSON.stringify(t.slug)}: () => import(${JSON.stringify(resolve(dir, t.file))})`
        )
        .join(',\n');
      // The map's first load carries only what it draws: the layout without route
      // points (the SVG paths are enough) and without related links (hidden until asked
      // for), and the slugs in content order. Topic metadata comes with a topic page,
      // related links when shown, search with the first search.
      const layout = firstLoadLayout(site.layout);
      return [
        `export const layout = ${JSON.stringify(layout)};`,
        `export const slugs = ${JSON.stringify(site.content.topics.map((t) => t.slug))};`,
        `export const hub = ${JSON.stringify(site.graph.hub ?? null)};`,
        `export const tourList = ${JSON.stringify(site.tours.map((t) => ({ slug: t.slug, title: t.title })))};`,
        `export const loadTours = () => import(${JSON.stringify(TOURS_ID)}).then((m) => m.tours);`,
        `export const pages = {\n${pages}\n};`,
        `export const loadTopics = () => import(${JSON.stringify(TOPICS_ID)}).then((m) => m.topics);`,
        `export const loadRelated = () => import(${JSON.stringify(RELATED_ID)}).then((m) => m.related);`,
        `export const loadPortrait = () => import(${JSON.stringify(PORTRAIT_ID)});`
      ].join('\n');
    },
    configureServer(server) {
      // The dev server makes the PDFs on request (the build writes them to dist/).
      server.middlewares.use(async (req, res, next) => {
        const name = (req.url ?? '').split('?')[0].replace(server.config.base, '/');
        const size = PAGE_SIZE_NAMES.find((s) => `/${pdfFileName(s)}` === name);
        if (!size) return next();
        try {
          const bytes = await sitePdf(await data(), { pageSize: size });
          res.setHeader('Content-Type', 'application/pdf');
          res.end(bytes);
        } catch (e) {
          res.statusCode = 500;
          res.end(`Could not make the PDF: ${e instanceof Error ? e.message : e}`);
        }
      });
    },
    watchChange(id) {
      if (id.startsWith(dir)) cached = undefined;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(dir)) return;
      cached = undefined;
      for (const id of IDS.map((known) => `\0${known}`)) {
        const mod = server.moduleGraph.getModuleById(id);
        if (mod) server.moduleGraph.invalidateModule(mod);
      }
      server.ws.send({ type: 'full-reload' });
    }
  };
}
