// @vitest-environment node
// Fenced code in prose, piece by piece: the info string (parseFenceMeta: what a content
// author may write after the language, and the exact error for anything else) and the
// build-time highlighting (highlightCode: the markup published, which the compiled-prose
// check must accept, holding exactly the block's text).
import { describe, expect, it } from 'vitest';
import { parseFenceMeta } from '../../src/lib/content/fenceMeta.js';
import { escapeMarkup, highlightCode } from '../../src/lib/content/highlightCode.js';
import { compiledProblems } from '../../src/lib/content/compileProse.js';

describe('the info string of a fence', () => {
  it.each<[string | null | undefined, Record<string, string>]>([
    [null, {}],
    [undefined, {}],
    ['', {}],
    ['title="app.conf"', { title: 'app.conf' }],
    ['title="Two words, one title"', { title: 'Two words, one title' }],
    ['title=""', { title: '' }],
    ['{1,3} title="x"', { title: 'x' }],
    ['title="x" test="demo-2"', { title: 'x', test: 'demo-2' }],
    ['untested="needs a database"', { untested: 'needs a database' }],
    ['my-title="x"', {}],
    [`test="${'a'.repeat(60)}"`, { test: 'a'.repeat(60) }]
  ])('reads %j', (meta, info) => {
    expect(parseFenceMeta(meta)).toEqual(info);
  });

  it.each([
    ['tset="demo"', 'code fence: unknown key tset (title, test, untested)'],
    ['title="a" caption="b"', 'code fence: unknown key caption (title, test, untested)'],
    ['title="a" title="b"', 'code fence: title given twice'],
    ['test="Demo"', 'code fence: test="Demo" must be a scenario name (a-z, 0-9, -)'],
    ['test=""', 'code fence: test="" must be a scenario name (a-z, 0-9, -)'],
    ['test="a b"', 'code fence: test="a b" must be a scenario name (a-z, 0-9, -)'],
    [
      `test="${'a'.repeat(61)}"`,
      `code fence: test="${'a'.repeat(61)}" must be a scenario name (a-z, 0-9, -)`
    ],
    ['test="a" untested="b"', 'code fence: a block is either test= or untested=, not both']
  ])('refuses %s', (meta, message) => {
    expect(() => parseFenceMeta(meta)).toThrow(new Error(message));
  });
});

describe('highlighted code', () => {
  const text = (markup: string) =>
    markup.replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
  const body = (markup: string) => markup.replace(/^.*<pre tabindex="0">|<\/pre><\/div>$/gs, '');

  it('escapes markup, quotes, ampersands and braces as character references', () => {
    expect(escapeMarkup('<a href="x">{y} & z</a>')).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#123;y&#125; &#38; z&#60;/a&#62;'
    );
  });

  it('colours a known language with spans the compiled check accepts, holding the exact text', async () => {
    const code = 'a = "{b}" <c>\nd = 1';
    const out = await highlightCode(code, 'INI', null);
    expect(out).toMatch(/^<div class="code-block"><pre tabindex="0"><code class="language-ini">/);
    expect(out.match(/<span style="--l:#[0-9a-f]{3,8};--d:#[0-9a-f]{3,8}">/g)?.length).toBe(
      out.match(/<span/g)?.length
    );
    expect(out.match(/<span/g)?.length).toBeGreaterThan(3);
    expect(text(body(out))).toBe(code);
    expect(out).not.toMatch(/[{}]/);
    expect(compiledProblems(out)).toEqual([]);
  });

  it('shows plain languages and unlabelled blocks as escaped text, with no colours', async () => {
    expect(await highlightCode('<b>{x}</b>', 'text', null)).toBe(
      '<div class="code-block"><pre tabindex="0"><code class="language-text">&#60;b&#62;&#123;x&#125;&#60;/b&#62;</code></pre></div>'
    );
    expect(await highlightCode('a & b', null, null)).toBe(
      '<div class="code-block"><pre tabindex="0"><code>a &#38; b</code></pre></div>'
    );
  });

  it('puts the title and the tested note in a title line, escaped', async () => {
    expect(await highlightCode('x', 'text', 'title="x<y>" untested="needs {a} db"')).toBe(
      '<div class="code-block"><p class="code-title"><span>x&#60;y&#62;</span><span class="code-note">Not tested: needs &#123;a&#125; db</span></p><pre tabindex="0"><code class="language-text">x</code></pre></div>'
    );
    expect(await highlightCode('x', 'text', 'test="demo"')).toBe(
      '<div class="code-block"><p class="code-title"><span class="code-note">Tested in CI</span></p><pre tabindex="0"><code class="language-text">x</code></pre></div>'
    );
    expect(await highlightCode('x', 'text', 'title=""')).toBe(
      '<div class="code-block"><p class="code-title"><span></span></p><pre tabindex="0"><code class="language-text">x</code></pre></div>'
    );
  });

  it.each(['cobol', 'constructor', 'c$', 'pyth on', 'a'.repeat(31), 'b'.repeat(50)])(
    'refuses the unknown language %j, listing the known ones',
    async (lang) => {
      await expect(highlightCode('x', lang, null)).rejects.toThrow(
        `code fence: unknown language ${lang.slice(0, 40)} (nginx, apache, ini,`
      );
    }
  );

  it('refuses a bad info string before highlighting', async () => {
    await expect(highlightCode('x', 'ini', 'tset="a"')).rejects.toThrow(
      'code fence: unknown key tset (title, test, untested)'
    );
  });
});
