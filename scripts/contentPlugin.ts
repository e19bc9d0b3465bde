import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { listTopicFiles } from '../src/lib/content/loadContent.ts';
import { ContentValidationError } from '../src/lib/content/types.ts';
import { buildSearchIndex } from '../src/lib/search/searchIndex.ts';
import { buildSiteData } from '../src/lib/site/siteData.ts';

const DATA_ID = 'virtual:deployment-map';
const SEARCH_ID = 'virtual:deployment-map/search';

/** The content folder: `CONTENT_DIR` when set (benchmarks, fixtures), else `content/`. */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}

/**
 * Serves the validated content to the app as virtual modules: `virtual:deployment-map`
 * (graph, layout, topic metadata, lazy page components) and
 * `virtual:deployment-map/search` (the prebuilt search index, loaded on first search).
 * Invalid content fails the build (or shows the dev overlay) with every error listed.
 */
export function contentPlugin(): Plugin {
  const dir = contentDir();
  let cached: ReturnType<typeof buildSiteData> | undefined;
  const data = () => (cached ??= buildSiteData(dir));
  return {
    name: 'deployment-map-content',
    resolveId(id) {
      if (id === DATA_ID || id === SEARCH_ID) return `\0${id}`;
    },
    async load(id) {
      if (id !== `\0${DATA_ID}` && id !== `\0${SEARCH_ID}`) return;
      let site;
      try {
        site = await data();
      } catch (e) {
        cached = undefined;
        if (e instanceof ContentValidationError) this.error(e.message);
        throw e;
      }
      this.addWatchFile(resolve(dir, '_map.yaml'));
      for (const f of listTopicFiles(dir)) this.addWatchFile(resolve(dir, f));
      if (id === `\0${SEARCH_ID}`)
        return `export default ${JSON.stringify(JSON.stringify(buildSearchIndex(site.content.topics)))};`;
      const pages = site.content.topics
        .map((t) => `  ${JSON.stringify(t.slug)}: () => import(${JSON.stringify(resolve(dir, t.file))})`)
        .join(',\n');
      return [
        `export const layout = ${JSON.stringify(site.layout)};`,
        `export const topics = ${JSON.stringify(site.topics)};`,
        `export const hub = ${JSON.stringify(site.graph.hub ?? null)};`,
        `export const pages = {\n${pages}\n};`
      ].join('\n');
    },
    watchChange(id) {
      if (id.startsWith(dir)) cached = undefined;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(dir)) return;
      cached = undefined;
      for (const id of [`\0${DATA_ID}`, `\0${SEARCH_ID}`]) {
        const mod = server.moduleGraph.getModuleById(id);
        if (mod) server.moduleGraph.invalidateModule(mod);
      }
      server.ws.send({ type: 'full-reload' });
    }
  };
}
