// parseProse: markdown prose in; out, what the PDF, search and validation use: blocks,
// every link with its line, fenced code with its info string, refused markup, plain text
// and a word count.
import { describe, expect, it } from 'vitest';
import { parseProse } from '../../src/lib/content/proseBlocks.ts';

const md = (...lines: string[]) => lines.join('\n');

describe('parseProse', () => {
  it('turns headings, paragraphs with styled runs, lists and code into blocks', () => {
    const r = parseProse(
      md(
        '## Setup',
        '',
        'Run *it* with `gunicorn` **now**, see [Nginx](/topics/nginx/).',
        '',
        '1. one',
        '2. two',
        '',
        '- three',
        '',
        '```ini title="a.ini"',
        'a = 1',
        '```'
      )
    );
    expect(r.blocks).toEqual([
      { kind: 'heading', depth: 2, runs: [{ text: 'Setup' }] },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Run ' },
          { text: 'it', emphasis: true },
          { text: ' with ' },
          { text: 'gunicorn', code: true },
          { text: ' ' },
          { text: 'now', strong: true },
          { text: ', see ' },
          { text: 'Nginx', href: '/topics/nginx/' },
          { text: '.' }
        ]
      },
      { kind: 'list', ordered: true, items: [[{ text: 'one' }], [{ text: 'two' }]] },
      { kind: 'list', ordered: false, items: [[{ text: 'three' }]] },
      { kind: 'code', text: 'a = 1', lang: 'ini', title: 'a.ini' }
    ]);
  });

  it('finds every link and image with its line: inline, autolink, reference definition', () => {
    const r = parseProse(
      md(
        'See [Nginx](/topics/nginx/).',
        '',
        'Or <https://x.test/> and [the docs][d].',
        '',
        '[d]: https://docs.test/',
        '',
        '![A map](/map.png)'
      )
    );
    expect(r.links).toEqual([
      { href: '/topics/nginx/', line: 1 },
      { href: 'https://x.test/', line: 3 },
      { href: 'https://docs.test/', line: 5 },
      { href: '/map.png', line: 7, image: true }
    ]);
    // A reference link reads as a link to its definition's address.
    expect(r.blocks[1]).toMatchObject({
      runs: expect.arrayContaining([{ text: 'the docs', href: 'https://docs.test/' }])
    });
  });

  it('reads each fence’s info string, with its line', () => {
    const r = parseProse(
      md(
        'Text.',
        '',
        '```nginx test="serve" title="site.conf"',
        'server {}',
        '```',
        '',
        '```',
        'plain',
        '```'
      )
    );
    expect(r.fences).toEqual([
      { line: 3, lang: 'nginx', test: 'serve', title: 'site.conf' },
      { line: 7 }
    ]);
  });

  it('reports raw HTML and braces with their lines instead of keeping them', () => {
    const r = parseProse(md('Fine.', '', '<b>bold</b>', '', 'Use {x}.'));
    expect(r.problems).toEqual([
      { line: 3, message: expect.stringContaining('raw HTML is not allowed in prose: <b>') },
      { line: 3, message: expect.stringContaining('raw HTML is not allowed in prose: </b>') },
      { line: 5, message: expect.stringContaining('curly braces are not allowed in prose') }
    ]);
    expect(parseProse('Fine words only.').problems).toEqual([]);
  });

  it('counts the words of prose, not of code', () => {
    const prose = md('One two three.', '', '- four five');
    expect(parseProse(prose).wordCount).toBe(5);
    expect(parseProse(md(prose, '', '```sh', 'echo six seven eight', '```')).wordCount).toBe(5);
    expect(parseProse('').wordCount).toBe(0);
  });

  it('gives plain text, one block per paragraph', () => {
    expect(parseProse(md('## Title', '', 'Some *styled* text.')).text).toBe(
      'Title\n\nSome styled text.'
    );
  });
});

describe('parseProse, in the corners', () => {
  it('a reference image links to its definition; an undefined one adds nothing', () => {
    const r = parseProse(md('![Map][m] and ![Gone][none]', '', '[m]: /map.png'));
    expect(r.links).toEqual([
      { href: '/map.png', line: 1, image: true },
      { href: '/map.png', line: 3 }
    ]);
    // An image is not text; a reference to no definition is not an image but its text.
    expect(r.blocks[0]).toEqual({ kind: 'paragraph', runs: [{ text: ' and ![Gone][none]' }] });
  });

  it('the first definition of a label wins, as CommonMark says', () => {
    const r = parseProse(md('[docs][d]', '', '[d]: https://one.test/', '[d]: https://two.test/'));
    expect(r.blocks[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'docs', href: 'https://one.test/' }]
    });
  });

  it('a reference to nothing is plain text, not a link', () => {
    // With no definition the parser leaves the brackets as text; a defined label that
    // is used only once stays a link.
    const r = parseProse(md('[docs][d] and [more][m]', '', '[m]: https://m.test/'));
    expect(r.blocks[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: '[docs][d] and ' }, { text: 'more', href: 'https://m.test/' }]
    });
  });

  it('a hard line break reads as a space', () => {
    expect(parseProse('one  \ntwo').blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: 'one' }, { text: ' ' }, { text: 'two' }] }
    ]);
  });

  it('a list item of two paragraphs, or with a list inside, joins them with spaces', () => {
    const r = parseProse(
      md('- first', '', '  second', '', '- outer', '  - inner a', '  - inner b')
    );
    expect(r.blocks).toEqual([
      {
        kind: 'list',
        ordered: false,
        items: [
          [{ text: 'first' }, { text: ' ' }, { text: 'second' }],
          [
            { text: 'outer' },
            { text: ' ' },
            { text: ' ' },
            { text: 'inner a' },
            { text: ' ' },
            { text: 'inner b' }
          ]
        ]
      }
    ]);
    expect(r.text).toBe('first second\nouter  inner a inner b');
  });

  it('finds fences inside lists and quotes and with tildes; indented code is no fence', () => {
    const r = parseProse(
      md(
        '- item',
        '',
        '  ```sh',
        '  ls',
        '  ```',
        '',
        '> ~~~py',
        '> x = 1',
        '> ~~~',
        '',
        '    indented'
      )
    );
    expect(r.fences).toEqual([
      { line: 3, lang: 'sh' },
      { line: 7, lang: 'py' }
    ]);
    // The indented block is still code on the page.
    expect(r.blocks.at(-1)).toEqual({ kind: 'code', text: 'indented' });
  });

  it('a fence of two backticks is inline code, not a fence', () => {
    const r = parseProse('``ls -l``');
    expect(r.fences).toEqual([]);
    expect(r.blocks).toEqual([{ kind: 'paragraph', runs: [{ text: 'ls -l', code: true }] }]);
  });

  it('refuses braces in link titles, image alt text and image titles, by name', () => {
    const messages = parseProse(
      md(
        '[a](/x "t{1}")',
        '',
        '![b{2}](/i.png)',
        '',
        '![c](/i.png "t{3}")',
        '',
        '![d{4}][m]',
        '',
        '[m]: /m.png'
      )
    ).problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual([
      '1: curly braces are not allowed in a link title (write them in `code` in the text)',
      '3: curly braces are not allowed in image alt text (write them in `code` in the text)',
      '5: curly braces are not allowed in an image title (write them in `code` in the text)',
      '7: curly braces are not allowed in image alt text (write them in `code` in the text)'
    ]);
  });

  it('names raw HTML by its first 40 characters', () => {
    const tag = `<div class="${'x'.repeat(60)}">`;
    expect(parseProse(tag).problems).toEqual([
      { line: 1, message: `raw HTML is not allowed in prose: ${tag.slice(0, 40)}` }
    ]);
  });

  it('raw HTML is left out of the blocks and the text', () => {
    const r = parseProse(md('Keep <b>this</b> text.', '', '<div>', 'gone', '</div>'));
    expect(r.blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Keep ' }, { text: 'this' }, { text: ' text.' }] }
    ]);
    expect(r.text).toBe('Keep this text.');
  });

  it('a heading without a depth is not guessed: ATX and setext headings keep theirs', () => {
    expect(parseProse(md('Title', '=====', '', '### Small')).blocks).toEqual([
      { kind: 'heading', depth: 1, runs: [{ text: 'Title' }] },
      { kind: 'heading', depth: 3, runs: [{ text: 'Small' }] }
    ]);
  });

  it('other blocks degrade to their text: a quote, a thematic break, a table', () => {
    const r = parseProse(
      md('> quoted *words*', '', '---', '', '| a | b |', '| - | - |', '| 1 | 2 |')
    );
    expect(r.blocks[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'quoted ' }, { text: 'words', emphasis: true }]
    });
    expect(r.text).toContain('quoted words');
  });

  it('counts words with letters or digits only: punctuation alone is no word', () => {
    expect(parseProse('Use — it, 2 times ; ok').wordCount).toBe(5);
  });
});
