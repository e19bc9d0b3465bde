// @vitest-environment node
// Hostile and broken input: every case ends in a clear ContentValidationError naming the
// file (and line where there is one) or in a safe result, never in another exception.
// Cases already in validateContent.test.ts (the basic ones) are not repeated here.
import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_BYTES,
  validateContent,
  type SourceFile
} from '../../src/lib/content/validateContent.ts';
import { ContentValidationError, type ContentError } from '../../src/lib/content/types.ts';
import { mapHref, resolveRoute } from '../../src/lib/routes.ts';
import {
  buildSearchIndex,
  MAX_QUERY_LENGTH,
  searchTopics
} from '../../src/lib/search/searchIndex.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const FRAME =
  'hub: a\ngroups:\n  - id: g\n    label: G\nboxes:\n  - id: r\n    label: R\nlearningPath:\n  - [a]\n';
const frame: SourceFile = { path: '_map.yaml', bytes: enc(FRAME) };
/** Topic `a` (valid) with extra frontmatter lines and a body; the body starts on line 8 + extra lines. */
const topicA = (body = 'Some prose here.', extraFrontmatter = '') => ({
  path: 'a.md',
  bytes: enc(
    `---\ntitle: A\nsummary: S\ngroup: g\nparent: r\nrelated: []\nreviewed: 2026-11-01\n${extraFrontmatter}---\n\n${body}\n`
  )
});
const raw = (text: string, path = 'a.md'): SourceFile => ({ path, bytes: enc(text) });

/** The errors validation reports; fails the test if it throws anything else. */
function errorsOf(files: SourceFile[], f: SourceFile = frame): ContentError[] {
  try {
    validateContent(f, files);
    return [];
  } catch (e) {
    if (e instanceof ContentValidationError) return e.errors;
    throw new Error(
      `validateContent threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message} instead of a ContentValidationError`
    );
  }
}
const own = (errors: ContentError[]) => errors.filter((e) => e.file === 'a.md');

describe('malformed YAML gets file, line and a plain message', () => {
  it.each<[string, SourceFile, Partial<ContentError>]>([
    [
      'an unclosed flow list',
      raw('---\ntitle: A\nsummary: [unclosed\n---\nx'),
      { line: 3, message: expect.stringMatching(/^invalid YAML: /) }
    ],
    [
      'tab indentation',
      raw('---\ntitle: A\nrelated:\n\t- b\n---\nx'),
      { line: 4, message: expect.stringContaining('Tabs') }
    ],
    [
      'a duplicated key',
      raw('---\ntitle: A\ntitle: B\n---\nx'),
      { line: 3, message: expect.stringContaining('unique') }
    ],
    [
      'a list instead of a mapping',
      raw('---\n- a\n- b\n---\nx'),
      { message: 'frontmatter must be a mapping of fields' }
    ],
    [
      'a scalar instead of a mapping',
      raw('---\njust words\n---\nx'),
      { message: 'frontmatter must be a mapping of fields' }
    ],
    [
      'frontmatter never closed',
      raw('---\ntitle: A\nsummary: S\n'),
      { line: 1, message: expect.stringContaining('missing YAML frontmatter') }
    ],
    [
      'an empty file',
      raw(''),
      { line: 1, message: expect.stringContaining('missing YAML frontmatter') }
    ],
    [
      'an unquoted colon in a value',
      raw('---\ntitle: A: B: C\n---\nx'),
      { line: 2, message: expect.stringMatching(/^invalid YAML: /) }
    ]
  ])('%s', (_, file, expected) => {
    expect(own(errorsOf([file]))).toContainEqual(
      expect.objectContaining({ file: 'a.md', ...expected })
    );
  });

  it('names _map.yaml when the frame itself is malformed', () => {
    const errors = errorsOf([topicA()], raw('groups: [unclosed\nboxes: []\n', '_map.yaml'));
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: '_map.yaml',
        line: expect.any(Number),
        message: expect.stringMatching(/^invalid YAML/)
      })
    );
  });

  it('a __proto__ key is an unknown field, and pollutes nothing', () => {
    const errors = errorsOf([topicA('x', '__proto__: { polluted: true }\n')]);
    expect(own(errors)).toContainEqual(
      expect.objectContaining({
        field: '__proto__',
        message: expect.stringContaining('unknown field')
      })
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a YAML alias bomb is refused as content, naming the file ', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdef'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)
    ].join('\n');
    const errors = errorsOf([topicA('x', `${bomb}\n`)]);
    expect(own(errors).some((e) => /alias/i.test(e.message))).toBe(true);
  });
});

describe('a missing or empty title is reported at its field', () => {
  it.each<[string, string, Partial<ContentError>]>([
    ['an empty value', 'title:\n', { field: 'title', message: 'missing required field' }],
    ['an explicit null', 'title: null\n', { field: 'title', message: 'missing required field' }],
    [
      'only spaces',
      'title: "   "\n',
      { field: 'title', line: 2, message: 'must be a non-empty string' }
    ],
    ['a number', 'title: 42\n', { field: 'title', line: 2, message: 'must be a non-empty string' }],
    [
      'a list',
      'title: [a, b]\n',
      { field: 'title', line: 2, message: 'must be a non-empty string' }
    ]
  ])('%s', (_, titleLine, expected) => {
    const file = raw(
      `---\n${titleLine}summary: S\ngroup: g\nparent: r\nrelated: []\nreviewed: 2026-11-01\n---\n\nProse.\n`
    );
    expect(own(errorsOf([file]))).toContainEqual(expect.objectContaining(expected));
  });
});

describe('huge files', () => {
  it('accepts a file of exactly the size limit and refuses one byte more, with both sizes', () => {
    const head =
      '---\ntitle: A\nsummary: S\ngroup: g\nparent: r\nrelated: []\nreviewed: 2026-11-01\n---\n\n';
    const atLimit =
      head +
      'word '
        .repeat(Math.floor((MAX_FILE_BYTES - head.length) / 5))
        .padEnd(MAX_FILE_BYTES - head.length, 'x');
    expect(enc(atLimit).length).toBe(MAX_FILE_BYTES);
    expect(errorsOf([raw(atLimit)])).toEqual([]);
    const over = own(errorsOf([raw(`${atLimit}y`)]));
    expect(over).toEqual([
      {
        file: 'a.md',
        field: undefined,
        line: undefined,
        message: `file is ${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES}`
      }
    ]);
  });

  it('a gigantic file is refused by its size before it is decoded or parsed', () => {
    const bytes = new Uint8Array(64 * 1024 * 1024).fill(0xff); // 64 MB, and not even UTF-8
    const errors = own(errorsOf([{ path: 'a.md', bytes }]));
    // Only the size is named: decoding it would also have said it is not UTF-8.
    expect(errors.map((e) => e.message)).toEqual([
      `file is ${bytes.length} bytes; the limit is ${MAX_FILE_BYTES}`
    ]);
  });

  it('deeply nested quotes (5,000 ">", a 5 KB file) are refused as content ', () => {
    // Today the prose parser overflows the stack: a RangeError with no file name.
    const errors = own(errorsOf([topicA(`${'>'.repeat(5000)} deep`)]));
    expect(errors).toContainEqual(expect.objectContaining({ file: 'a.md', field: 'body' }));
  });
});

describe('a topic linking to itself', () => {
  it('an arrow to its own topic is refused at its line', () => {
    const errors = own(errorsOf([topicA('x', 'arrows:\n  - to: a\n    label: itself\n')]));
    expect(errors).toContainEqual({
      file: 'a.md',
      field: 'arrows[0].to',
      line: 9,
      message: 'an arrow cannot point at its own topic',
      source: '  - to: a'
    });
  });

  it('being its own parent is refused (and reported as a one-topic cycle)', () => {
    const errors = errorsOf([
      raw(
        '---\ntitle: A\nsummary: S\ngroup: g\nparent: a\nrelated: []\nreviewed: 2026-11-01\n---\nx'
      )
    ]);
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: 'a.md',
        field: 'parent',
        line: 5,
        message: 'a topic cannot be its own parent'
      })
    );
    expect(errors.some((e) => /cycle/.test(e.message))).toBe(true);
  });

  it('a prose link to its own page is allowed: it is a working link, not a loop', () => {
    const { topics } = validateContent(frame, [topicA('See [this page](/topics/a/) again.')]);
    expect(topics[0].blocks).toEqual([
      {
        kind: 'paragraph',
        runs: [{ text: 'See ' }, { text: 'this page', href: '/topics/a/' }, { text: ' again.' }]
      }
    ]);
  });
});

describe('bytes that are not UTF-8 text', () => {
  const frontmatter = enc(
    '---\ntitle: A\nsummary: S\ngroup: g\nparent: r\nrelated: []\nreviewed: 2026-11-01\n---\n\n'
  );
  const withBody = (...body: number[]) => ({
    path: 'a.md',
    bytes: new Uint8Array([...frontmatter, ...body])
  });
  it.each<[string, SourceFile]>([
    ['Latin-1 "é" in the prose', withBody(0x63, 0x61, 0x66, 0xe9, 0x0a)],
    ['an overlong encoding of "/"', withBody(0xc0, 0xaf, 0x0a)],
    ['an encoded lone surrogate', withBody(0xed, 0xa0, 0x80, 0x0a)],
    ['a truncated sequence at the end', withBody(0x61, 0xe2, 0x82)],
    [
      'UTF-16 with its byte order mark',
      { path: 'a.md', bytes: new Uint8Array([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00, 0x2d, 0x00]) }
    ]
  ])('%s is refused by name', (_, file) => {
    expect(own(errorsOf([file]))).toEqual([
      { file: 'a.md', field: undefined, line: undefined, message: 'file is not valid UTF-8 text' }
    ]);
  });

  it('refuses a _map.yaml that is not UTF-8, naming it', () => {
    const errors = errorsOf([topicA()], {
      path: '_map.yaml',
      bytes: new Uint8Array([0x68, 0x75, 0x62, 0x3a, 0x20, 0xff])
    });
    expect(errors).toContainEqual(
      expect.objectContaining({ file: '_map.yaml', message: 'file is not valid UTF-8 text' })
    );
  });

  it('accepts a UTF-8 byte order mark and Windows line endings, with the same result', () => {
    const plain = validateContent(frame, [topicA('Café prose.')]).topics[0];
    const text = new TextDecoder().decode(topicA('Café prose.').bytes).replace(/\n/g, '\r\n');
    const windows = validateContent(frame, [
      { path: 'a.md', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]) }
    ]).topics[0];
    expect(windows).toEqual(plain);
    expect(windows.title).toBe('A');
  });

  it('NUL bytes (valid UTF-8) become U+FFFD in prose, as CommonMark says, instead of passing through', () => {
    const { topics } = validateContent(frame, [topicA('a\u0000b')]);
    expect(topics[0].text).not.toContain('\u0000');
    expect(topics[0].text).toContain('a\uFFFDb');
  });
});

describe('HTML in markdown prose: refused (content is trusted, but prose stays text)', () => {
  it.each([
    ['a script block', '<script>alert(1)</script>'],
    ['a script mid-sentence', 'Hello <script>alert(1)</script> world.'],
    ['an upper-case SCRIPT', '<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>'],
    ['an image with an onerror handler', 'Look: <img src="x" onerror="alert(1)">'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['a Svelte special element', 'Hi <svelte:head><title>x</title></svelte:head>'],
    ['an HTML comment', 'Hello <!-- hidden --> there.'],
    ['a style element', '<style>body { display: none }</style>']
  ])('%s', (_, body) => {
    const errors = own(errorsOf([topicA(body)]));
    expect(errors.length).toBeGreaterThan(0);
    // `<svelte:head>` also parses as an autolink to the scheme "svelte:", refused as a link.
    for (const e of errors)
      expect(e).toMatchObject({
        field: 'body',
        line: 10,
        message: expect.stringMatching(
          /raw HTML is not allowed in prose|is not allowed: use http\(s\)/
        )
      });
    expect(errors.some((e) => e.message.includes('raw HTML is not allowed in prose'))).toBe(true);
  });

  it('refuses Svelte expressions that could smuggle HTML in ({@html ...})', () => {
    const errors = own(errorsOf([topicA("Text {@html '<script>alert(1)</script>'} more.")]));
    expect(errors.map((e) => e.message)).toContainEqual(expect.stringContaining('curly braces'));
  });

  it.each([
    ['inline code', 'Write `<script>` tags only in a template.', { text: '<script>', code: true }],
    ['a fenced code block', '```html\n<script src="/app.js"></script>\n```', undefined],
    [
      'escaped entities',
      'Escape it as &lt;script&gt; in HTML.',
      { text: 'Escape it as <script> in HTML.' }
    ]
  ])('allows %s: the markup is shown as text, never run', (_, body, run) => {
    const { topics } = validateContent(frame, [topicA(body)]);
    const block = topics[0].blocks[0];
    if (block.kind === 'code') expect(block.text).toBe('<script src="/app.js"></script>');
    else {
      expect(block.kind).toBe('paragraph');
      expect(block.kind === 'paragraph' && block.runs).toContainEqual(run);
    }
  });

  it('refuses javascript: and data: links in prose ', () => {
    const errors = own(errorsOf([topicA('[a](javascript:alert(1)) and [b](data:text/html,x)')]));
    expect(errors.map((e) => e.message)).toHaveLength(2);
  });
});

describe('unknown and hostile query parameters', () => {
  const slugs = new Set(['nginx', 'web-servers']);
  it.each([
    ['tracking parameters', '?utm_source=x&fbclid=abc&gclid=1', { kind: 'map' }],
    ['an empty focus', '?focus=', { kind: 'map' }],
    [
      'a repeated focus: the first wins',
      '?focus=nginx&focus=web-servers',
      { kind: 'map', focus: 'nginx' }
    ],
    ['a focus in another case', '?focus=NGINX', { kind: 'map' }],
    ['markup in focus', '?focus=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { kind: 'map' }],
    ['malformed percent-encoding', '?focus=%E0%A4%A&x=%', { kind: 'map' }],
    ['a prototype key as focus', '?focus=__proto__', { kind: 'map' }],
    ['a constructor key as focus', '?focus=constructor', { kind: 'map' }],
    ['a path as focus', '?focus=../../etc/passwd', { kind: 'map' }],
    ['a parameter without a value', '?focus', { kind: 'map' }],
    [
      'a huge query string',
      `?focus=nginx&${'x=y&'.repeat(20_000)}`,
      { kind: 'map', focus: 'nginx' }
    ]
  ])('the map ignores %s', (_, search, expected) => {
    expect(resolveRoute('/', search, '/', slugs)).toEqual(expected);
  });

  it('a topic page ignores any query', () => {
    expect(resolveRoute('/topics/nginx/', '?focus=web-servers&debug=1', '/', slugs)).toEqual({
      kind: 'topic',
      slug: 'nginx'
    });
  });

  it.each([
    '/topics/NGINX/',
    '/topics/nginx/extra/',
    '/topics/%6Eginx/',
    '/topics/../topics/nginx/',
    '//evil.example/',
    '/topics/',
    '/topics/nginx//'
  ])('the path %s is not found rather than guessed', (path) => {
    expect(resolveRoute(path, '', '/', slugs)).toEqual({ kind: 'notFound', path });
  });

  it('mapHref encodes a hostile focus so it cannot add parameters', () => {
    expect(mapHref('/', 'a&b=c#d')).toBe('/?focus=a%26b%3Dc%23d');
  });
});

describe('very long search input', () => {
  const words = [
    'nginx',
    'gunicorn',
    'postgres',
    'docker',
    'kubernetes',
    'logging',
    'caching',
    'flask'
  ];
  const index = buildSearchIndex(
    Array.from({ length: 60 }, (_, i) => ({
      slug: `topic-${i}`,
      title: `${words[i % words.length]} topic ${i}`,
      summary: `About ${words[(i + 3) % words.length]} and ${words[(i + 5) % words.length]}.`,
      text: Array.from({ length: 80 }, (_, j) => words[(i * j) % words.length]).join(' ')
    }))
  );

  it.each([
    ['5,000 characters of words', 'nginx gunicorn postgres '.repeat(210).slice(0, 5000)],
    ['a million characters', 'x'.repeat(1_000_000)],
    ['regular-expression metacharacters', '.*+?^${}()|[]\\'.repeat(500)],
    ['emoji and a lone surrogate', `${'🐍🚀'.repeat(2000)}\uD800`],
    ['only whitespace', ' \t\n'.repeat(3000)]
  ])('%s: cut, answered, never more than the limit', (_, query) => {
    const hits = searchTopics(index, query, 8);
    expect(Array.isArray(hits)).toBe(true);
    expect(hits.length).toBeLessThanOrEqual(8);
    expect(hits).toEqual(searchTopics(index, query.trim().slice(0, MAX_QUERY_LENGTH), 8));
  });

  it('the cut keeps the start of the query: a long query beginning with a word still finds it', () => {
    const hits = searchTopics(
      index,
      `kubernetes${' '.repeat(MAX_QUERY_LENGTH)}${'zzz '.repeat(2000)}`
    );
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].title).toMatch(/kubernetes/);
  });

  it('whitespace-only input returns no hits rather than everything', () => {
    expect(searchTopics(index, ' '.repeat(5000))).toEqual([]);
  });
});
