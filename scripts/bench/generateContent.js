// Synthetic content for benchmarks: N valid topics (nested under the real map's boxes
// and under "family" topics, labelled arrows, 2 to 6 related topics, 150 to 400 words
// of varied prose with internal links, examples) plus a `_map.yaml`. Deterministic:
// the same N always writes the same bytes (seeded PRNG, no clock, no Math.random).
//
//   npm run bench:content -- --topics 500 [--out DIR]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small, fast, seedable PRNG (returns floats in [0, 1)). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The real map's frame: the same groups and boxes, so synthetic maps look like the real one.
const BOXES = [
  { id: 'clients', label: 'Clients', group: 'clients', weight: 6 },
  { id: 'practices', label: 'Delivery and operations', group: 'delivery', weight: 26 },
  { id: 'your-deployment', label: 'Your web app deployment', group: 'server-stack', weight: 20 },
  { id: 'hosted-services', label: 'Hosted services (the Internet)', group: 'hosted-services', weight: 18 },
  { id: 'hosting', label: 'Servers / Platform-as-a-Service', group: 'hosting', weight: 14, parent: 'your-deployment' }
];
const GROUPS = [
  ['clients', 'Clients'],
  ['hosted-services', 'Hosted services'],
  ['hosting', 'Hosting'],
  ['server-stack', 'Server stack'],
  ['delivery', 'Delivery and operations']
];

const ADJ = ['async', 'edge', 'managed', 'local', 'shared', 'secure', 'static', 'stateless', 'durable', 'remote', 'hosted', 'open', 'native', 'central', 'private', 'public', 'rolling', 'blue', 'green', 'lean', 'fast', 'cold', 'warm', 'hot', 'batch', 'stream', 'cloud', 'bare', 'virtual', 'light'];
const NOUN = ['cache', 'proxy', 'queue', 'broker', 'worker', 'server', 'gateway', 'registry', 'store', 'index', 'scheduler', 'runner', 'balancer', 'router', 'pipeline', 'monitor', 'tracer', 'logger', 'vault', 'bucket', 'cluster', 'mirror', 'agent', 'daemon', 'builder', 'bundler', 'database', 'replica', 'firewall', 'resolver', 'tunnel', 'webhook', 'sandbox', 'container', 'function'];
const LABELS = ['requests', 'responses', 'deploys to', 'logs to', 'reads', 'writes', 'calls', 'serves', 'caches', 'queues jobs', 'reports to', 'runs on', 'pulls from', 'pushes to', 'notifies'];
const VERB = ['stores', 'forwards', 'checks', 'caches', 'schedules', 'records', 'rewrites', 'signs', 'compresses', 'replicates', 'routes', 'inspects', 'batches', 'retries', 'validates', 'measures'];
const THING = ['requests', 'responses', 'sessions', 'static files', 'log lines', 'metrics', 'background jobs', 'database rows', 'certificates', 'build artefacts', 'configuration values', 'secrets', 'container images', 'health checks', 'release notes', 'user uploads'];
const WHO = ['a small team', 'an operations engineer', 'a solo developer', 'a platform group', 'the on-call person', 'a new contributor', 'a data team', 'a security reviewer'];
const WHEN = ['during a release', 'at peak traffic', 'after a restart', 'on the first deploy', 'when a node fails', 'at night', 'before a migration', 'under load'];
const WHY = ['it keeps latency predictable', 'it removes a manual step', 'failures stay contained', 'the cost stays visible', 'recovery becomes routine', 'nobody has to remember the order', 'it scales without a rewrite', 'the logs tell the whole story'];
const PITFALL = ['Leaving the default timeout in place', 'Running it as the root user', 'Skipping the health check', 'Sharing one credential across environments', 'Logging secrets by accident', 'Forgetting to rotate old keys', 'Pinning nothing and upgrading by surprise', 'Ignoring the slow start after a deploy', 'Keeping state on a disk that is wiped', 'Testing only on a laptop'];
const HEADINGS = [['What it is', 'Overview', 'In short'], ['Why it matters', 'Why it matters in a deployment', 'When you need it'], ['How to choose', 'Choosing one', 'Trade-offs'], ['Common pitfalls', 'Pitfalls', 'What goes wrong'], ['Next to it', 'On the map', 'How it connects']];

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const countWords = (s) => s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

/**
 * Generates the synthetic content model: topics with parent, group, arrows, related,
 * examples and prose. Pure and deterministic for a given `n`.
 */
export function generateTopics(n) {
  if (!Number.isInteger(n) || n < 3) throw new Error(`--topics must be an integer of at least 3 (got ${n})`);
  const rand = prng(0x9e3779b9 ^ n);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const weighted = (xs) => {
    let r = rand() * xs.reduce((s, x) => s + x.weight, 0);
    for (const x of xs) if ((r -= x.weight) < 0) return x;
    return xs[xs.length - 1];
  };

  const topics = [];
  const titles = new Set();
  const open = []; // family topics that still take children
  for (let i = 0; i < n; i++) {
    let title;
    if (i === 0) title = 'Deployment overview';
    else
      for (let k = 0; !title || titles.has(title); k++) {
        const base = `${cap(pick(ADJ))} ${pick(NOUN)}`;
        title = k < 3 ? base : `${base} ${i}`;
      }
    titles.add(title);
    const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    let parent;
    let group;
    let depth = 0;
    let region;
    if (i === 0) {
      parent = 'practices';
      group = 'delivery';
      region = 'practices';
    } else if (open.length && rand() < 0.55) {
      const fam = pick(open);
      parent = fam.slug;
      group = fam.group;
      depth = fam.depth + 1;
      region = fam.region;
      fam.room--;
      if (fam.room <= 0) open.splice(open.indexOf(fam), 1);
    } else {
      const box = weighted(BOXES);
      parent = box.id;
      group = box.group;
      region = box.id;
    }
    const t = { i, slug, title, parent, group, depth, region, arrows: /** @type {{ to: string, label: string }[]} */ ([]), related: /** @type {string[]} */ ([]), room: 0 };
    // Families: about one topic in seven holds 2 to 8 others; at most three topic levels.
    if (i > 0 && depth < 2 && rand() < 0.15) {
      t.room = int(2, 8);
      open.push(t);
    }
    topics.push(t);
  }

  const bySlug = new Map(topics.map((t) => [t.slug, t]));
  const ancestors = (t) => {
    const out = new Set();
    for (let p = bySlug.get(t.parent); p; p = bySlug.get(p.parent)) out.add(p.slug);
    return out;
  };
  const byRegion = new Map();
  for (const t of topics) byRegion.set(t.region, [...(byRegion.get(t.region) ?? []), t]);
  const near = (t) => (rand() < 0.7 ? pick(byRegion.get(t.region)) : pick(topics));

  // Arrows: about 0.6 per topic (the real map has 28 for 50), mostly within a region,
  // never between a topic and what it nests in (or the reverse), never duplicated.
  const arrowKeys = new Set();
  for (const t of topics) {
    if (rand() >= 0.45) continue;
    const want = rand() < 0.3 ? 2 : 1;
    for (let tries = 0; t.arrows.length < want && tries < 10; tries++) {
      const to = near(t);
      const key = `${t.slug}>${to.slug}`;
      if (to === t || arrowKeys.has(key) || ancestors(t).has(to.slug) || ancestors(to).has(t.slug)) continue;
      arrowKeys.add(key);
      t.arrows.push({ to: to.slug, label: pick(LABELS) });
    }
  }

  // Related: 2 to 6, always including an earlier topic so everything reaches the hub.
  for (const t of topics) {
    const want = int(2, 6);
    const set = new Set();
    if (t.i > 0) set.add(topics[Math.floor(rand() * t.i)].slug);
    for (let tries = 0; set.size < want && tries < 50; tries++) {
      const r = near(t);
      if (r !== t) set.add(r.slug);
    }
    t.related = [...set];
  }

  for (const t of topics) {
    t.summary = `${t.title} ${pick(VERB)} ${pick(THING)} for a Python web application, so ${pick(WHY)}.`;
    t.examples = Array.from({ length: int(0, 3) }, (_, k) => ({
      name: `${cap(pick(ADJ))}${cap(pick(NOUN))} ${k + 1}`,
      url: `https://example.org/tools/${t.slug}/${k + 1}`
    }));
    t.body = prose(t, topics, rand, pick, int);
  }
  return topics;
}

function prose(t, topics, rand, pick, int) {
  const target = int(170, 350);
  const links = [...t.related.slice(0, 2), ...(t.arrows[0] ? [t.arrows[0].to] : [])];
  const link = (slug) => {
    const other = topics.find((x) => x.slug === slug);
    return `[${other.title.toLowerCase()}](/topics/${slug}/)`;
  };
  const sentence = () => {
    const forms = [
      () => `${t.title} ${pick(VERB)} ${pick(THING)} ${pick(WHEN)}, and ${pick(WHY)}.`,
      () => `For ${pick(WHO)}, the main reason to use it is that ${pick(WHY)}.`,
      () => `It usually ${pick(VERB)} ${pick(THING)} before anything else ${pick(VERB)} ${pick(THING)}.`,
      () => `Expect to revisit its settings ${pick(WHEN)}, because defaults rarely fit every project.`,
      () => `A common setup ${pick(VERB)} ${pick(THING)} in one place and ${pick(VERB)} ${pick(THING)} in another.`,
      () => `Measure it ${pick(WHEN)} rather than guessing; ${pick(WHO)} can read the numbers in minutes.`
    ];
    return pick(forms)();
  };
  const sections = [];
  let words = 0;
  for (let s = 0; s < 5; s++) {
    const heading = `## ${pick(HEADINGS[s])}`;
    const left = Math.max(0, target - words);
    const share = s === 4 ? left : Math.round(left / (5 - s));
    let text;
    if (s === 3) {
      const items = [];
      let w = 0;
      while (w < share || items.length < 2) {
        const item = `- ${pick(PITFALL)} ${pick(WHEN)}, so ${pick(WHY).replace(/^it /, 'the fix ')}.`;
        items.push(item);
        w += countWords(item);
      }
      text = items.join('\n');
    } else {
      const parts = [];
      let w = 0;
      if (links[s]) {
        const first = `See ${link(links[s])} for what it works with.`;
        parts.push(first);
        w += countWords(first);
      }
      while (w < share) {
        const x = sentence();
        parts.push(x);
        w += countWords(x);
      }
      text = parts.join(' ');
    }
    words += countWords(text);
    sections.push(`${heading}\n\n${text}`);
  }
  return sections.join('\n\n');
}

const yamlString = (s) => `'${s.replace(/'/g, "''")}'`;

/** The markdown file for one topic (frontmatter in the documented order, then prose). */
export function topicMarkdown(t) {
  const lines = ['---', `title: ${yamlString(t.title)}`, `summary: ${yamlString(t.summary)}`, `group: ${t.group}`, `parent: ${t.parent}`];
  if (t.arrows.length) {
    lines.push('arrows:');
    for (const a of t.arrows) lines.push(`  - to: ${a.to}`, `    label: ${yamlString(a.label)}`);
  }
  lines.push(`related: [${t.related.join(', ')}]`);
  lines.push('reviewed: 2026-11-01');
  if (t.examples.length) {
    lines.push('examples:');
    for (const e of t.examples) lines.push(`  - name: ${yamlString(e.name)}`, `    url: ${e.url}`);
  }
  lines.push('---', '', t.body, '');
  return lines.join('\n');
}

/** The `_map.yaml` frame: the real groups and boxes, the synthetic hub and a short path. */
export function frameYaml(topics) {
  const out = [`# Synthetic benchmark content: ${topics.length} topics.`, `hub: ${topics[0].slug}`, 'groups:'];
  for (const [id, label] of GROUPS) out.push(`  - id: ${id}`, `    label: ${label}`);
  out.push('boxes:');
  for (const b of BOXES) {
    out.push(`  - id: ${b.id}`, `    label: ${b.label}`);
    if (b.parent) out.push(`    parent: ${b.parent}`);
  }
  out.push('learningPath:', ...topics.slice(1, 4).map((t) => `  - [${t.slug}]`), '');
  return out.join('\n');
}

/** Writes N topics and `_map.yaml` into `out` (emptied first); returns the folder. */
export function writeContent(n, out) {
  const dir = resolve(out ?? mkdtempSync(join(tmpdir(), `dm-bench-content-${n}-`)));
  // Only ever empty a folder that holds nothing but content files (never a mistyped --out).
  if (existsSync(dir)) {
    const foreign = readdirSync(dir).filter((f) => !f.endsWith('.md') && f !== '_map.yaml');
    if (foreign.length) throw new Error(`refusing to empty ${dir}: it holds ${foreign.slice(0, 3).join(', ')}, not only content files`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  const topics = generateTopics(n);
  for (const t of topics) writeFileSync(join(dir, `${t.slug}.md`), topicMarkdown(t));
  writeFileSync(join(dir, '_map.yaml'), frameYaml(topics));
  return dir;
}

function arg(args, name) {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].split('=').slice(1).join('=') : args[i + 1];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const n = Number(arg(args, 'topics') ?? 500);
  try {
    const dir = writeContent(n, arg(args, 'out'));
    console.log(dir);
  } catch (e) {
    console.error(/** @type {Error} */ (e).message);
    process.exit(1);
  }
}
