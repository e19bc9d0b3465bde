import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_RULES, loadContent } from '../../src/lib/content/loadContent.ts';
import { unreachableFrom } from '../../src/lib/content/reachability.ts';

// The spec (shared/deployment-map.md): every topic and every labelled flow arrow.
const SLUGS = `deployment servers bare-metal-servers virtual-private-servers infrastructure-as-a-service
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
  'hosted-services': ['logging', 'web-analytics', 'monitoring', 'content-delivery-networks', 'web-apis', 'source-control', 'package-index']
};

// Published pages also say of every code block whether the examples suite runs it.
const content = loadContent('content', { ...CONTENT_RULES, markedCode: true });
const bySlug = new Map(content.topics.map((t) => [t.slug, t]));

describe('the real content', () => {
  it('has exactly the 50 topics of the spec', () => {
    expect(content.topics.map((t) => t.slug).sort()).toEqual([...SLUGS].sort());
  });

  it('carries every spec arrow on the topic it starts from, and no others', () => {
    const arrows = content.topics.flatMap((t) => t.arrows.map((a) => `${t.slug}>${a.to}:${a.label}`));
    expect(arrows.sort()).toEqual([...ARROWS].sort());
  });

  it.each(content.topics.map((t) => [t.slug, t] as const))('%s: 150–700 words, 2–6 related, a one-sentence summary', (_, t) => {
    expect(t.wordCount).toBeGreaterThanOrEqual(150);
    expect(t.wordCount).toBeLessThanOrEqual(700);
    expect(t.related.length).toBeGreaterThanOrEqual(2);
    expect(t.related.length).toBeLessThanOrEqual(6);
    expect(t.summary).toMatch(/^[\p{L}\p{N}].{20,240}[.!?]$/u);
    for (const link of [...t.examples, ...t.resources]) expect(link.url).toMatch(/^https?:\/\//);
  });

  it('places the regions as the spec says', () => {
    for (const [region, slugs] of Object.entries(REGIONS)) for (const s of slugs) expect(bySlug.get(s)?.parent).toBe(region);
    expect(bySlug.get('wsgi-servers')?.parent).toBe('operating-systems');
    expect(bySlug.get('web-frameworks')?.parent).toBe('virtual-environments');
    expect(bySlug.get('operating-systems')?.parent).toBe('hosting');
  });

  // Stack pages show a working example (issue 14), run by the examples suite or marked.
  const WITH_EXAMPLES = `nginx apache-http-server caddy gunicorn uwsgi mod-wsgi asgi-servers wsgi-servers static-content
databases task-queues virtual-environments application-dependencies django flask https platform-as-a-service heroku
docker containers continuous-integration configuration-management serverless aws-lambda`.split(/\s+/);
  // Blocks that cannot run here (a Dockerfile, docker run, uv) say why, on the page.
  const UNTESTED_ONLY = ['docker', 'containers', 'virtual-environments'];
  it.each(WITH_EXAMPLES)('%s shows at least one example, run by the examples suite or marked untested', (slug) => {
    const t = bySlug.get(slug)!;
    expect(t.blocks.filter((b) => b.kind === 'code').length).toBeGreaterThan(0);
    const source = readFileSync(join('content', t.file), 'utf8');
    expect(source).toMatch(UNTESTED_ONLY.includes(slug) ? /^```\w+ [^\n]*untested="[^"]+"/m : /^```[\w.-]+ [^\n]*test="[a-z0-9-]+"/m);
  });

  it('reaches every topic from the hub', () => {
    expect(unreachableFrom(content.topics, 'deployment')).toEqual([]);
  });

  it('has a hub page carrying the seed page items', () => {
    const hub = bySlug.get('deployment')!;
    expect(hub.examples.map((e) => e.name.toLowerCase())).toEqual(expect.arrayContaining(['teletraan', 'pants', 'screwdriver']));
    expect(hub.resources).toHaveLength(11);
    for (const url of ['https://blog.thepete.net/blog/2019/10/04/hello-production/', 'https://testdriven.io/', 'https://zachholman.com/posts/deploying-software'])
      expect(hub.resources.map((r) => r.url)).toContain(url);
    const text = hub.text.toLowerCase();
    const order = ['bare metal', 'virtualized', 'infrastructure-as-a-service', 'platform-as-a-service'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const path = hub.blocks.find((b) => b.kind === 'list' && b.ordered);
    expect(path && path.kind === 'list' && path.items.map((runs) => runs.filter((r) => r.href).map((r) => r.href))).toEqual([
      ['/topics/platform-as-a-service/'],
      ['/topics/servers/'],
      ['/topics/operating-systems/', '/topics/web-servers/', '/topics/wsgi-servers/']
    ]);
  });

  it('repeats no sentence across pages', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const t of content.topics)
      for (const s of t.text.split(/(?<=[.!?])\s+/).map((x) => x.trim()).filter((x) => x.split(/\s+/).length >= 8)) {
        const other = seen.get(s);
        if (other && other !== t.slug) repeats.push(`${t.slug} and ${other}: ${s}`);
        seen.set(s, t.slug);
      }
    expect(repeats).toEqual([]);
  });
});
