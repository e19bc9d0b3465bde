// What the build adds to a prerendered site (src/lib/site/writeShareFiles.ts), checked on a
// small fake dist folder: the tags written into each page, the share cards, robots.txt and
// sitemap.xml. In process and on the mini fixture, so mutation testing runs it too.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shareCardSvg } from '../../src/lib/card/shareCard.ts';
import { INTRO } from '../../src/lib/layout/mapStyle.ts';
import { renderCardPng, writeShareFiles } from '../../src/lib/site/writeShareFiles.ts';
import { pngSize } from '../support/png.ts';
import { siteFor } from './siteFixture.ts';

/** A prerendered page with the given lines in its <head>. */
const html = (...head: string[]) =>
  `<!doctype html>\n<html lang="en">\n<head>\n${head.join('\n')}\n</head>\n<body><main>x</main></body>\n</html>\n`;

/** Writes `files` (path under dist: contents) to a new temporary dist folder. */
function fakeDist(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'dm-share-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

/** The canonical link and every meta tag of a page, as `key: content` in order. */
function headTags(text: string): string[] {
  return [
    ...text.matchAll(
      /<(?:link rel="(canonical)" href|meta (?:name|property)="([^"]+)" content)="([^"]*)" \/>/g
    )
  ].map((m) => `${m[1] ?? m[2]}: ${m[3]}`);
}

const MAP_DESCRIPTION = `${INTRO.line} ${INTRO.note}`;
const SITE = 'https://e.test/';

/** Every tag but the description of a page, given its url (if canonical), title and card. */
const tagsOf = (o: {
  url?: string;
  title: string;
  description: string;
  image: string;
  alt: string;
}) => [
  ...(o.url ? [`canonical: ${o.url}`] : []),
  `description: ${o.description}`,
  'og:type: website',
  'og:site_name: Deployment Map',
  `og:title: ${o.title}`,
  `og:description: ${o.description}`,
  ...(o.url ? [`og:url: ${o.url}`] : []),
  `og:image: ${o.image}`,
  'og:image:width: 1200',
  'og:image:height: 630',
  `og:image:alt: ${o.alt}`,
  'twitter:card: summary_large_image',
  `twitter:title: ${o.title}`,
  `twitter:description: ${o.description}`,
  `twitter:image: ${o.image}`,
  `twitter:image:alt: ${o.alt}`
];

/** A page with `tags` (as tagsOf lists them) written in, as writeShareFiles does. */
function withTags(page: string, tags: string[]): string {
  const lines = tags.map((t) => {
    const key = t.slice(0, t.indexOf(': '));
    const content = t.slice(key.length + 2);
    if (key === 'canonical') return `<link rel="canonical" href="${content}" />`;
    const attr = key === 'description' || key.startsWith('twitter:') ? 'name' : 'property';
    return `<meta ${attr}="${key}" content="${content}" />`;
  });
  return page.replace('</head>', `    ${lines.join('\n    ')}\n  </head>`);
}

const topicAlt = (title: string) =>
  `${title} and the topics it connects to, lit on the deployment map`;

describe('writeShareFiles at the root of an origin, with SITE_URL', () => {
  const files: Record<string, string> = {
    'index.html': html('<title>Deployment Map</title>'),
    'topics/alpha/index.html': html('<title>Alpha topic · Deployment Map</title>'),
    'topics/beta/index.html': html('<title>Beta topic · Deployment Map</title>'),
    // A page with a description of its own keeps it, and gets no second one.
    'about/index.html': html(
      '<title>About &amp; help</title>',
      '<meta name="description" content="What &quot;this&quot; is" />'
    ),
    // Pages not to index: no canonical address, not in the sitemap.
    '404.html': html('<title>Not found</title>'),
    'embed/index.html': html(),
    'print/index.html': html('<title>Print</title>', '<meta name="robots" content="noindex" />'),
    // Only a page at topics/<slug>/ gets its topic's card.
    'old/topics/alpha/index.html': html('<title>Old</title>'),
    'topics/alpha/print/index.html': html('<title>Alpha print</title>'),
    // Not pages: left as they are.
    'assets/chunk.html': html('<title>Chunk</title>'),
    'favicon.svg': '<svg></svg>\n</head>\n'
  };

  // Each test writes its own dist: mutation testing runs a test alone, and code run
  // outside a test (beforeAll) counts for none.
  async function written() {
    const site = await siteFor('tests/fixtures/mini-content', true);
    const dist = fakeDist(files);
    const result = writeShareFiles(dist, site, { base: '/', siteUrl: SITE });
    const read = (path: string) => readFileSync(join(dist, path), 'utf8');
    return { site, dist, result, read };
  }

  it('returns the pages listed, the number of cards and no robots note', async () => {
    const { result } = await written();
    expect({ ...result, pages: [...result.pages].sort() }).toEqual({
      pages: [
        '',
        'about/',
        'old/topics/alpha/',
        'topics/alpha/',
        'topics/alpha/print/',
        'topics/beta/'
      ],
      cards: 3,
      robotsNote: undefined
    });
  });

  it('writes the tags just before </head>, one a line', async () => {
    const { read } = await written();
    expect(read('index.html')).toBe(
      withTags(
        html('<title>Deployment Map</title>'),
        tagsOf({
          url: SITE,
          title: 'Deployment Map',
          description: MAP_DESCRIPTION,
          image: `${SITE}cards/map.png`,
          alt: 'The whole deployment map'
        })
      )
    );
  });

  it("a topic page: its summary, its own card and the card's alt text", async () => {
    const { read } = await written();
    expect(headTags(read('topics/alpha/index.html'))).toEqual(
      tagsOf({
        url: `${SITE}topics/alpha/`,
        title: 'Alpha topic · Deployment Map',
        description: 'The alpha topic, for tests.',
        image: `${SITE}cards/topics/alpha.png`,
        alt: topicAlt('Alpha topic')
      })
    );
    expect(headTags(read('topics/beta/index.html'))).toEqual(
      tagsOf({
        url: `${SITE}topics/beta/`,
        title: 'Beta topic · Deployment Map',
        description: 'The beta topic, for tests.',
        image: `${SITE}cards/topics/beta.png`,
        alt: topicAlt('Beta topic')
      })
    );
  });

  it('a page with its own description keeps that one tag and reuses its text', async () => {
    const { read } = await written();
    const own = html(
      '<title>About &amp; help</title>',
      '<meta name="description" content="What &quot;this&quot; is" />'
    );
    const tags = tagsOf({
      url: `${SITE}about/`,
      title: 'About &amp; help',
      description: 'What &quot;this&quot; is',
      image: `${SITE}cards/map.png`,
      alt: 'The whole deployment map'
    }).filter((t) => !t.startsWith('description: '));
    expect(read('about/index.html')).toBe(withTags(own, tags));
  });

  it('pages not to index get the map card and no canonical address', async () => {
    const { read } = await written();
    const notIndexed = (title: string) =>
      tagsOf({
        title,
        description: MAP_DESCRIPTION,
        image: `${SITE}cards/map.png`,
        alt: 'The whole deployment map'
      });
    expect(headTags(read('404.html'))).toEqual(notIndexed('Not found'));
    // A page without a <title> is named after the site.
    expect(headTags(read('embed/index.html'))).toEqual(notIndexed('Deployment Map'));
    expect(headTags(read('print/index.html'))).toEqual(['robots: noindex', ...notIndexed('Print')]);
  });

  it('pages elsewhere under a topics/ path get the map card', async () => {
    const { read } = await written();
    for (const [path, title] of [
      ['old/topics/alpha/', 'Old'],
      ['topics/alpha/print/', 'Alpha print']
    ])
      expect(headTags(read(`${path}index.html`))).toEqual(
        tagsOf({
          url: `${SITE}${path}`,
          title,
          description: MAP_DESCRIPTION,
          image: `${SITE}cards/map.png`,
          alt: 'The whole deployment map'
        })
      );
  });

  it('leaves assets/ and files that are not HTML alone', async () => {
    const { read } = await written();
    expect(read('assets/chunk.html')).toBe(files['assets/chunk.html']);
    expect(read('favicon.svg')).toBe(files['favicon.svg']);
  });

  it('writes the map card and one card per topic page, 1200 × 630', async () => {
    const { site, dist } = await written();
    for (const [path, card] of [
      ['cards/map.png', { title: INTRO.heading }],
      ['cards/topics/alpha.png', { title: 'Alpha topic', focus: 'alpha' }],
      ['cards/topics/beta.png', { title: 'Beta topic', focus: 'beta' }]
    ] as const) {
      const png = readFileSync(join(dist, path));
      expect(pngSize(png), path).toEqual({ width: 1200, height: 630 });
      expect(png.equals(renderCardPng(shareCardSvg(site.layout, card))), path).toBe(true);
    }
    expect(existsSync(join(dist, 'cards/topics/gamma.png'))).toBe(false);
  });

  it('robots.txt names the sitemap, which lists the indexed pages in order', async () => {
    const { read } = await written();
    expect(read('robots.txt')).toBe(`User-agent: *\nAllow: /\nSitemap: ${SITE}sitemap.xml\n`);
    const urls = [...read('sitemap.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(urls).toEqual(
      [
        '',
        'about/',
        'old/topics/alpha/',
        'topics/alpha/',
        'topics/alpha/print/',
        'topics/beta/'
      ].map((p) => `${SITE}${p}`)
    );
  });
});

describe('writeShareFiles under a sub-path', () => {
  it('without SITE_URL: site-relative images, no canonical, no robots.txt, no sitemap', async () => {
    const site = await siteFor('tests/fixtures/mini-content', true);
    const dist = fakeDist({ 'index.html': html('<title>Map</title>') });
    expect(writeShareFiles(dist, site, { base: '/map/' })).toEqual({
      pages: [''],
      cards: 1,
      robotsNote:
        'robots.txt is not written: the site lives under /map/ and crawlers read robots.txt only at the root (/robots.txt). Set SITE_URL to get a sitemap to name there.'
    });
    expect(headTags(readFileSync(join(dist, 'index.html'), 'utf8'))).toEqual(
      tagsOf({
        title: 'Map',
        description: MAP_DESCRIPTION,
        image: '/map/cards/map.png',
        alt: 'The whole deployment map'
      })
    );
    expect(existsSync(join(dist, 'robots.txt'))).toBe(false);
    expect(existsSync(join(dist, 'sitemap.xml'))).toBe(false);
    expect(pngSize(readFileSync(join(dist, 'cards/map.png')))).toEqual({
      width: 1200,
      height: 630
    });
  });

  it('with SITE_URL: the sitemap there, and the line to add to the root robots.txt', async () => {
    const site = await siteFor('tests/fixtures/mini-content', true);
    const dist = fakeDist({ 'index.html': html('<title>Map</title>') });
    const { robotsNote } = writeShareFiles(dist, site, {
      base: '/map/',
      siteUrl: 'https://e.test/map/'
    });
    expect(robotsNote).toBe(
      'robots.txt is not written: the site lives under /map/ and crawlers read robots.txt only at the root (https://e.test/robots.txt). Add this line to that file: Sitemap: https://e.test/map/sitemap.xml'
    );
    expect(existsSync(join(dist, 'robots.txt'))).toBe(false);
    expect(readFileSync(join(dist, 'sitemap.xml'), 'utf8')).toContain(
      '<url><loc>https://e.test/map/</loc></url>'
    );
    expect(headTags(readFileSync(join(dist, 'index.html'), 'utf8'))).toContain(
      'og:image: https://e.test/map/cards/map.png'
    );
  });
});

describe('share card rasterising', () => {
  const text = (attrs: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="28" font-size="24" ${attrs}>Deploy</text></svg>`;

  it('draws bold text in the bold face and regular text in the regular one', () => {
    const bold = renderCardPng(text('font-family="DejaVu Sans" font-weight="bold"'));
    const regular = renderCardPng(text('font-family="DejaVu Sans"'));
    expect(bold.equals(regular)).toBe(false);
  });

  // The same card on every machine: a font installed on this one is never used.
  it('uses only the bundled fonts, never the system ones', () => {
    const asked = renderCardPng(text('font-family="DejaVu Serif"'));
    expect(asked.equals(renderCardPng(text('font-family="DejaVu Sans"')))).toBe(true);
  });
});
