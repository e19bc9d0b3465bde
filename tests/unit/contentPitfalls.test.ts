import { describe, expect, it } from 'vitest';
import { CONTENT_RULES, loadContent } from '../../src/lib/content/loadContent.ts';
import type { InlineRun, Topic } from '../../src/lib/content/types.ts';

// A pitfall that several pages share is explained on one page, its home (issue 14).
// Elsewhere it may appear as one short sentence in a paragraph or list item that
// links to the home. Each pitfall is recognised by words that all occur in one
// sentence of its explanation; add a row here when a new shared pitfall gets a home.
export const SHARED_PITFALLS = [
  {
    pitfall: 'uploads on local disk',
    home: 'static-content',
    words: [/\b(uploads?|user files|media files)\b/i, /\b(disk|file ?system|dyno|\/tmp)\b/i]
  },
  {
    pitfall: 'trusting forwarded headers',
    home: 'web-servers',
    words: [
      /forwarded|ProxyFix|PROXY_SSL_HEADER|trusted_proxies|proxy headers/i,
      /trust|believe|forge|fake|spoof|anyone|any source|only from|hops?\b/i
    ]
  },
  {
    pitfall: 'secrets in the repository',
    home: 'source-control',
    words: [
      /secret|key|password|credential/i,
      /commit|repositor/i,
      /history|rotat|scan|forge|copy/i
    ]
  },
  {
    pitfall: 'migrations the old release cannot survive',
    home: 'deployment-strategies',
    words: [
      /migration|schema|column/i,
      /\b(old|previous|running) (version|release|code)|two versions|expand/i
    ]
  },
  {
    pitfall: 'exhausting database connections',
    home: 'databases',
    words: [
      /connection/i,
      /exhaust|running out|connection limit|max_connections|hundreds of|multiplied|PgBouncer|RDS Proxy|pooler/i
    ]
  }
] as const;

const MAX_WORDS = 35;

interface Sentence {
  slug: string;
  text: string;
  hrefs: string[];
}

/** Prose sentences of a topic, each with the links of the paragraph or list item it sits in. */
function sentencesOf(topic: Topic): Sentence[] {
  const units: InlineRun[][] = topic.blocks.flatMap((b) =>
    b.kind === 'paragraph' ? [b.runs] : b.kind === 'list' ? b.items : []
  );
  return units.flatMap((runs) => {
    const hrefs = runs.flatMap((r) => (r.href ? [r.href] : []));
    const text = runs.map((r) => r.text).join('');
    return text
      .split(/(?<=[.!?])\s+(?=[A-Z`"])/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => ({ slug: topic.slug, text: s, hrefs }));
  });
}

/** Where a shared pitfall is explained again instead of linked: messages naming page and sentence. */
export function repeatedPitfalls(
  topics: Topic[],
  pitfalls: readonly { pitfall: string; home: string; words: readonly RegExp[] }[]
): string[] {
  const problems: string[] = [];
  for (const { pitfall, home, words } of pitfalls) {
    const matching = topics.flatMap(sentencesOf).filter((s) => words.every((w) => w.test(s.text)));
    if (!matching.some((s) => s.slug === home))
      problems.push(`${pitfall}: its home page ${home} no longer explains it`);
    const elsewhere = matching.filter((s) => s.slug !== home);
    const link = `/topics/${home}/`;
    for (const s of elsewhere) {
      const words = s.text.split(/\s+/).length;
      if (!s.hrefs.includes(link))
        problems.push(`${s.slug}.md: "${s.text}" mentions ${pitfall} without linking ${link}`);
      if (words > MAX_WORDS)
        problems.push(
          `${s.slug}.md: "${s.text}" spends ${words} words on ${pitfall}; explain it on ${home} only`
        );
    }
    const perPage = new Map<string, number>();
    for (const s of elsewhere) perPage.set(s.slug, (perPage.get(s.slug) ?? 0) + 1);
    for (const [slug, n] of perPage)
      if (n > 1)
        problems.push(`${slug}.md: ${n} sentences on ${pitfall}; keep one that links ${link}`);
  }
  return problems;
}

describe('shared pitfalls', () => {
  const content = loadContent('content', { ...CONTENT_RULES, markedCode: true });

  it('each live fully on their home page and are only linked from others', () => {
    expect(repeatedPitfalls(content.topics, SHARED_PITFALLS)).toEqual([]);
  });

  it('are still mentioned, with a link, on the pages that share them', () => {
    // The check above passes trivially if a pattern stops matching anything but the home.
    for (const { pitfall, home, words } of SHARED_PITFALLS) {
      const pages = new Set(
        content.topics
          .flatMap(sentencesOf)
          .filter((s) => s.slug !== home && words.every((w) => w.test(s.text)))
          .map((s) => s.slug)
      );
      expect(pages.size, pitfall).toBeGreaterThanOrEqual(2);
    }
  });

  it('catches an explanation copied onto another page', () => {
    const home = content.topics.find((t) => t.slug === 'static-content')!;
    const explanation = sentencesOf(home).find((s) =>
      SHARED_PITFALLS[0].words.every((w) => w.test(s.text))
    )!;
    const copy: Topic = {
      ...content.topics.find((t) => t.slug === 'heroku')!,
      blocks: [
        {
          kind: 'list',
          ordered: false,
          items: [
            [
              {
                text: `${explanation.text} Heroku wipes uploads saved on a dyno's disk at least once a day, and because every other dyno behind the router has a disk of its own, a file saved by one process is invisible to the next request that lands elsewhere, which users notice at once.`
              }
            ]
          ]
        }
      ]
    };
    const problems = repeatedPitfalls([home, copy], [SHARED_PITFALLS[0]]);
    expect(problems).toContainEqual(
      expect.stringMatching(/^heroku\.md: .* without linking \/topics\/static-content\/$/)
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^heroku\.md: .* spends \d+ words on uploads on local disk; explain it on static-content only$/
      )
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^heroku\.md: 2 sentences on uploads on local disk/)
    );
  });
});
