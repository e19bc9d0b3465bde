// The exact <head> tags, sitemap and robots text a built page gets (src/lib/site/pageMeta.ts):
// every tag a crawler, chat or social network reads, by name and content, so dropping or
// renaming any one of them fails. writeShareFiles.test.ts checks them in written files.
import { describe, expect, it } from 'vitest';
import { pageMetaTags, sitemapXml, unescapeHtml } from '../../src/lib/site/pageMeta.ts';

const page = {
  path: 'topics/nginx/',
  title: 'Nginx & "friends"',
  description: 'A <web> server',
  image: 'cards/topics/nginx.png',
  imageAlt: 'Nginx lit',
  base: '/map/'
};

describe('page metadata tags, complete and in order', () => {
  it('a page to index with SITE_URL: canonical, og:url and absolute images', () => {
    expect(
      pageMetaTags({ ...page, siteUrl: 'https://e.test/map/', canonical: true }).split('\n    ')
    ).toEqual([
      '<link rel="canonical" href="https://e.test/map/topics/nginx/" />',
      '<meta name="description" content="A &lt;web&gt; server" />',
      '<meta property="og:type" content="website" />',
      '<meta property="og:site_name" content="Deployment Map" />',
      '<meta property="og:title" content="Nginx &amp; &quot;friends&quot;" />',
      '<meta property="og:description" content="A &lt;web&gt; server" />',
      '<meta property="og:url" content="https://e.test/map/topics/nginx/" />',
      '<meta property="og:image" content="https://e.test/map/cards/topics/nginx.png" />',
      '<meta property="og:image:width" content="1200" />',
      '<meta property="og:image:height" content="630" />',
      '<meta property="og:image:alt" content="Nginx lit" />',
      '<meta name="twitter:card" content="summary_large_image" />',
      '<meta name="twitter:title" content="Nginx &amp; &quot;friends&quot;" />',
      '<meta name="twitter:description" content="A &lt;web&gt; server" />',
      '<meta name="twitter:image" content="https://e.test/map/cards/topics/nginx.png" />',
      '<meta name="twitter:image:alt" content="Nginx lit" />'
    ]);
  });

  it('without SITE_URL: no canonical, no og:url, images under the base path', () => {
    expect(pageMetaTags({ ...page, canonical: true })).toBe(
      [
        '<meta name="description" content="A &lt;web&gt; server" />',
        '<meta property="og:type" content="website" />',
        '<meta property="og:site_name" content="Deployment Map" />',
        '<meta property="og:title" content="Nginx &amp; &quot;friends&quot;" />',
        '<meta property="og:description" content="A &lt;web&gt; server" />',
        '<meta property="og:image" content="/map/cards/topics/nginx.png" />',
        '<meta property="og:image:width" content="1200" />',
        '<meta property="og:image:height" content="630" />',
        '<meta property="og:image:alt" content="Nginx lit" />',
        '<meta name="twitter:card" content="summary_large_image" />',
        '<meta name="twitter:title" content="Nginx &amp; &quot;friends&quot;" />',
        '<meta name="twitter:description" content="A &lt;web&gt; server" />',
        '<meta name="twitter:image" content="/map/cards/topics/nginx.png" />',
        '<meta name="twitter:image:alt" content="Nginx lit" />'
      ].join('\n    ')
    );
  });
});

describe('sitemap.xml', () => {
  it('one <url> per line, & and < escaped', () => {
    expect(sitemapXml(['https://e.test/', 'https://e.test/a?b&c<d'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://e.test/</loc></url>\n' +
        '  <url><loc>https://e.test/a?b&amp;c&lt;d</loc></url>\n' +
        '</urlset>\n'
    );
  });
});

describe('titles as Svelte writes them', () => {
  it.each([
    ['&amp;', '&'],
    ['&lt;', '<'],
    ['&gt;', '>'],
    ['&quot;', '"'],
    ['&#39;', "'"],
    ['&#x27;', "'"],
    ['&nbsp;', '&nbsp;']
  ])('%s reads as %s', (entity, text) => {
    expect(unescapeHtml(`Fish ${entity} chips`)).toBe(`Fish ${text} chips`);
  });
});
