import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent, loadTours } from '../../src/lib/content/loadContent.ts';
import {
  ContentValidationError,
  type Content,
  type ContentError
} from '../../src/lib/content/types.ts';
import { validateTours, TOUR_RULES, type TourRules } from '../../src/lib/content/validateTours.ts';
import type { SourceFile } from '../../src/lib/content/validateContent.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const topic = (slug: string, arrows: string[] = []) =>
  ({
    slug,
    arrows: arrows.map((to) => ({ to, label: 'x' }))
  }) as unknown as Content['topics'][number];
const content = {
  frame: { groups: [], boxes: [], learningPath: [] },
  topics: [topic('a', ['b']), topic('b', ['a']), topic('c')]
} as Content;

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const FM = '---\ntitle: A tour\npromise: It teaches a thing.\n---\n';
const STEP = `## First\n\ntopics: a, b\narrows: a → b\n\n${words(45)}\n`;
const tour = (body: string, fm = FM, path = 'tours/t.md'): SourceFile => ({
  path,
  bytes: enc(fm + body)
});

function errorsOf(files: SourceFile[], rules: TourRules = TOUR_RULES): ContentError[] {
  try {
    validateTours(files, content, rules);
  } catch (e) {
    if (e instanceof ContentValidationError) return e.errors;
    throw e;
  }
  return [];
}

describe('validateTours', () => {
  it('reads steps, topics, arrows, text paragraphs and what breaks, in order', () => {
    const body = `${STEP}\n### What breaks\n\nbroken: b\nsymptom: b -> a\nlog: /var/log/x.log\ncheck: systemctl status x\n\n${words(20)}\n\n## Second\ntopics: c\n\n${words(20)}\n\n${words(25)}\n\n### What breaks\nbroken: c\nlog: l\ncheck: c\n\n${words(16)}\n`;
    const [t] = validateTours(
      [tour(body, '---\ntitle: A tour\npromise: It teaches a thing.\norder: 2\n---\n')],
      content,
      TOUR_RULES
    );
    expect(t).toMatchObject({
      slug: 't',
      title: 'A tour',
      promise: 'It teaches a thing.',
      order: 2
    });
    expect(t.steps.map((s) => s.title)).toEqual(['First', 'Second']);
    expect(t.steps[0]).toMatchObject({
      line: 6,
      topics: ['a', 'b'],
      arrows: [{ from: 'a', to: 'b', id: 'flow:a>b' }]
    });
    expect(t.steps[0].breaks).toMatchObject({
      broken: ['b'],
      symptom: [{ id: 'flow:b>a' }],
      log: '/var/log/x.log',
      check: 'systemctl status x'
    });
    expect(t.steps[1].text).toHaveLength(2);
  });

  it('lists tours by order, then slug', () => {
    const files = [
      tour(STEP, FM, 'tours/b.md'),
      tour(STEP, FM.replace('---\n', '---\norder: 1\n'), 'tours/z.md'),
      tour(STEP, FM, 'tours/a.md')
    ];
    expect(validateTours(files, content).map((t) => t.slug)).toEqual(['z', 'a', 'b']);
  });

  // Line numbers count from the top of the file: the frontmatter is lines 1 to 4.
  const cases: [string, SourceFile[], Partial<ContentError>[]][] = [
    [
      'an unknown topic',
      [tour('## S\ntopics: a, ghost\n\n' + words(45))],
      [{ file: 'tours/t.md', line: 6, field: 'steps[0].topics', message: 'unknown topic "ghost"' }]
    ],
    [
      'an arrow no topic draws',
      [tour('## S\ntopics: c\narrows: a → c\n\n' + words(45))],
      [
        {
          line: 7,
          field: 'steps[0].arrows',
          message: expect.stringContaining('unknown arrow "a → c"')
        }
      ]
    ],
    [
      'an arrow to an unknown topic',
      [tour('## S\ntopics: a\narrows: a → ghost\n\n' + words(45))],
      [{ line: 7, message: expect.stringContaining('unknown topic "ghost"') }]
    ],
    [
      'an arrow that is not "from → to"',
      [tour('## S\ntopics: a\narrows: a b\n\n' + words(45))],
      [{ line: 7, message: expect.stringContaining('is not an arrow') }]
    ],
    [
      'a step without text',
      [tour('## S\ntopics: a\n\n## T\ntopics: b\n\n' + words(45))],
      [{ line: 5, field: 'steps[0].text', message: expect.stringContaining('empty step text') }]
    ],
    [
      'a step without topics',
      [tour('## S\n\n' + words(45))],
      [{ line: 5, field: 'steps[0].topics', message: expect.stringContaining('missing "topics:"') }]
    ],
    [
      'a tour without steps',
      [tour('\n')],
      [{ field: 'steps', message: expect.stringContaining('at least one step') }]
    ],
    [
      'a topic listed twice in a step',
      [tour('## S\ntopics: a, a\n\n' + words(45))],
      [{ line: 6, message: 'lists "a" twice' }]
    ],
    [
      'a duplicate tour slug',
      [tour(STEP, FM, 'tours/t.md'), tour(STEP, FM, 'tours/more/t.md')],
      [{ file: 'tours/t.md', message: expect.stringContaining('duplicate tour slug "t"') }]
    ],
    [
      'a file name that is not a slug',
      [tour(STEP, FM, 'tours/Bad_Tour.md')],
      [{ file: 'tours/Bad_Tour.md', message: expect.stringContaining('not a slug') }]
    ],
    [
      'too few words',
      [tour('## S\ntopics: a\n\n' + words(12))],
      [{ line: 5, message: 'step text has 12 words; expected 40 to 120' }]
    ],
    [
      'too many words',
      [tour('## S\ntopics: a\n\n' + words(130))],
      [{ line: 5, message: 'step text has 130 words; expected 40 to 120' }]
    ],
    [
      'raw HTML in the text',
      [tour(`## S\ntopics: a\n\n${words(45)}\n<script>alert(1)</script>`)],
      [{ line: 9, field: 'body', message: expect.stringContaining('raw HTML') }]
    ],
    [
      'braces in the text',
      [tour(`## S\ntopics: a\n\n${words(45)} {x}`)],
      [{ line: 8, message: expect.stringContaining('curly braces') }]
    ],
    [
      'a markdown link in the text',
      [tour(`## S\ntopics: a\n\n${words(45)} [x](/topics/a/)`)],
      [{ line: 8, message: expect.stringContaining('links are not allowed') }]
    ],
    [
      'text before the first step',
      [tour(`Intro.\n\n${STEP}`)],
      [{ line: 5, message: expect.stringContaining('text before the first step') }]
    ],
    [
      'an unknown heading',
      [tour(`${STEP}\n### Notes\n`)],
      [{ line: 12, message: expect.stringContaining('unexpected heading') }]
    ],
    [
      'a field after the text',
      [tour(`${STEP}arrows: b → a\n`)],
      [{ line: 11, field: 'arrows', message: 'fields come before the text of their section' }]
    ],
    [
      'a repeated field',
      [tour(`## S\ntopics: a\ntopics: b\n\n${words(45)}`)],
      [{ line: 7, message: 'repeated field' }]
    ],
    [
      'a break field in the step part',
      [tour(`## S\ntopics: a\nlog: x\n\n${words(45)}`)],
      [
        {
          line: 7,
          field: 'log',
          message: expect.stringContaining('belongs under "### What breaks"')
        }
      ]
    ],
    [
      'what breaks without its log and check',
      [tour(`${STEP}\n### What breaks\nbroken: b\n\n${words(20)}\n`)],
      [
        { line: 12, field: 'steps[0].log', message: 'missing "log:" line' },
        { line: 12, field: 'steps[0].check', message: 'missing "check:" line' }
      ]
    ],
    [
      'what breaks on an unknown topic',
      [tour(`${STEP}\n### What breaks\nbroken: ghost\nlog: l\ncheck: c\n\n${words(20)}\n`)],
      [{ line: 13, field: 'steps[0].broken', message: 'unknown topic "ghost"' }]
    ],
    [
      'what breaks on some steps only',
      [
        tour(
          `${STEP}\n### What breaks\nbroken: b\nlog: l\ncheck: c\n\n${words(20)}\n\n## Two\ntopics: c\n\n${words(45)}\n`
        )
      ],
      [
        {
          line: 19,
          field: 'steps[1]',
          message: expect.stringContaining('says what breaks on 1 of 2 steps')
        }
      ]
    ],
    [
      'a missing promise',
      [tour(STEP, '---\ntitle: T\n---\n')],
      [{ field: 'promise', message: 'missing required field' }]
    ],
    [
      'an unknown frontmatter field',
      [tour(STEP, '---\ntitle: T\npromise: P.\ncolour: red\n---\n')],
      [{ field: 'colour', line: 4 }]
    ],
    [
      'an order that is not a number',
      [tour(STEP, '---\ntitle: T\npromise: P.\norder: first\n---\n')],
      [{ field: 'order', line: 4, message: 'must be a whole number' }]
    ],
    [
      'no frontmatter',
      [{ path: 'tours/t.md', bytes: enc(STEP) }],
      [{ line: 1, message: expect.stringContaining('missing YAML frontmatter') }]
    ],
    [
      'malformed YAML',
      [tour(STEP, '---\ntitle: [unclosed\n---\n')],
      [{ message: expect.stringContaining('invalid YAML') }]
    ],
    [
      'bytes that are not UTF-8',
      [{ path: 'tours/t.md', bytes: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff]) }],
      [{ message: 'file is not valid UTF-8 text' }]
    ]
  ];

  it.each(cases)('refuses %s, naming file and line', (_, files, expected) => {
    const errors = errorsOf(files);
    expect(errors).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(errors[i]).toMatchObject({ file: 'tours/t.md', ...e }));
  });

  it('shows the offending source line under the message', () => {
    const [e] = errorsOf([tour('## S\ntopics: a, ghost\n\n' + words(45))]);
    expect(e.source).toBe('topics: a, ghost');
  });
});

describe('validateTours, message by message', () => {
  const BREAKS = `\n### What breaks\nbroken: b\nlog: l\ncheck: c\n\n${words(20)}\n`;
  const front = (lines: string) => `---\n${lines}\n---\n`;
  const cases: [string, SourceFile[], Partial<ContentError>[]][] = [
    [
      'a blank title',
      [tour(STEP, front('title: "  "\npromise: P.'))],
      [{ field: 'title', line: 2, message: 'must be a non-empty string' }]
    ],
    [
      'a title that is a number',
      [tour(STEP, front('title: 5\npromise: P.'))],
      [{ field: 'title', line: 2, message: 'must be a non-empty string' }]
    ],
    [
      'a promise on two lines',
      [tour(STEP, front('title: T\npromise: "One.\\nTwo."'))],
      [{ field: 'promise', line: 3, message: 'must be one line' }]
    ],
    [
      'a link in the title',
      [tour(STEP, front('title: See [the guide](/x/)\npromise: P.'))],
      [
        {
          field: 'title',
          line: 2,
          message: "links are not allowed in tour text: name the topic in the step's topics instead"
        }
      ]
    ],
    [
      'an order that is not whole',
      [tour(STEP, front('title: T\npromise: P.\norder: 1.5'))],
      [{ field: 'order', line: 4, message: 'must be a whole number' }]
    ],
    [
      'an unknown frontmatter field',
      [tour(STEP, front('title: T\npromise: P.\ncolour: red'))],
      [{ field: 'colour', line: 4, message: 'unknown field (allowed: title, promise, order)' }]
    ],
    [
      'what breaks, twice in one step',
      [tour(`${STEP}${BREAKS}${BREAKS}`)],
      [{ field: 'body', line: 19, message: '"### What breaks" appears twice in this step' }]
    ],
    [
      'what breaks before any step',
      [tour(`### What breaks\n\n${STEP}`)],
      [
        {
          field: 'body',
          line: 5,
          message:
            'unexpected heading: a step starts with "## <title>" and may hold one "### What breaks"'
        }
      ]
    ],
    [
      "a heading deeper than a step's",
      [tour(`${STEP}#### Deep\n`)],
      [{ field: 'body', line: 11, message: expect.stringContaining('unexpected heading') }]
    ],
    [
      'a step heading with no title',
      [tour(`${STEP}##\n## \n`)],
      [
        { field: 'body', line: 11, message: expect.stringContaining('unexpected heading') },
        { field: 'body', line: 12, message: expect.stringContaining('unexpected heading') }
      ]
    ],
    [
      'text before the first step',
      [tour(`Intro.\n\n${STEP}`)],
      [
        {
          field: 'body',
          line: 5,
          message: 'text before the first step: every line belongs to a "## <title>" step'
        }
      ]
    ],
    [
      'a step with no topics line',
      [tour(`## S\n\n${words(45)}`)],
      [
        {
          field: 'steps[0].topics',
          line: 5,
          message: 'missing "topics:" line (the topics this step lights, by slug)'
        }
      ]
    ],
    [
      'what breaks with no broken line',
      [tour(`${STEP}\n### What breaks\nlog: l\ncheck: c\n\n${words(20)}\n`)],
      [
        {
          field: 'steps[0].broken',
          line: 12,
          message: 'missing "broken:" line (the topics this failure breaks, by slug)'
        }
      ]
    ],
    [
      'a step field under what breaks',
      [tour(`${STEP}\n### What breaks\ntopics: a\nbroken: b\nlog: l\ncheck: c\n\n${words(20)}\n`)],
      [
        {
          field: 'topics',
          line: 13,
          message: '"topics" belongs to the step, above "### What breaks"'
        }
      ]
    ],
    [
      'a break field in the step',
      [tour(`## S\ntopics: a\nbroken: a\n\n${words(45)}`)],
      [{ field: 'broken', line: 7, message: '"broken" belongs under "### What breaks"' }]
    ],
    [
      'an arrow listed twice',
      [tour(`## S\ntopics: a\narrows: a → b, a -> b\n\n${words(45)}`)],
      [{ field: 'steps[0].arrows', line: 7, message: 'lists "a → b" twice' }]
    ],
    [
      'an arrow between two unknown topics',
      [tour(`## S\ntopics: a\narrows: x → y\n\n${words(45)}`)],
      [{ line: 7, message: 'arrow "x → y" names unknown topics "x", "y"' }]
    ],
    [
      'an arrow with no start',
      [tour(`## S\ntopics: a\narrows: -> b\n\n${words(45)}`)],
      [{ line: 7, message: '"-> b" is not an arrow: write "from → to" with topic slugs' }]
    ],
    [
      'a what-breaks text too short',
      [tour(`${STEP}\n### What breaks\nbroken: b\nlog: l\ncheck: c\n\n${words(14)}\n`)],
      [{ line: 12, message: '"What breaks" text has 14 words; expected 15 to 120' }]
    ]
  ];

  it.each(cases)('refuses %s with that exact message', (_, files, expected) => {
    expect(errorsOf(files)).toMatchObject(expected.map((e) => ({ file: 'tours/t.md', ...e })));
  });

  it('takes step texts at the word bounds, fields written tightly, either arrow, joined lines', () => {
    const body = `##   Spaced title  \ntopics:a ,  b\narrows:a→b,b -> a\n\n${words(20)}\n${words(20)}\n\n${words(80)}\n`;
    const [t] = validateTours([tour(body)], content, TOUR_RULES);
    const [step] = t.steps;
    expect(step.title).toBe('Spaced title');
    expect(step.topics).toEqual(['a', 'b']);
    expect(step.arrows.map((a) => a.id)).toEqual(['flow:a>b', 'flow:b>a']);
    // Lines of one paragraph join with a space; a blank line starts the next.
    expect(step.text).toEqual([`${words(20)} ${words(20)}`, words(80)]);
    expect(errorsOf([tour(`## S\ntopics: a\n\n${words(40)}`)])).toEqual([]);
    expect(errorsOf([tour(`## S\ntopics: a\n\n${words(120)}`)])).toEqual([]);
    const tight = `${STEP}\n### What breaks\nbroken:b\nlog:   /var/log/x  \ncheck: c\n\n${words(15)}\n`;
    const [b] = validateTours([tour(tight)], content, TOUR_RULES)[0].steps;
    expect(b.breaks).toMatchObject({ broken: ['b'], log: '/var/log/x', check: 'c' });
  });
});

describe('loadTours', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tours-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads content/tours/ and refuses anything there but <slug>.md files', () => {
    mkdirSync(join(dir, 'tours/nested'), { recursive: true });
    writeFileSync(join(dir, 'tours/ok.md'), FM + STEP);
    writeFileSync(join(dir, 'tours/notes.txt'), 'x');
    expect(() => loadTours(dir, content)).toThrow(ContentValidationError);
    try {
      loadTours(dir, content);
    } catch (e) {
      expect((e as ContentValidationError).errors.map((x) => x.file)).toEqual([
        'tours/nested',
        'tours/notes.txt'
      ]);
    }
  });

  it('has no tours when there is no tours/ folder', () => {
    expect(loadTours(join(dir, 'nowhere'), content)).toEqual([]);
  });
});

describe('the real tours', () => {
  const real = loadContent('content');
  const tours = loadTours('content', real);
  const bySlug = Object.fromEntries(tours.map((t) => [t.slug, t]));

  it('are the four of the issue, in order', () => {
    expect(tours.map((t) => t.slug)).toEqual([
      'follow-a-request',
      'git-push-to-paas',
      'your-first-server',
      'ship-with-containers'
    ]);
  });

  it('follow a request in 8 to 10 steps, from the browser to the database and back', () => {
    const steps = bySlug['follow-a-request'].steps;
    expect(steps.length).toBeGreaterThanOrEqual(8);
    expect(steps.length).toBeLessThanOrEqual(10);
    const lit = steps.map((s) => s.topics);
    expect(lit[0]).toContain('web-browsers');
    expect(lit.findIndex((t) => t.includes('databases'))).toBeGreaterThan(
      lit.findIndex((t) => t.includes('wsgi-servers'))
    );
    expect(lit.some((t) => t.includes('monitoring') && t.includes('logging'))).toBe(true);
  });

  it.each(['follow-a-request', 'your-first-server'])(
    '%s says what breaks on every step, with a log and a command',
    (slug) => {
      for (const step of bySlug[slug].steps) {
        expect(step.breaks?.broken.length).toBeGreaterThan(0);
        expect(step.breaks?.log).not.toBe('');
        expect(step.breaks?.check).not.toBe('');
      }
    }
  );

  it('name the failures the issue asks for: 502, 504, a static 404 and a database 500', () => {
    const text = bySlug['follow-a-request'].steps.map((s) => s.breaks!.text.join(' ')).join(' ');
    for (const symptom of ['502 Bad Gateway', '504 Gateway Timeout', '404 Not Found', '500'])
      expect(text).toContain(symptom);
  });
});
