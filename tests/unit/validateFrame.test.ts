// @vitest-environment node
// _map.yaml as a content author writes it: its groups, boxes, nesting and composition,
// and the exact error (file, line, field, message) for each mistake in it. Small inline
// files, validated inside each test.
import { describe, expect, it } from 'vitest';
import { validateContent, type SourceFile } from '../../src/lib/content/validateContent.ts';
import { ContentValidationError, type ContentError } from '../../src/lib/content/types.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const topic = (slug: string, parent = 'r', extra = ''): SourceFile => ({
  path: `${slug}.md`,
  bytes: enc(
    `---\ntitle: T\nsummary: S\ngroup: g\nparent: ${parent}\nrelated: [${slug === 'a' ? 'b' : 'a'}]\nreviewed: 2026-11-01\n${extra}---\n\nProse.\n`
  )
});
// Lines 1-14: hub, one group, boxes r (top), s (inside r), t (top), the learning path.
const FRAME =
  'hub: a\ngroups:\n  - id: g\n    label: G\nboxes:\n  - id: r\n    label: R\n  - id: s\n    label: S\n    parent: r\n  - id: t\n    label: T\nlearningPath:\n  - [a]\n';
const TOPICS = [topic('a'), topic('b', 's')];

function errorsOf(frame: string, topics = TOPICS): ContentError[] {
  try {
    validateContent({ path: '_map.yaml', bytes: enc(frame) }, topics);
    return [];
  } catch (e) {
    if (e instanceof ContentValidationError) return e.errors;
    throw e;
  }
}
const frameError = (line: number, field: string | undefined, message: string) =>
  expect.objectContaining({ file: '_map.yaml', line, field, message });

describe('the composition of _map.yaml', () => {
  it('accepts a full composition and keeps it as written', () => {
    const { frame } = validateContent(
      {
        path: '_map.yaml',
        bytes: enc(
          `${FRAME}composition:\n  columns: [r]\n  band: t\n  aside: []\n  arrange:\n    r: [[s, a]]\n    s: column\n  requestPath: [a, [b, s]]\n`
        )
      },
      TOPICS
    );
    expect(frame.composition).toEqual({
      columns: ['r'],
      band: 't',
      aside: [],
      arrange: { r: [['s', 'a']], s: 'column' },
      requestPath: ['a', ['b', 's']]
    });
    expect(Object.getPrototypeOf(frame.composition!.arrange)).toBeNull();
  });

  it('leaves out what is not given', () => {
    const { frame } = validateContent(
      { path: '_map.yaml', bytes: enc(`${FRAME}composition:\n  columns: [r, t]\n`) },
      TOPICS
    );
    expect(frame.composition).toEqual({ columns: ['r', 't'], aside: [], arrange: {} });
  });

  it('refuses a composition that is not a mapping', () => {
    expect(errorsOf(`${FRAME}composition: [x]\n`)).toEqual([
      frameError(15, 'composition', 'must be a mapping with columns, band, aside and arrange')
    ]);
    expect(errorsOf(`${FRAME}composition: row\n`)).toEqual([
      frameError(15, 'composition', 'must be a mapping with columns, band, aside and arrange')
    ]);
  });

  it('names each placed id that is not a top-level box or is placed twice, at its own line', () => {
    expect(
      errorsOf(`${FRAME}composition:\n  columns: [r, s, r]\n  aside: [zz]\n  band: t\n`)
    ).toEqual([
      frameError(16, 'composition.columns[1]', '"s" is not a top-level box'),
      frameError(16, 'composition.columns[2]', '"r" is placed twice'),
      frameError(17, 'composition.aside[0]', '"zz" is not a top-level box')
    ]);
    expect(errorsOf(`${FRAME}composition:\n  columns: [r]\n  band: r\n  aside: [t, t]\n`)).toEqual([
      frameError(17, 'composition.band', '"r" is placed twice'),
      frameError(18, 'composition.aside[1]', '"t" is placed twice')
    ]);
  });

  it('refuses fields of the wrong shape, each at its line', () => {
    expect(
      errorsOf(`${FRAME}composition:\n  columns: r\n  band: [t]\n  colour: red\n  aside: [1]\n`)
    ).toEqual([
      frameError(18, 'composition.colour', 'unknown field'),
      frameError(17, 'composition.band', 'must be a box id'),
      frameError(16, 'composition.columns', 'must be a list of box ids'),
      frameError(19, 'composition.aside', 'must be a list of box ids')
    ]);
  });

  it('refuses an arrange that is not a mapping of rows, row or column', () => {
    expect(errorsOf(`${FRAME}composition:\n  arrange: [r]\n`)).toEqual([
      frameError(16, 'composition.arrange', 'must map box ids to rows, `row` or `column`')
    ]);
    const shape = 'must be `row`, `column` or a list of rows (lists of ids or of id lists)';
    expect(
      errorsOf(
        `${FRAME}composition:\n  arrange:\n    r: diagonal\n    s: []\n    t: [[]]\n    a: [s]\n    b: [[[]]]\n    c: [[1]]\n`
      )
    ).toEqual([
      frameError(17, 'composition.arrange.r', shape),
      frameError(18, 'composition.arrange.s', shape),
      frameError(19, 'composition.arrange.t', shape),
      frameError(20, 'composition.arrange.a', shape),
      frameError(21, 'composition.arrange.b', shape),
      frameError(22, 'composition.arrange.c', shape)
    ]);
  });

  it('accepts rows of ids and of id lists, and row or column', () => {
    expect(
      errorsOf(`${FRAME}composition:\n  arrange:\n    r: [[[s, a]]]\n    s: row\n    t: column\n`)
    ).toEqual([]);
  });

  it('names an arranged id that is unknown, not inside its box, or listed twice', () => {
    expect(
      errorsOf(
        `${FRAME}composition:\n  arrange:\n    r: [[s, b], [t]]\n    zz: row\n    s: [[b, b]]\n`
      )
    ).toEqual([
      frameError(17, 'composition.arrange.r', '"b" is not inside "r"'),
      frameError(17, 'composition.arrange.r', '"t" is not inside "r"'),
      frameError(18, 'composition.arrange.zz', 'unknown box "zz"'),
      frameError(19, 'composition.arrange.s', '"b" is listed twice')
    ]);
  });

  it('checks the request path: its shape, then that every step is a box or topic', () => {
    expect(errorsOf(`${FRAME}composition:\n  requestPath: [a, [b, s], zz, [yy]]\n`)).toEqual([
      frameError(16, 'composition.requestPath', 'unknown box or topic "zz"'),
      frameError(16, 'composition.requestPath', 'unknown box or topic "yy"')
    ]);
    for (const path of ['[a, []]', 'a', '[a, [1]]', '[2]'])
      expect(errorsOf(`${FRAME}composition:\n  requestPath: ${path}\n`)).toEqual([
        frameError(16, 'composition.requestPath', 'must be a list of steps (ids or lists of ids)')
      ]);
  });
});

describe('groups, boxes and nesting in _map.yaml', () => {
  it('refuses entries without an id and label, reserved and repeated ids', () => {
    const frame = FRAME.replace(
      'boxes:\n',
      'boxes:\n  - label: no id\n  - id: Bad\n    label: B\n  - id: x\n  - id: constructor\n    label: T\n  - id: r\n    label: again\n'
    );
    expect(errorsOf(frame)).toEqual([
      frameError(6, 'boxes[0]', 'must have an id (lowercase-with-hyphens) and a label'),
      frameError(7, 'boxes[1]', 'must have an id (lowercase-with-hyphens) and a label'),
      frameError(9, 'boxes[2]', 'must have an id (lowercase-with-hyphens) and a label'),
      frameError(
        10,
        'boxes[3].id',
        '"constructor" is a name every JavaScript object already has; choose another'
      ),
      frameError(14, 'boxes[5].id', 'duplicate id "r"')
    ]);
  });

  it('refuses a frame whose parts are not the lists they must be', () => {
    expect(
      errorsOf('hub: a\ngroups: g\nboxes: {}\nlearningPath: [a]\ncolour: red\n', [
        topic('a'),
        topic('b')
      ])
    ).toEqual(
      expect.arrayContaining([
        frameError(5, 'colour', 'unknown field'),
        frameError(2, 'groups', 'must be a list'),
        frameError(3, 'boxes', 'must be a list'),
        frameError(4, 'learningPath', 'must be a list of lists of topic slugs')
      ])
    );
    expect(errorsOf('- a\n- b\n').filter((e) => e.file === '_map.yaml')).toEqual([
      frameError(1, undefined, 'must be a mapping with groups, boxes and learningPath')
    ]);
  });

  it('names a box whose parent is not a box, at the parent line', () => {
    expect(errorsOf(FRAME.replace('    label: T\n', '    label: T\n    parent: ghost\n'))).toEqual([
      frameError(13, 'boxes.t.parent', 'unknown box "ghost"')
    ]);
  });

  it('reports a cycle of boxes once, from its first id, at that box’s parent line', () => {
    const frame = FRAME.replace(
      '  - id: r\n    label: R\n',
      '  - id: r\n    label: R\n    parent: s\n'
    );
    expect(errorsOf(frame).filter((e) => e.message.includes('cycle'))).toEqual([
      frameError(8, 'parent', 'boxes nest in a cycle: r → s → r')
    ]);
  });

  it('reports a cycle of topics at the parent line of the first topic', () => {
    const errors = errorsOf(FRAME, [topic('a', 'c'), topic('b', 's'), topic('c', 'a')]);
    expect(errors.filter((e) => e.message.includes('cycle'))).toEqual([
      expect.objectContaining({
        file: 'a.md',
        line: 5,
        field: 'parent',
        message: 'boxes nest in a cycle: a → c → a'
      })
    ]);
  });

  it('refuses a topic that has the id of a box', () => {
    expect(errorsOf(FRAME, [...TOPICS, topic('t', 'r')])).toContainEqual({
      file: 't.md',
      field: 'slug',
      message: '"t" is also a box id in _map.yaml'
    });
  });
});

describe('the frame of _map.yaml, entry by entry', () => {
  const frameOf = (text: string, topics = TOPICS) =>
    validateContent({ path: '_map.yaml', bytes: enc(text) }, topics).frame;

  it('keeps a box’s parent but never a group’s', () => {
    const frame = frameOf(FRAME.replace('    label: G\n', '    label: G\n    parent: r\n'));
    expect(frame.groups).toEqual([{ id: 'g', label: 'G' }]);
    expect(frame.boxes).toEqual([
      { id: 'r', label: 'R' },
      { id: 's', label: 'S', parent: 'r' },
      { id: 't', label: 'T' }
    ]);
  });

  it('names an empty entry in a list, and reads the entries after it', () => {
    const errors = errorsOf(FRAME.replace('boxes:\n', 'boxes:\n  - null\n'));
    expect(errors).toEqual([
      frameError(6, 'boxes[0]', 'must have an id (lowercase-with-hyphens) and a label')
    ]);
    // A box after the empty one still has its lines: its unknown parent is shown at it.
    const late = FRAME.replace('boxes:\n', 'boxes:\n  - null\n').replace(
      '    label: T\n',
      '    label: T\n    parent: ghost\n'
    );
    expect(errorsOf(late)).toContainEqual(frameError(14, 'boxes.t.parent', 'unknown box "ghost"'));
  });

  it.each([
    ['a step that is not a list', 'learningPath:\n  - [a]\n  - b\n'],
    ['a step with a number in it', 'learningPath:\n  - [a, 1]\n']
  ])('refuses a learning path with %s', (_, path) => {
    expect(errorsOf(FRAME.replace('learningPath:\n  - [a]\n', path))).toContainEqual(
      frameError(14, 'learningPath', 'must be a list of lists of topic slugs')
    );
  });

  it('refuses a hub that is not a slug', () => {
    expect(errorsOf(FRAME.replace('hub: a', 'hub: [a]'))).toEqual([
      frameError(1, 'hub', 'must be a topic slug')
    ]);
  });

  it.each([
    ['a list for arrange', 'arrange: [r]', 'composition.arrange', 'must map box ids to rows'],
    ['a cell with a number', 'arrange:\n    r: [[s, [a, 1]]]', 'composition.arrange.r', 'must be'],
    ['a row that is not a list', 'arrange:\n    r: [[s], a]', 'composition.arrange.r', 'must be'],
    ['a row with a number', 'arrange:\n    r: [[s, 5]]', 'composition.arrange.r', 'must be'],
    [
      'a request path step with a number',
      'requestPath: [a, [b, 1]]',
      'composition.requestPath',
      'must be a list of steps'
    ]
  ])('refuses %s in the composition', (_, yaml, field, message) => {
    const errors = errorsOf(`${FRAME}composition:\n  columns: [r]\n  ${yaml}\n`);
    expect(errors).toEqual([
      expect.objectContaining({
        file: '_map.yaml',
        field,
        message: expect.stringContaining(message)
      })
    ]);
    expect(errors[0].line).toBeGreaterThanOrEqual(16);
  });

  it('names an unknown request-path step at the request path’s line', () => {
    const errors = errorsOf(`${FRAME}composition:\n  columns: [r]\n  requestPath: [a, ghost]\n`);
    expect(errors).toEqual([
      frameError(17, 'composition.requestPath', 'unknown box or topic "ghost"')
    ]);
  });

  it('reports two separate cycles, each from its first id', () => {
    const frame = FRAME.replace('    label: R\n', '    label: R\n    parent: s\n').replace(
      '  - id: t\n    label: T\n',
      '  - id: u\n    label: U\n    parent: t\n  - id: t\n    label: T\n    parent: u\n'
    );
    expect(errorsOf(frame).filter((e) => e.message.includes('cycle'))).toEqual([
      frameError(8, 'parent', 'boxes nest in a cycle: r → s → r'),
      frameError(17, 'parent', 'boxes nest in a cycle: t → u → t')
    ]);
  });
});
