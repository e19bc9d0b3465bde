import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent, type SourceFile } from '../../src/lib/content/validateContent.ts';
import { loadContent } from '../../src/lib/content/loadContent.ts';
import { ContentValidationError, type ContentError } from '../../src/lib/content/types.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const frame: SourceFile = {
  path: '_map.yaml',
  bytes: enc(
    'hub: a\ngroups:\n  - id: g\n    label: G\nboxes:\n  - id: r\n    label: R\nlearningPath:\n  - [a]\n'
  )
};
const topic = (slug: string, fm: Record<string, string>, body = 'Some prose here.') => ({
  path: `${slug}.md`,
  bytes: enc(
    `---\n${Object.entries({
      title: slug.toUpperCase(),
      summary: 'A topic.',
      group: 'g',
      parent: 'r',
      related: '[]',
      ...fm,
      reviewed: fm.reviewed ?? '2026-11-01'
    })
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n---\n\n${body}\n`
  )
});

function errorsOf(files: SourceFile[], f = frame): ContentError[] {
  try {
    validateContent(f, files);
  } catch (e) {
    if (e instanceof ContentValidationError) return e.errors;
    throw e;
  }
  return [];
}

describe('validateContent', () => {
  it('accepts valid content and keeps topics in file order', () => {
    const { topics } = validateContent(frame, [
      topic('b', { related: '[a]' }),
      topic('a', { related: '[b]' })
    ]);
    expect(topics.map((t) => t.slug)).toEqual(['a', 'b']);
    expect(topics[0].related).toEqual(['b']);
  });

  const cases: [string, SourceFile[], Partial<ContentError>[]][] = [
    [
      'a missing title',
      [topic('a', { title: '' })],
      [{ file: 'a.md', field: 'title', message: 'missing required field' }]
    ],
    [
      'an unknown field',
      [topic('a', { colour: 'red' })],
      [{ file: 'a.md', field: 'colour', line: 7 }]
    ],
    [
      'an unknown group',
      [topic('a', { group: 'nope' })],
      [{ file: 'a.md', field: 'group', line: 4 }]
    ],
    ['an unknown parent', [topic('a', { parent: 'nowhere' })], [{ file: 'a.md', field: 'parent' }]],
    [
      'a dangling related link',
      [topic('a', { related: '[ghost]' })],
      [{ file: 'a.md', field: 'related[0]', line: 6 }]
    ],
    [
      'a topic related to itself',
      [topic('a', { related: '[a]' })],
      [{ field: 'related[0]', message: 'a topic cannot be related to itself' }]
    ],
    [
      'an arrow to nowhere',
      [topic('a', { arrows: '\n  - to: ghost\n    label: x' })],
      [{ field: 'arrows[0].to', line: 8 }]
    ],
    [
      'a repeated example address',
      [
        topic('a', {
          examples:
            '\n  - name: One\n    url: https://x.test/\n  - name: Two\n    url: https://x.test/'
        })
      ],
      [
        {
          file: 'a.md',
          field: 'examples[1]',
          line: 11,
          message: 'repeats "https://x.test/" (each may appear once)'
        }
      ]
    ],
    [
      'a repeated arrow target',
      [
        topic('a', { arrows: '\n  - to: b\n    label: asks\n  - to: b\n    label: asks again' }),
        topic('b', {})
      ],
      [
        {
          file: 'a.md',
          field: 'arrows[1]',
          line: 10,
          message: 'repeats "b" (each may appear once)'
        }
      ]
    ],
    [
      'a broken prose link',
      [topic('a', {}, 'Line one.\n\nSee [x](/topics/ghost/).')],
      [{ field: 'body', line: 12 }]
    ],
    [
      'raw HTML in prose',
      [topic('a', {}, '<script>alert(1)</script>')],
      [{ field: 'body', message: expect.stringContaining('raw HTML') }]
    ],
    [
      'a written "Where it sits on the map" section',
      [topic('a', {}, 'Line one.\n\n## Where it sits on the map\n\nA restates arrows.')],
      [
        {
          field: 'body',
          line: 12,
          message: expect.stringContaining('generated from the arrows and nesting')
        }
      ]
    ],
    [
      'a reviewed date that is not a date',
      [topic('a', { reviewed: 'December 2026' })],
      [{ file: 'a.md', field: 'reviewed', line: 7, message: expect.stringContaining('YYYY-MM-DD') }]
    ],
    [
      'a reviewed date that does not exist',
      [topic('a', { reviewed: '2026-02-30' })],
      [{ field: 'reviewed', line: 7, message: '"2026-02-30" is not a real date' }]
    ],
    [
      'a reviewed date in the future',
      [topic('a', { reviewed: '2999-01-01' })],
      [{ field: 'reviewed', line: 7, message: '"2999-01-01" is in the future' }]
    ],
    [
      'no reviewed date',
      [topic('a', { reviewed: '' })],
      [{ field: 'reviewed', message: 'missing required field' }]
    ],
    [
      'a resource note with markup',
      [
        topic('a', {
          resources: '\n  - title: T\n    url: https://x.test/\n    note: See <b>this</b>.'
        })
      ],
      [{ field: 'resources[0].note', line: 10, message: expect.stringContaining('plain text') }]
    ],
    [
      'a note over the length limit',
      [
        topic('a', {
          examples: `\n  - name: T\n    url: https://x.test/\n    note: ${'word '.repeat(40)}`
        })
      ],
      [{ field: 'examples[0].note', message: expect.stringContaining('at most 160') }]
    ],
    [
      'a note with an address',
      [
        topic('a', {
          resources: '\n  - title: T\n    url: https://x.test/\n    note: Mirror at https://y.test/'
        })
      ],
      [{ field: 'resources[0].note', message: expect.stringContaining('addresses') }]
    ],
    [
      'braces in prose',
      [topic('a', {}, 'Use {x} here.')],
      [{ field: 'body', message: expect.stringContaining('curly braces') }]
    ],
    [
      'malformed YAML',
      [{ path: 'a.md', bytes: enc('---\ntitle: [unclosed\n---\nx') }],
      [{ file: 'a.md', message: expect.stringContaining('invalid YAML') }]
    ],
    [
      'no frontmatter',
      [{ path: 'a.md', bytes: enc('# Just markdown') }],
      [{ file: 'a.md', line: 1 }]
    ],
    [
      'non-UTF-8 bytes',
      [{ path: 'a.md', bytes: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe]) }],
      [{ file: 'a.md', message: 'file is not valid UTF-8 text' }]
    ],
    [
      'a huge file',
      [{ path: 'a.md', bytes: new Uint8Array(300 * 1024).fill(0x61) }],
      [{ file: 'a.md', message: expect.stringContaining('limit') }]
    ],
    [
      'a bad file name',
      [topic('Bad_Name', {})],
      [{ file: 'Bad_Name.md', message: expect.stringContaining('not a slug') }]
    ],
    [
      'a cycle in the nesting',
      [topic('a', { parent: 'b' }), topic('b', { parent: 'a' })],
      [{ field: 'parent', message: expect.stringContaining('cycle') }]
    ]
  ];
  it.each(cases)('reports %s with file, field and line', (_, files, expected) => {
    const errors = errorsOf(files);
    for (const e of expected) expect(errors).toContainEqual(expect.objectContaining(e));
  });

  it('keeps a resource note and the reviewed date as written', () => {
    const { topics } = validateContent(
      frame,
      [
        topic('a', {
          reviewed: '2026-11-30',
          resources:
            '\n  - title: T\n    url: https://x.test/\n    note: The clearest short account.'
        })
      ],
      { today: new Date('2026-12-01T00:00:00Z') }
    );
    expect(topics[0].reviewed).toBe('2026-11-30');
    expect(topics[0].resources).toEqual([
      { name: 'T', url: 'https://x.test/', note: 'The clearest short account.' }
    ]);
    // "Not in the future" is measured against the day given (the build's day by default).
    expect(() =>
      validateContent(frame, [topic('a', { reviewed: '2026-12-02' })], {
        today: new Date('2026-12-01T23:00:00Z')
      })
    ).toThrow(/a\.md:7: reviewed: "2026-12-02" is in the future/);
  });

  it('refuses a topic the hub cannot reach, at its related line, whatever loads it', () => {
    const lost = 'not reachable from the hub "a" by any arrow, related link, nesting or prose link';
    expect(errorsOf([topic('a', {}), topic('b', {})])).toEqual([
      { file: 'b.md', field: 'related', line: 6, message: lost, source: 'related: []' }
    ]);
    // Reached by a related link (either way), an arrow, a prose link or nesting: no error.
    expect(errorsOf([topic('a', {}), topic('b', { related: '[a]' })])).toEqual([]);
    expect(
      errorsOf([topic('a', { arrows: '\n  - to: b\n    label: calls' }), topic('b', {})])
    ).toEqual([]);
    expect(errorsOf([topic('a', {}, 'See [b](/topics/b/).'), topic('b', {})])).toEqual([]);
    expect(
      errorsOf([
        topic('a', {}, 'See [b](/topics/b/).'),
        topic('b', {}),
        topic('c', { parent: 'b' })
      ])
    ).toEqual([]);
    // An arrow from b to the hub does not lead from the hub to b.
    expect(
      errorsOf([topic('a', {}), topic('b', { arrows: '\n  - to: a\n    label: calls' })]).map(
        (e) => e.file
      )
    ).toEqual(['b.md']);
    // loadContent (the benchmark's and the tests' way in) refuses it too, not only the build.
    const dir = mkdtempSync(join(tmpdir(), 'dm-reach-'));
    writeFileSync(join(dir, '_map.yaml'), frame.bytes);
    writeFileSync(join(dir, 'a.md'), topic('a', {}).bytes);
    writeFileSync(join(dir, 'b.md'), topic('b', {}).bytes);
    expect(() => loadContent(dir, {})).toThrow(/b\.md:6: related: not reachable from the hub "a"/);
  });

  it('reports every error of a build together, each naming its file', () => {
    const errors = errorsOf([
      topic('a', { related: '[ghost]' }),
      topic('b', { group: 'nope' }),
      { path: 'x/a.md', bytes: topic('a', {}).bytes }
    ]);
    expect([...new Set(errors.map((e) => e.file))].sort()).toEqual(['a.md', 'b.md', 'x/a.md']);
    expect(errors.find((e) => e.file === 'x/a.md')?.message).toContain('duplicate slug "a"');
  });

  it('enforces word and related-count bounds when asked', () => {
    const errors = (() => {
      try {
        validateContent(frame, [topic('a', {})], { wordRange: [150, 700], relatedRange: [2, 6] });
      } catch (e) {
        return (e as ContentValidationError).errors;
      }
      return [];
    })();
    expect(errors.map((e) => e.field).sort()).toEqual(['body', 'related']);
  });

  it('with markedCode, names each fenced block that says neither test= nor untested=, and a tested one without a title', () => {
    const body = [
      'Prose.',
      '',
      '```nginx',
      'server {}',
      '```',
      '',
      '- step',
      '',
      '  ```ini test="x"',
      '  a = 1',
      '  ```',
      '',
      '```ini untested="no tool here"',
      'b = 2',
      '```',
      '',
      '```ini title="c.ini" test="x"',
      'c = 3',
      '```',
      '',
      '    indented code is not a fence'
    ].join('\n');
    const run = (options: Parameters<typeof validateContent>[2]) => {
      try {
        validateContent(frame, [topic('a', {}, body)], options);
      } catch (e) {
        return (e as ContentValidationError).errors.map((x) => `${x.line}: ${x.message}`);
      }
      return [];
    };
    expect(run({ markedCode: true })).toEqual([
      expect.stringMatching(/^12: code block has neither test/),
      expect.stringMatching(/^18: code block with test="x" needs a title/)
    ]);
    expect(run({})).toEqual([]);
  });

  it('formats errors as file:line: field: message', () => {
    expect(() => validateContent(frame, [topic('a', { related: '[ghost]' })])).toThrow(
      /a\.md:6: related\[0\]: related link to unknown topic "ghost"/
    );
  });
});

describe('validateContent, message by message', () => {
  // Frontmatter lines: 1 ---, 2 title, 3 summary, 4 group, 5 parent, 6 related, then the
  // fields a case adds, then reviewed.
  const cases: [string, SourceFile[], ContentError[]][] = [
    [
      'an unknown group',
      [topic('a', { group: 'nope' })],
      [
        {
          file: 'a.md',
          field: 'group',
          line: 4,
          message: 'unknown group "nope" (known: g)',
          source: 'group: nope'
        }
      ]
    ],
    [
      'an unknown parent',
      [topic('a', { parent: 'nope' })],
      [
        {
          file: 'a.md',
          field: 'parent',
          line: 5,
          message: 'unknown parent "nope": not a box in _map.yaml nor a topic',
          source: 'parent: nope'
        }
      ]
    ],
    [
      'an arrow to an unknown topic',
      [topic('a', { arrows: '\n  - to: ghost\n    label: x' })],
      [
        {
          file: 'a.md',
          field: 'arrows[0].to',
          line: 8,
          message: 'arrow to unknown topic "ghost"',
          source: '  - to: ghost'
        }
      ]
    ],
    [
      'a topic related to itself',
      [topic('a', { related: '[a]' })],
      [
        {
          file: 'a.md',
          field: 'related[0]',
          line: 6,
          message: 'a topic cannot be related to itself',
          source: 'related: [a]'
        }
      ]
    ],
    [
      'a related topic listed twice',
      [topic('a', { related: '[b, b]' }), topic('b', { related: '[a]' })],
      [
        {
          file: 'a.md',
          field: 'related',
          line: 6,
          message: 'lists the same topic twice',
          source: 'related: [b, b]'
        }
      ]
    ],
    [
      'a resource listed twice',
      [
        topic('a', {
          resources:
            '\n  - title: T\n    url: https://x.test/\n  - title: U\n    url: https://x.test/'
        })
      ],
      [
        {
          file: 'a.md',
          field: 'resources[1]',
          line: 11,
          message: 'repeats "https://x.test/" (each may appear once)',
          source: '    url: https://x.test/'
        }
      ]
    ]
  ];
  it.each(cases)('reports %s exactly, with the line it is on', (_, files, expected) => {
    expect(errorsOf(files)).toEqual(expected);
  });

  it('reads a file saved with a byte-order mark and Windows or old Mac line endings', () => {
    const plain = topic('a', {}, 'First line\nsecond line.');
    const text = new TextDecoder().decode(plain.bytes).replace(/\n/g, '\r\n');
    const { topics } = validateContent(frame, [{ path: 'a.md', bytes: enc(`\ufeff${text}`) }]);
    expect(topics[0]).toMatchObject({ slug: 'a', title: 'A', summary: 'A topic.', group: 'g' });
    expect(topics[0].text).toBe('First line\nsecond line.');
    // Old Mac files end lines with a carriage return alone.
    const mac = { path: 'a.md', bytes: enc(text.replace(/\r\n/g, '\r')) };
    expect(validateContent(frame, [mac]).topics[0].text).toBe('First line\nsecond line.');
  });
});

describe('loadContent', () => {
  it('loads the mini fixture', () => {
    const c = loadContent('tests/fixtures/mini-content', {});
    expect(c.topics.map((t) => t.slug)).toEqual(['alpha', 'beta', 'gamma', 'hub']);
    expect(c.frame.learningPath).toEqual([['hub'], ['alpha', 'beta']]);
  });

  it('fails on the bad fixture with the duplicate slug and the dangling link, naming both files', () => {
    expect(() => loadContent('tests/fixtures/bad-content', {})).toThrow(ContentValidationError);
    try {
      loadContent('tests/fixtures/bad-content', {});
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toMatch(/more\/alpha\.md: duplicate slug "alpha"/);
      expect(msg).toMatch(/beta\.md:6: related\[1\]: related link to unknown topic "nowhere"/);
    }
  });

  it('names a missing _map.yaml', () => {
    expect(() => loadContent('tests/fixtures')).toThrow(/_map\.yaml/);
  });
});
