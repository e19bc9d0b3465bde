// The search the map's box runs: built at build time, serialised, loaded in the browser.
// Everything is built inside each test (a mutation run switches a mutant on only then).
import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  loadSearchIndex,
  searchTopics
} from '../../src/lib/search/searchIndex.ts';

const topics = () => [
  {
    slug: 'nginx',
    title: 'Nginx',
    summary: 'A web server and reverse proxy.',
    text: 'Serves static files.'
  },
  {
    slug: 'caddy',
    title: 'Caddy',
    summary: 'A web server with automatic HTTPS.',
    text: 'Mentions nginx once.'
  },
  {
    slug: 'gunicorn',
    title: 'Gunicorn',
    summary: 'A WSGI server.',
    text: 'Runs workers behind a proxy.'
  }
];

describe('search', () => {
  it('ranks a title match above a mention in the prose, and returns title and summary', () => {
    const hits = searchTopics(buildSearchIndex(topics()), 'nginx');
    expect(hits).toEqual([
      { slug: 'nginx', title: 'Nginx', summary: 'A web server and reverse proxy.' },
      { slug: 'caddy', title: 'Caddy', summary: 'A web server with automatic HTTPS.' }
    ]);
  });

  it('matches the start of a word and needs every word of the query', () => {
    const index = buildSearchIndex(topics());
    expect(searchTopics(index, 'guni').map((h) => h.slug)).toEqual(['gunicorn']);
    expect(
      searchTopics(index, 'web server')
        .map((h) => h.slug)
        .sort()
    ).toEqual(['caddy', 'nginx']);
    expect(searchTopics(index, 'web wsgi')).toEqual([]);
  });

  it('returns at most the number of hits asked for', () => {
    const index = buildSearchIndex(topics());
    expect(searchTopics(index, 'server', 2)).toHaveLength(2);
    expect(searchTopics(index, 'server')).toHaveLength(3);
  });

  it('finds the same after the index is serialised and loaded in the browser', () => {
    const built = buildSearchIndex(topics());
    const loaded = loadSearchIndex(JSON.stringify(built));
    for (const q of ['nginx', 'proxy', 'guni', 'automatic https'])
      expect(searchTopics(loaded, q)).toEqual(searchTopics(built, q));
    expect(
      searchTopics(loaded, 'proxy')
        .map((h) => h.slug)
        .sort()
    ).toEqual(['gunicorn', 'nginx']);
  });
});
