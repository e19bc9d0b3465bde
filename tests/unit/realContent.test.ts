import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_RULES, loadContent } from '../../src/lib/content/loadContent.ts';
import { unreachableFrom } from '../../src/lib/content/reachability.ts';

// The spec (shared/deployment-map.md): every topic and every labelled flow arrow.
const SLUGS =
  `deployment servers bare-metal-servers virtual-private-servers infrastructure-as-a-service
platform-as-a-service heroku operating-systems web-servers nginx apache-http-server caddy wsgi-servers
gunicorn uwsgi mod-wsgi asgi-servers static-content databases nosql-data-stores task-queues
virtual-environments application-dependencies web-frameworks django flask logging web-analytics
monitoring content-delivery-networks web-apis source-control package-index web-browsers mobile-apps
api-clients continuous-integration continuous-delivery deployment-strategies deployment-tools
configuration-management containers docker kubernetes serverless aws-lambda microservices caching
https web-application-security`.split(/\s+/);

const ARROWS = `web-browsers>web-servers:access web app
mobile-apps>web-servers:access web APIs
api-clients>web-servers:access web APIs
web-servers>web-browsers:HTTP(S) responses
web-servers>mobile-apps:HTTP(S) responses
web-servers>api-clients:HTTP(S) responses
web-browsers>web-analytics:sends data
web-browsers>monitoring:sends data
web-browsers>content-delivery-networks:access files
content-delivery-networks>web-browsers:sends files
web-servers>static-content:retrieve files
web-servers>wsgi-servers:handle certain requests
wsgi-servers>web-servers:responses
web-servers>logging:logs to
wsgi-servers>logging:logs to
wsgi-servers>monitoring:agent reports
wsgi-servers>web-apis:calls
web-apis>wsgi-servers:responds
wsgi-servers>databases:accesses
wsgi-servers>nosql-data-stores:accesses
wsgi-servers>virtual-environments:executes & relies upon
wsgi-servers>web-frameworks:executes
task-queues>web-frameworks:executes
application-dependencies>package-index:retrieved from
web-frameworks>source-control:retrieved from (app source code)
continuous-integration>source-control:builds and tests
continuous-delivery>servers:deploys to
configuration-management>servers:provisions`.split('\n');

const REGIONS: Record<string, string[]> = {
  clients: ['web-browsers', 'mobile-apps', 'api-clients'],
  'hosted-services': [
    'logging',
    'web-analytics',
    'monitoring',
    'content-delivery-networks',
    'web-apis',
    'source-control',
    'package-index'
  ]
};

// Published pages also say of every code block whether the examples suite runs it.
const content = loadContent('content', { ...CONTENT_RULES, markedCode: true });
const bySlug = new Map(content.topics.map((t) => [t.slug, t]));

describe('the real content', () => {
  it('has exactly the 50 topics of the spec', () => {
    expect(content.topics.map((t) => t.slug).sort()).toEqual([...SLUGS].sort());
  });

  it('carries every spec arrow on the topic it starts from, and no others', () => {
    const arrows = content.topics.flatMap((t) =>
      t.arrows.map((a) => `${t.slug}>${a.to}:${a.label}`)
    );
    expect(arrows.sort()).toEqual([...ARROWS].sort());
  });

  it.each(content.topics.map((t) => [t.slug, t] as const))(
    '%s: 150–700 words, 2–6 related, a one-sentence summary',
    (_, t) => {
      expect(t.wordCount).toBeGreaterThanOrEqual(150);
      expect(t.wordCount).toBeLessThanOrEqual(700);
      expect(t.related.length).toBeGreaterThanOrEqual(2);
      expect(t.related.length).toBeLessThanOrEqual(6);
      expect(t.summary).toMatch(/^[\p{L}\p{N}].{20,240}[.!?]$/u);
      for (const link of [...t.examples, ...t.resources]) expect(link.url).toMatch(/^https?:\/\//);
    }
  );

  it('places the regions as the spec says', () => {
    for (const [region, slugs] of Object.entries(REGIONS))
      for (const s of slugs) expect(bySlug.get(s)?.parent).toBe(region);
    expect(bySlug.get('wsgi-servers')?.parent).toBe('operating-systems');
    expect(bySlug.get('web-frameworks')?.parent).toBe('virtual-environments');
    expect(bySlug.get('operating-systems')?.parent).toBe('hosting');
  });

  // Stack pages show a working example (issue 14), run by the examples suite or marked.
  const WITH_EXAMPLES =
    `nginx apache-http-server caddy gunicorn uwsgi mod-wsgi asgi-servers wsgi-servers static-content
databases task-queues virtual-environments application-dependencies django flask https platform-as-a-service heroku
docker containers continuous-integration configuration-management serverless aws-lambda`.split(
      /\s+/
    );
  // Blocks that cannot run here (a Dockerfile, docker run, uv) say why, on the page.
  const UNTESTED_ONLY = ['docker', 'containers', 'virtual-environments'];
  it.each(WITH_EXAMPLES)(
    '%s shows at least one example, run by the examples suite or marked untested',
    (slug) => {
      const t = bySlug.get(slug)!;
      expect(t.blocks.filter((b) => b.kind === 'code').length).toBeGreaterThan(0);
      const source = readFileSync(join('content', t.file), 'utf8');
      expect(source).toMatch(
        UNTESTED_ONLY.includes(slug)
          ? /^```\w+ [^\n]*untested="[^"]+"/m
          : /^```[\w.-]+ [^\n]*test="[a-z0-9-]+"/m
      );
    }
  );

  it('reaches every topic from the hub', () => {
    expect(unreachableFrom(content.topics, 'deployment')).toEqual([]);
  });

  it('has a hub page carrying the seed page items', () => {
    const hub = bySlug.get('deployment')!;
    expect(hub.examples.map((e) => e.name.toLowerCase())).toEqual(
      expect.arrayContaining(['teletraan', 'pants', 'screwdriver'])
    );
    const text = hub.text.toLowerCase();
    const order = [
      'bare metal',
      'virtualized',
      'infrastructure-as-a-service',
      'platform-as-a-service'
    ].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const path = hub.blocks.find((b) => b.kind === 'list' && b.ordered);
    expect(
      path &&
        path.kind === 'list' &&
        path.items.map((runs) => runs.filter((r) => r.href).map((r) => r.href))
    ).toEqual([
      ['/topics/platform-as-a-service/'],
      ['/topics/servers/'],
      ['/topics/operating-systems/', '/topics/web-servers/', '/topics/wsgi-servers/']
    ]);
  });

  // The fifteen resources of the seed page (shared/deployment-map.md), by a part of their
  // address that survives a move, plus Screwdriver's introduction post.
  const SEED_RESOURCES: [string, RegExp][] = [
    ['Hello, production', /blog\.thepete\.net\/blog\/2019\/10\/04\/hello-production/],
    [
      'Automated Continuous Deployment at Heroku',
      /heroku\.com\/blog\/automated-continuous-deployment-at-heroku/
    ],
    ['Talk Python to Me episode 26', /talkpython\.fm\/episodes\/show\/26\//],
    [
      'Thoughts on web application deployment (archived)',
      /^https:\/\/web\.archive\.org\/web\/\d+\/http:\/\/omniti\.com\/seeds\/thoughts-on-web-application-deployment$/
    ],
    ['Deploying Software', /zachholman\.com\/posts\/deploying-software/],
    [
      'The evolution of code deploys at Reddit',
      /redditinc\.com\/blog\/the-evolution-of-code-deploys-at-reddit/
    ],
    [
      'Deployment strategies defined',
      /blog\.itaysk\.com\/2017\/11\/20\/deployment-strategies-defined/
    ],
    [
      'How we release so frequently',
      /engineering\.skybettingandgaming\.com\/2016\/02\/02\/how-we-release-so-frequently/
    ],
    [
      'Hands-off deployment with Canary',
      /developers\.soundcloud\.com\/blog\/hands-off-deployment-with-canary/
    ],
    [
      'Practical continuous deployment',
      /^https:\/\/blogs\.atlassian\.com\/2014\/04\/practical-continuous-deployment\/$/
    ],
    ['5 ways to deploy your Python application in 2017', /youtube\.com\/watch\?v=vGphzPLemZE/],
    ['Continuous deployment at Instagram', /continuous-deployment-at-instagram-1e18548f01d1/],
    [
      'Stack Overflow: how we do deployment, 2016 edition',
      /nickcraver\.com\/blog\/2016\/05\/03\/stack-overflow-how-we-do-deployment-2016-edition/
    ],
    ['Neal Ford on continuous delivery', /youtube\.com\/watch\?v=RyTqRi4rJbw/],
    ['TestDriven.io', /^https:\/\/testdriven\.io\/$/],
    ['Screwdriver introduction post', /open-sourcing-screwdriver-yahoos-continuous/]
  ];
  it.each(SEED_RESOURCES)(
    'the hub lists the seed resource %s, over https, with a note of our own',
    (_, url) => {
      const found = bySlug.get('deployment')!.resources.filter((r) => url.test(r.url));
      expect(found).toHaveLength(1);
      expect(found[0].url).toMatch(/^https:\/\//);
      expect(found[0].note?.split(/\s+/).length).toBeGreaterThanOrEqual(6);
    }
  );

  it('says on the hub that the OmniTI site is gone and the link is an archived copy', () => {
    const omniti = bySlug.get('deployment')!.resources.find((r) => r.url.includes('omniti.com'))!;
    expect(omniti.note).toMatch(/gone/);
    expect(omniti.note).toMatch(/Internet Archive/);
  });

  // Plain http where https works is a content error; these have no https (reason given).
  const HTTP_ALLOWED: Record<string, string> = {};
  it('links nowhere over plain http, in frontmatter or prose, but the listed exceptions', () => {
    const http: string[] = [];
    const visit = (slug: string, href: string | undefined) => {
      if (href && /^http:/i.test(href) && !(href in HTTP_ALLOWED)) http.push(`${slug}: ${href}`);
    };
    for (const t of content.topics) {
      for (const l of [...t.examples, ...t.resources]) visit(t.slug, l.url);
      for (const b of t.blocks) {
        const runs = b.kind === 'list' ? b.items.flat() : b.kind === 'code' ? [] : b.runs;
        for (const r of runs) visit(t.slug, r.href);
      }
    }
    expect(http).toEqual([]);
    for (const reason of Object.values(HTTP_ALLOWED)) expect(reason.length).toBeGreaterThan(10);
  });

  it('repeats no sentence across pages', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const t of content.topics)
      for (const s of t.text
        .split(/(?<=[.!?])\s+/)
        .map((x) => x.trim())
        .filter((x) => x.split(/\s+/).length >= 8)) {
        const other = seen.get(s);
        if (other && other !== t.slug) repeats.push(`${t.slug} and ${other}: ${s}`);
        seen.set(s, t.slug);
      }
    expect(repeats).toEqual([]);
  });
});
