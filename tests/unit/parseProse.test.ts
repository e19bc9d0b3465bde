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
