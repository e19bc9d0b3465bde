import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Slug, Topic } from '../content/types.ts';

export interface SearchDoc {
  id: Slug;
  title: string;
  summary: string;
  text: string;
}

/** Field weights and fuzziness shared by the build (indexing) and the browser (querying). */
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: ['title', 'summary', 'text'],
  storeFields: ['title', 'summary'],
  searchOptions: { boost: { title: 4, summary: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' }
};

import { MAX_QUERY_LENGTH } from './searchLimits.ts';

export { MAX_QUERY_LENGTH };

/** Builds the full-text index over titles, summaries and prose at build time. */
export function buildSearchIndex(
  topics: Pick<Topic, 'slug' | 'title' | 'summary' | 'text'>[]
): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(
    topics.map((t) => ({ id: t.slug, title: t.title, summary: t.summary, text: t.text }))
  );
  return index;
}

/** Loads the serialised index in the browser. */
export function loadSearchIndex(json: string): MiniSearch<SearchDoc> {
  return MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
}

export interface SearchHit {
  slug: Slug;
  title: string;
  summary: string;
}

/** Runs a query (trimmed and cut to MAX_QUERY_LENGTH) and returns at most `limit` hits. */
export function searchTopics(index: MiniSearch<SearchDoc>, query: string, limit = 8): SearchHit[] {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (!q) return [];
  return index
    .search(q)
    .slice(0, limit)
    .map((r: SearchResult) => ({
      slug: String(r.id),
      title: String(r.title),
      summary: String(r.summary)
    }));
}
