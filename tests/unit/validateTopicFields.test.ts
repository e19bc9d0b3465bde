// @vitest-environment node
// A topic file's frontmatter and prose as a content author writes them: the exact error
// (file, line, field, message) for each field of the wrong shape, and what a valid file
// is read as. Small inline files, validated inside each test.
import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_BYTES,
  validateContent,
  type SourceFile,
  type ValidateOptions
} from '../../src/lib/content/validateContent.ts';
import { ContentValidationError, type ContentError } from '../../src/lib/content/types.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const FRAME: SourceFile = {
  path: '_map.yaml',
  bytes: enc(
    'hub: a\ngroups:\n  - id: g\n    label: G\nboxes:\n  - id: r\n    label: R\nlearningPath:\n  - [a]\n'
  )
};
/** Topic `a`: lines 2-7 are title to reviewed, `extra` starts on line 8, prose 2 lines after the closing ---. */
const fileA = (extra = '', body = 'Prose.') => ({
  path: 'a.md',
  bytes: enc(
    `---\ntitle: A\nsummary: S\ngroup: g\nparent: r\nrelated: []\nreviewed: 2026-11-01\n${extra}---\n\n${body}\n`
  )
});
function errorsOf(files: SourceFile[], options: ValidateOptions = {}): ContentError[] {
  try {
    validateContent(FRAME, files, options);
    return [];
  } catch (e) {
    if (e instanceof ContentValidationError) return e.errors;
    throw e;
  }
}
const at = (line: number | undefined, field: string | undefined, message: string) =>
  expect.objectContaining({ file: 'a.md', line, field, message });

describe('frontmatter fields', () => {
  it('reads a full topic, trimming text and names', () => {
    const { topics } = validateContent(FRAME, [
      fileA(
        'arrows:\n  - to: b\n    label: "  calls "\nexamples:\n  - name: " Ex "\n    url: https://e.example/\n    note: " Works. "\nresources:\n  - title: Res\n    url: http://r.example/\n',
        'See [b](/topics/b/#part) and [self](/topics/a/).'
      ),
      {
        path: 'b.md',
        bytes: enc(
          '---\ntitle: "  B  "\nsummary: S\ngroup: g\nparent: a\nrelated: [a]\nreviewed: 2026-11-01\n---\n\nProse.\n'
        )
      }
    ]);
    const [a, b] = topics;
    expect(a.arrows).toEqual([{ to: 'b', label: 'calls' }]);
    expect(a.examples).toEqual([{ name: 'Ex', url: 'https://e.example/', note: 'Works.' }]);
    expect(a.resources).toEqual([{ name: 'Res', url: 'http://r.example/' }]);
    expect(a.linksTo).toEqual(['b']);
    expect(b.title).toBe('B');
    expect(b.related).toEqual(['a']);
  });

  it('refuses text fields that are empty or not text', () => {
    const file = {
      path: 'a.md',
      bytes: enc(
        '---\ntitle: "  "\nsummary: 3\ngroup: g\nparent: r\nrelated: []\nreviewed: 2026-11-01\n---\n\nProse.\n'
      )
    };
    expect(errorsOf([file])).toEqual([
      at(2, 'title', 'must be a non-empty string'),
      at(3, 'summary', 'must be a non-empty string')
    ]);
  });

  it('names each missing required field', () => {
    const file = {
      path: 'a.md',
      bytes: enc(
        '---\ntitle: A\ngroup: g\nparent:\nrelated: []\nreviewed: 2026-11-01\n---\n\nProse.\n'
      )
    };
    expect(
      errorsOf([file])
        .filter((e) => e.message === 'missing required field')
        .map((e) => [e.field, e.line])
    ).toEqual([
      ['summary', 2],
      ['parent', 2]
    ]);
  });

  it('refuses lists of the wrong shape, each item at its line', () => {
    expect(errorsOf([fileA('arrows: b\nexamples: {}\n')])).toEqual([
      at(8, 'arrows', 'must be a list'),
      at(9, 'examples', 'must be a list')
    ]);
    expect(errorsOf([fileA('arrows:\n  - to: a\n  - b\n  - to: 3\n    label: x\n')])).toEqual(
      expect.arrayContaining([
        at(9, 'arrows[0]', 'must have "to" (a topic slug) and a non-empty "label"'),
        at(10, 'arrows[1]', 'must have "to" (a topic slug) and a non-empty "label"'),
        at(11, 'arrows[2]', 'must have "to" (a topic slug) and a non-empty "label"')
      ])
    );
    expect(
      errorsOf([
        {
          ...fileA(),
          bytes: enc(
            new TextDecoder().decode(fileA().bytes).replace('related: []', 'related: [Bad, 3]')
          )
        }
      ])
    ).toEqual([
      at(6, 'related[0]', 'must be a topic slug'),
      at(6, 'related[1]', 'must be a topic slug')
    ]);
  });

  it('refuses a link without a name or an http(s) address, and an unknown key on it', () => {
    expect(
      errorsOf([
        fileA(
          'examples:\n  - name: E\n    url: ftp://e.example/\n  - url: https://e.example/\n  - name: " "\n    url: https://e.example/\n  - name: E\n    url: not a url\n  - name: E\n    url: https://f.example/\n    colour: red\nresources:\n  - name: R\n    url: https://r.example/\n'
        )
      ])
    ).toEqual([
      at(9, 'examples[0]', 'must have a name and an http(s) url'),
      at(11, 'examples[1]', 'must have a name and an http(s) url'),
      at(12, 'examples[2]', 'must have a name and an http(s) url'),
      at(14, 'examples[3]', 'must have a name and an http(s) url'),
      at(16, 'examples[4]', 'unknown field "colour" (allowed: name, url, note)'),
      at(20, 'resources[0]', 'must have a title and an http(s) url')
    ]);
  });

  it.each([
    ['""', 'must be a non-empty line of text'],
    ['3', 'must be a non-empty line of text'],
    ['"one\\ntwo"', 'must be one line'],
    [`${'n'.repeat(161)}`, 'has 161 characters; at most 160 (one line of our own words)'],
    [
      'a <b> tag',
      'must be plain text: no markup, brackets, braces or addresses (the link has the address)'
    ],
    [
      'see [x]',
      'must be plain text: no markup, brackets, braces or addresses (the link has the address)'
    ],
    [
      'a `code` span',
      'must be plain text: no markup, brackets, braces or addresses (the link has the address)'
    ],
    [
      'go to e.example://x',
      'must be plain text: no markup, brackets, braces or addresses (the link has the address)'
    ]
  ])('refuses the note %s, keeping the link', (note, message) => {
    const file = fileA(`examples:\n  - name: E\n    url: https://e.example/\n    note: ${note}\n`);
    expect(errorsOf([file])).toEqual([at(11, 'examples[0].note', message)]);
  });

  it('accepts a note of exactly 160 characters and plain punctuation', () => {
    const { topics } = validateContent(FRAME, [
      fileA(`examples:\n  - name: E\n    url: https://e.example/\n    note: ${'n'.repeat(160)}\n`)
    ]);
    expect(topics[0].examples[0].note).toHaveLength(160);
    expect(
      validateContent(FRAME, [
        fileA(
          'examples:\n  - name: E\n    url: https://e.example/\n    note: "Works, mostly: (see 3.1)."\n'
        )
      ]).topics[0].examples[0].note
    ).toBe('Works, mostly: (see 3.1).');
  });

  it.each([
    ['2026-13-01', '"2026-13-01" is not a real date'],
    ['2026-00-10', '"2026-00-10" is not a real date'],
    ['2026-04-31', '"2026-04-31" is not a real date'],
    ['2026-1-01', 'must be a date written YYYY-MM-DD (for example 2026-12-01)'],
    ['"x2026-11-01"', 'must be a date written YYYY-MM-DD (for example 2026-12-01)'],
    ['2026-12-02', '"2026-12-02" is in the future']
  ])('refuses the reviewed date %s', (date, message) => {
    const file = {
      path: 'a.md',
      bytes: enc(
        `---\ntitle: A\nsummary: S\ngroup: g\nparent: r\nrelated: []\nreviewed: ${date}\n---\n\nProse.\n`
      )
    };
    expect(errorsOf([file], { today: new Date('2026-12-01T12:00:00Z') })).toEqual([
      at(7, 'reviewed', message)
    ]);
  });

  it('accepts a reviewed date of today, written plain or quoted', () => {
    for (const date of ['2026-12-01', '"2026-12-01"', '2024-02-29']) {
      const file = {
        path: 'a.md',
        bytes: enc(
          `---\ntitle: A\nsummary: S\ngroup: g\nparent: r\nrelated: []\nreviewed: ${date}\n---\n\nProse.\n`
        )
      };
      expect(
        validateContent(FRAME, [file], { today: new Date('2026-12-01T00:00:00Z') }).topics[0]
          .reviewed
      ).toBe(date.replace(/"/g, ''));
    }
  });
});

describe('prose and the file as a whole', () => {
  it('puts each prose problem at its file line', () => {
    expect(
      errorsOf([
        fileA(
          '',
          'One.\n\nTwo {x}.\n\n[a](javascript:x) [b](/topics/ghost/?q=1)\n\n## Where it sits on the map'
        )
      ])
    ).toEqual([
      at(12, 'body', 'curly braces are not allowed in prose (write them in `code`)'),
      at(
        16,
        'body',
        '"Where it sits on the map" is generated from the arrows and nesting; remove the written section'
      ),
      at(
        14,
        'body',
        'link "javascript:x" is not allowed: use http(s), mailto, a site path (/…) or #anchor'
      ),
      at(14, 'body', 'link to unknown topic "/topics/ghost/?q=1"')
    ]);
  });

  it('accepts links to known topics with an anchor or query, and refuses odd topic paths', () => {
    expect(errorsOf([fileA('', '[a](/topics/a/#x) [b](/topics/a?y=1) [c](/topics/a)')])).toEqual(
      []
    );
    expect(errorsOf([fileA('', '[a](/topics/a/b/)')])).toEqual([
      at(10, 'body', 'link to unknown topic "/topics/a/b/"')
    ]);
  });

  it('refuses prose nested 40 deep at the line it starts', () => {
    expect(
      errorsOf([fileA('', `One.\n\n${'> '.repeat(40)}deep`)]).filter((e) => e.file === 'a.md')
    ).toEqual([at(12, 'body', 'prose nests quotes or lists more than 40 deep')]);
  });

  it('counts words against the range asked for, inclusive, at the line the body starts', () => {
    const words = (n: number) => fileA('', Array.from({ length: n }, () => 'word').join(' '));
    expect(errorsOf([words(3)], { wordRange: [3, 5] })).toEqual([]);
    expect(errorsOf([words(5)], { wordRange: [3, 5] })).toEqual([]);
    expect(errorsOf([words(2)], { wordRange: [3, 5] })).toEqual([
      at(9, 'body', 'prose has 2 words; expected 3 to 5')
    ]);
    expect(errorsOf([words(6)], { wordRange: [3, 5] })).toEqual([
      at(9, 'body', 'prose has 6 words; expected 3 to 5')
    ]);
  });

  it('counts related topics against the range asked for, inclusive', () => {
    const b = {
      path: 'b.md',
      bytes: enc(
        '---\ntitle: B\nsummary: S\ngroup: g\nparent: a\nrelated: [a]\nreviewed: 2026-11-01\n---\n\nProse.\n'
      )
    };
    expect(errorsOf([fileA(), b], { relatedRange: [1, 1] })).toEqual([
      at(6, 'related', 'has 0 topics; expected 1 to 1')
    ]);
    expect(errorsOf([fileA(), b], { relatedRange: [0, 0] })).toEqual([
      expect.objectContaining({
        file: 'b.md',
        line: 6,
        field: 'related',
        message: 'has 1 topics; expected 0 to 0'
      })
    ]);
  });

  it('refuses a file one byte over the limit, and names the frontmatter problems at their lines', () => {
    const own = (files: SourceFile[]) => errorsOf(files).filter((e) => e.file === 'a.md');
    expect(own([{ path: 'a.md', bytes: new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61) }])).toEqual([
      at(
        undefined,
        undefined,
        `file is ${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES}`
      )
    ]);
    expect(own([{ path: 'a.md', bytes: enc('---\n- a\n---\n') }])).toEqual([
      at(2, undefined, 'frontmatter must be a mapping of fields')
    ]);
    expect(own([{ path: 'a.md', bytes: enc('---\ntitle: A\n') }])).toEqual([
      at(
        1,
        undefined,
        'missing YAML frontmatter: the file must start with a line "---" and close it with "---"'
      )
    ]);
  });

  it('shows each error with its source line', () => {
    expect(errorsOf([fileA('colour: red\n')])).toEqual([
      {
        file: 'a.md',
        line: 8,
        field: 'colour',
        source: 'colour: red',
        message: expect.stringMatching(/^unknown field \(allowed: title, /)
      }
    ]);
  });
});
