import { describe, expect, it } from 'vitest';
import { CARD, shareCardSvg } from '../../src/lib/card/shareCard.ts';
import { pageMetaTags, robotsTxt, sitemapXml, unescapeHtml } from '../../src/lib/site/pageMeta.ts';
import { renderCardPng } from '../../src/lib/site/writeShareFiles.ts';
import { pngSize } from '../support/png.ts';
import { siteFor } from './siteFixture.ts';

describe('share cards', () => {
  it('a topic card lights its neighbourhood and fades the rest; the map card fades nothing', async () => {
    const site = await siteFor('tests/fixtures/mini-content', true);
    const focus = site.layout.nodes[0];
    const svg = shareCardSvg(site.layout, { title: focus.title, focus: focus.slug });
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${CARD.width}" height="${CARD.height}"`));
    // The focus is drawn filled and bold at full strength; what is not lit is faded.
    const focusRect = svg
      .split('\n')
      .find((l) => l.startsWith(`<rect x="${focus.x}" y="${focus.y}" `));
    expect(focusRect).toContain('stroke-width="3"');
    expect(focusRect).not.toContain('opacity');
    expect(svg).toContain(`font-weight="bold">${focus.lines[0].replaceAll('&', '&amp;')}</text>`);
    expect(svg).toMatch(/fill-opacity="0\.3" stroke-opacity="0\.3"/);
    // No markers, clips or group opacity: resvg 2.6 aborts on such layers off the canvas.
    expect(svg).not.toMatch(/<marker|clip-path|<g opacity/);
    const map = shareCardSvg(site.layout, { title: 'The map' });
    expect(map).not.toMatch(/opacity=/);
    expect(map).toContain('>The map</text>');
  });

  it('escapes titles and rasterises to a 1200 × 630 PNG with its text drawn', async () => {
    const site = await siteFor('tests/fixtures/mini-content', true);
    const svg = shareCardSvg(site.layout, { title: 'Fish & <chips>' });
    expect(svg).toContain('>Fish &amp; &lt;chips&gt;</text>');
    const png = renderCardPng(svg);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    // Text is drawn (the fonts were found): a card without its title is smaller.
    const bare = renderCardPng(svg.replace(/>Fish &amp; &lt;chips&gt;</, '><'));
    expect(png.length).toBeGreaterThan(bare.length + 500);
  });
});

describe('page metadata', () => {
  const page = {
    path: 'topics/nginx/',
    title: 'Nginx · "Deployment" Map',
    description: 'A <web> server & proxy',
    image: 'cards/topics/nginx.png',
    imageAlt: 'Nginx lit',
    base: '/map/'
  };

  it('with SITE_URL: absolute canonical, og:url and og:image under the base', () => {
    const tags = pageMetaTags({ ...page, siteUrl: 'https://example.test/map/', canonical: true });
    expect(tags).toContain(
      '<link rel="canonical" href="https://example.test/map/topics/nginx/" />'
    );
    expect(tags).toContain(
      '<meta property="og:url" content="https://example.test/map/topics/nginx/" />'
    );
    expect(tags).toContain(
      '<meta property="og:image" content="https://example.test/map/cards/topics/nginx.png" />'
    );
    expect(tags).toContain(
      '<meta property="og:title" content="Nginx · &quot;Deployment&quot; Map" />'
    );
    expect(tags).toContain(
      '<meta name="twitter:description" content="A &lt;web&gt; server &amp; proxy" />'
    );
    expect(tags).toContain('<meta name="twitter:card" content="summary_large_image" />');
  });

  it('without SITE_URL, or on a page not to index: no canonical, no og:url, a site-relative image', () => {
    for (const tags of [
      pageMetaTags({ ...page, canonical: true }),
      pageMetaTags({ ...page, siteUrl: 'https://example.test/map/', canonical: false })
    ]) {
      expect(tags).not.toContain('canonical');
      expect(tags).not.toContain('og:url');
    }
    expect(pageMetaTags({ ...page, canonical: true })).toContain(
      '<meta property="og:image" content="/map/cards/topics/nginx.png" />'
    );
  });

  // Crawlers read robots.txt only at an origin's root: a site under a sub-path writes none
  // and says what to add to the root's file instead.
  it.each([
    [
      { siteUrl: 'https://e.test/', base: '/' },
      { file: 'User-agent: *\nAllow: /\nSitemap: https://e.test/sitemap.xml\n' }
    ],
    [{ base: '/' }, { file: 'User-agent: *\nAllow: /\n' }],
    [
      { siteUrl: 'https://e.test/map/', base: '/map/' },
      {
        note: expect.stringMatching(
          /under \/map\/ .* \(https:\/\/e\.test\/robots\.txt\)\. Add this line to that file: Sitemap: https:\/\/e\.test\/map\/sitemap\.xml$/
        )
      }
    ],
    // SITE_URL decides where the site is public, whatever the base path.
    [
      { siteUrl: 'https://e.test/docs/map/', base: '/' },
      { note: expect.stringContaining('Sitemap: https://e.test/docs/map/sitemap.xml') }
    ],
    [
      { siteUrl: 'https://e.test/', base: '/map/' },
      { file: 'User-agent: *\nAllow: /\nSitemap: https://e.test/sitemap.xml\n' }
    ],
    [
      { base: 'map' },
      { note: expect.stringMatching(/under \/map\/ .*\(\/robots\.txt\)\. Set SITE_URL/) }
    ]
  ])('robots.txt for %o', (site, expected) => {
    expect(robotsTxt(site)).toEqual(expected);
  });

  it('sitemap and entity decoding', () => {
    expect(sitemapXml(['https://e.test/', 'https://e.test/a?b&c'])).toContain(
      '<url><loc>https://e.test/a?b&amp;c</loc></url>'
    );
    expect(unescapeHtml('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;')).toBe(
      'a & b <c> "d" \'e\''
    );
  });
});
