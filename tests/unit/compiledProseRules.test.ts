// @vitest-environment node
// The allow-list of compileProse, rule by rule, in this process (hostileProse.test.ts runs
// the real build in a child process): the exact problem a content author is shown for
// each refused attribute value, element and piece of Svelte code, the line it is put on,
// and what ordinary prose compiles to (task lists, tables, numbered lists, base paths).
// Everything is computed inside each `it`, from small inline files.
import { preprocess } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { compiledProblems, compileProse, safeMdsvex } from '../../src/lib/content/compileProse.js';

const HEAD = '---\ntitle: A\n---\n\n'; // prose starts on line 5
const messages = (code: string) => compiledProblems(code).map((f) => f.message);

describe('attribute values the component check accepts and refuses, with the message shown', () => {
  it.each([
    '<a href="/x" rel="nofollow">x</a>',
    '<a href="https://e.example/" title="T">x</a>',
    '<a href="mailto:a@b.example">x</a>',
    '<a href="#top">x</a>',
    '<img src="/x.png" alt="A" title="T">',
    '<code class="language-python">x</code>',
    '<code class="language-c++">x</code>',
    '<code class="language-c#">x</code>',
    '<code class="language-objective-c">x</code>',
    '<ul class="contains-task-list"><li class="task-list-item">x</li></ul>',
    '<div class="code-block"><p class="code-title"><span class="code-note">x</span></p></div>',
    '<span style="--l:#fff;--d:#000">x</span>',
    '<span style="--l:#0a1b2c;--d:#ffffffff">x</span>',
    '<pre tabindex="0">x</pre>',
    '<input type="checkbox" disabled checked>',
    '<ol start="1"></ol>',
    '<ol start="123456789"></ol>',
    '<table><tr><th align="left">a</th><th align="right">b</th><td align="center">c</td></tr></table>'
  ])('accepts %s', (code) => {
    expect(compiledProblems(code)).toEqual([]);
  });

  it.each([
    ['<a href="/x" rel="noopener">x</a>', 'rel="noopener" is not allowed', 'rel="noopener"'],
    ['<code class="language-">x</code>', 'class="language-" is not allowed', 'class="language-"'],
    [
      '<code class="xlanguage-js">x</code>',
      'class="xlanguage-js" is not allowed',
      'class="xlanguage-js"'
    ],
    [
      '<div class="code-block x">x</div>',
      'class="code-block x" is not allowed',
      'class="code-block x"'
    ],
    ['<p class="code-titles">x</p>', 'class="code-titles" is not allowed', 'class="code-titles"'],
    [
      '<span style="--l:#ff;--d:#000">x</span>',
      'style="--l:#ff;--d:#000" is not allowed',
      'style="--l:#ff;--d:#000"'
    ],
    [
      '<span style="--l:#fff;--d:#fffffffff">x</span>',
      'style="--l:#fff;--d:#fffffffff" is not allowed',
      'style="--l:#fff;--d:#fffffffff"'
    ],
    [
      '<span style="x--l:#fff;--d:#000">x</span>',
      'style="x--l:#fff;--d:#000" is not allowed',
      'style="x--l:#fff;--d:#000"'
    ],
    [
      '<span style="--l:#FFF;--d:#000">x</span>',
      'style="--l:#FFF;--d:#000" is not allowed',
      'style="--l:#FFF;--d:#000"'
    ],
    [
      '<span style="--l:red;--d:#000">x</span>',
      'style="--l:red;--d:#000" is not allowed',
      'style="--l:red;--d:#000"'
    ],
    ['<pre tabindex="1">x</pre>', 'tabindex="1" is not allowed', 'tabindex="1"'],
    ['<pre tabindex="00">x</pre>', 'tabindex="00" is not allowed', 'tabindex="00"'],
    ['<input type="text">', 'type="text" is not allowed', 'type="text"'],
    ['<ol start="1234567890"></ol>', 'start="1234567890" is not a number', 'start="1234567890"'],
    ['<ol start="x1"></ol>', 'start="x1" is not a number', 'start="x1"'],
    ['<ol start="1x"></ol>', 'start="1x" is not a number', 'start="1x"'],
    ['<ol start=""></ol>', 'start="" is not a number', 'start=""'],
    ['<th align="justify">x</th>', 'align="justify" is not allowed', 'align="justify"'],
    ['<th align="xleft">x</th>', 'align="xleft" is not allowed', 'align="xleft"'],
    ['<td align="centered">x</td>', 'align="centered" is not allowed', 'align="centered"']
  ])('refuses %s', (code, message, snippet) => {
    expect(compiledProblems(code)).toEqual([{ message, snippet }]);
  });

  it('shows at most 40 characters of a refused value', () => {
    const long = 'n'.repeat(50);
    for (const [name, el, tail] of [
      ['rel', 'a href="/x"', 'is not allowed'],
      ['class', 'p', 'is not allowed'],
      ['style', 'span', 'is not allowed'],
      ['tabindex', 'pre', 'is not allowed'],
      ['type', 'input', 'is not allowed'],
      ['start', 'ol', 'is not a number'],
      ['align', 'th', 'is not allowed']
    ])
      expect(
        messages(`<${el} ${name}="${long}">${name === 'type' ? '' : `</${el.split(' ')[0]}>`}`)
      ).toEqual([`${name}="${'n'.repeat(40)}" ${tail}`]);
  });

  it('names a refused attribute by its name alone, whatever its value', () => {
    expect(messages('<img src="/x.png" onerror="alert(1)">')).toEqual([
      'attribute "onerror" on <img> is not allowed in prose'
    ]);
    expect(messages('<p data-x="1 2">x</p>')).toEqual([
      'attribute "data-x" on <p> is not allowed in prose'
    ]);
    expect(messages('<input type="checkbox" hidden>')).toEqual([
      'attribute "hidden" on <input> is not allowed in prose'
    ]);
    expect(messages('<p {...props}>x</p>')).toEqual([
      'attribute "{...props}" on <p> is not allowed in prose'
    ]);
  });

  it('refuses a directive even when it is named like an allowed attribute', () => {
    expect(compiledProblems('<p class:class={x}>x</p>')).toEqual([
      {
        message: 'attribute "class:class" on <p> is not allowed in prose',
        snippet: 'class:class={x}'
      }
    ]);
    expect(messages('<a href="/x" on:click={f}>x</a>')).toEqual([
      'attribute "on:click" on <a> is not allowed in prose'
    ]);
    expect(messages('<a bind:href={x}>x</a>')).toEqual([
      'attribute "bind:href" on <a> is not allowed in prose'
    ]);
  });

  it('refuses Svelte code in an allowed attribute once, naming the code and the attribute', () => {
    expect(compiledProblems('<a href={x}>x</a>')).toEqual([
      { message: 'Svelte code "{x}" in the href of <a> is not allowed in prose', snippet: '{x}' }
    ]);
    expect(compiledProblems('<img src="/a{b}c" alt="x">')).toEqual([
      { message: 'Svelte code "{b}" in the src of <img> is not allowed in prose', snippet: '{b}' }
    ]);
  });

  it('checks link and image addresses with the URL rules', () => {
    expect(messages('<a href="javascript:x">x</a><img src="https://e.example/x.png">')).toEqual([
      'link "javascript:x" is not allowed: use http(s), mailto, a site path (/…) or #anchor',
      'image "https://e.example/x.png" is not allowed: images must be site paths (/…), not other hosts or data: URLs'
    ]);
  });
});

describe('elements and Svelte code the component check refuses, with the message shown', () => {
  it.each([
    ['<script>x</script>', 'a <script> is not allowed in prose', '<script'],
    ['<script module>x</script>', 'a <script> is not allowed in prose', '<script'],
    ['<style>p{}</style>', 'a <style> is not allowed in prose', '<style'],
    ['<svelte:options runes />', '<svelte:options> is not allowed in prose', '<svelte:options'],
    ['<!-- c -->', 'an HTML comment is not allowed in prose', '<!--'],
    ['<iframe src="/x"></iframe>', '<iframe> is not allowed in prose', '<iframe'],
    ['<slot />', '<slot> is not allowed in prose', '<slot'],
    ['<Foo />', '<Foo> is not allowed in prose', '<Foo'],
    ['<Foo.Bar />', '<Foo.Bar> is not allowed in prose', '<Foo.Bar'],
    ['<svelte:head></svelte:head>', '<svelte:head> is not allowed in prose', '<svelte:head'],
    ['<svelte:element this="p" />', '<svelte:element> is not allowed in prose', '<svelte:element'],
    [
      '<svelte:fragment></svelte:fragment>',
      '<svelte:fragment> is not allowed in prose',
      '<svelte:fragment'
    ],
    ['{x}', 'Svelte code "{x}" is not allowed in prose (write braces in `code`)', '{x}'],
    [
      '{@html x}',
      'Svelte code "{@html x}" is not allowed in prose (write braces in `code`)',
      '{@html x}'
    ],
    [
      '{#if a}b{/if}',
      'Svelte code "{#if a}b{/if}" is not allowed in prose (write braces in `code`)',
      '{#if a}b{/if}'
    ]
  ])('refuses %s', (code, message, snippet) => {
    expect(compiledProblems(code)).toEqual([{ message, snippet }]);
  });

  it('refuses both scripts of a component', () => {
    expect(messages('<script module>a</script><script>b</script><p>x</p>')).toEqual([
      'a <script> is not allowed in prose',
      'a <script> is not allowed in prose'
    ]);
  });

  it('looks inside allowed elements, however deep', () => {
    expect(messages('<ul><li><p><em>{x}</em> <iframe></iframe></p></li></ul>')).toEqual([
      'Svelte code "{x}" is not allowed in prose (write braces in `code`)',
      '<iframe> is not allowed in prose'
    ]);
  });

  it('shows the first 60 characters of long Svelte code', () => {
    const code = `{${'a'.repeat(80)}}`;
    expect(compiledProblems(`<p>${code}</p>`)).toEqual([
      {
        message: `Svelte code "${code.slice(0, 60)}" is not allowed in prose (write braces in \`code\`)`,
        snippet: code.slice(0, 60)
      }
    ]);
  });

  it('reports a component Svelte cannot parse by the first line of the parser’s message', () => {
    expect(compiledProblems('<p>unclosed')).toEqual([
      { message: 'prose does not compile: `<p>` was left open', snippet: '' }
    ]);
  });
});

describe('what prose compiles to, and where a problem is reported', () => {
  it('compiles a task list, a table and a numbered list to allowed markup', async () => {
    const { code, problems } = await compileProse(
      `${HEAD}- [ ] step\n- [x] done\n\n| a | b | c |\n| :- | -: | :-: |\n| 1 | 2 | 3 |\n\n3. three\n4. four\n`
    );
    expect(problems).toEqual([]);
    expect(code).toContain('<input type="checkbox" disabled> step');
    expect(code).toContain('<input type="checkbox" checked disabled> done');
    expect(code).toContain('<th align="left">a</th>');
    expect(code).toContain('<td align="center">3</td>');
    expect(code).toContain('<ol start="3">');
  });

  it('prefixes site paths with the base, and leaves other addresses alone', async () => {
    const { code, problems } = await compileProse(
      `${HEAD}[a](/topics/x/ "T") ![i](/img.png) [c](#top) [d](https://e.example/) [m](mailto:a@b.example)\n`,
      { base: '/sub/' }
    );
    expect(problems).toEqual([]);
    expect(code).toContain('<a href="/sub/topics/x/" title="T">a</a>');
    expect(code).toContain('<img src="/sub/img.png" alt="i">');
    expect(code).toContain('<a href="#top">c</a>');
    expect(code).toContain('<a href="https://e.example/" rel="nofollow">d</a>');
    expect(code).toContain('<a href="mailto:a@b.example">m</a>');
  });

  it('never turns an address that leaves the site into a site path by prefixing the base', async () => {
    const link = await compileProse(`${HEAD}[x](//evil.example/)\n`, { base: '/sub/' });
    expect(link.problems).toEqual([
      {
        line: 5,
        message: 'link "//evil.example/" leaves the site without a scheme: write https://…'
      }
    ]);
    const image = await compileProse(`${HEAD}![i](//evil.example/x.png)\n`, { base: '/sub/' });
    expect(image.problems).toEqual([
      {
        line: 5,
        message:
          'image "//evil.example/x.png" is not allowed: images must be site paths (/…), not other hosts or data: URLs'
      }
    ]);
  });

  it('a compiler made for a new base highlights fences, keeps indented code as code and prefixes paths', async () => {
    // Compilers are made once per base: a base no other test used makes a new one here.
    const base = `/fresh-${Math.random().toString(36).slice(2)}/`;
    const { code, problems } = await compileProse(
      `${HEAD}[a](/x/)\n\n    <b>{y}</b>\n\n\`\`\`ini\nk = v\n\`\`\`\n`,
      { base }
    );
    expect(problems).toEqual([]);
    expect(code).toContain(`<a href="${base}x/">a</a>`);
    expect(code).toContain('<code>&#60;b&#62;&#123;y&#125;&#60;/b&#62;</code>');
    expect(code).toContain('<code class="language-ini"><span style="--l:#');
  });

  it('keeps horizontal rules in prose with no frontmatter, and after a frontmatter', async () => {
    const body = 'Line.\n\n---\n\nMid.\n\n---\n\nEnd.\n';
    for (const text of [body, HEAD + body]) {
      const { code, problems } = await compileProse(text);
      expect(problems).toEqual([]);
      expect(code.match(/<hr>/g)).toHaveLength(2);
      expect(code).toContain('<p>Mid.</p>');
      expect(code).toContain('<p>End.</p>');
      expect(code).not.toContain('title');
    }
  });

  it('a file of frontmatter alone compiles to nothing and is accepted', async () => {
    expect((await compileProse('---\ntitle: A\n---')).problems).toEqual([]);
    expect((await compileProse('---\ntitle: A\n---\n')).problems).toEqual([]);
  });

  it('reads a byte order mark, Windows and old Mac line endings as the plain file', async () => {
    const lines = ['---', 'title: A', '---', '', 'Text.', '', '<script>x</script>', ''];
    const plain = await compileProse(lines.join('\n'));
    expect(plain.problems).toEqual([{ line: 7, message: 'a <script> is not allowed in prose' }]);
    for (const text of [`\uFEFF${lines.join('\n')}`, lines.join('\r\n'), lines.join('\r')])
      expect(await compileProse(text)).toEqual(plain);
  });

  it('finds the line of a refused link or image address written in markdown', async () => {
    const { problems } = await compileProse(
      `${HEAD}One.\n\nTwo [x](javascript:alert(1)).\n\n![i](data:image/png;base64,AA)\n`
    );
    expect(problems).toEqual([
      {
        line: 7,
        message:
          'link "javascript:alert(1)" is not allowed: use http(s), mailto, a site path (/…) or #anchor'
      },
      {
        line: 9,
        message:
          'image "data:image/png;base64,AA" is not allowed: images must be site paths (/…), not other hosts or data: URLs'
      }
    ]);
  });

  it('finds the line of a refused element written in capitals', async () => {
    const { problems } = await compileProse(`${HEAD}Text.\n\n<IFRAME src="/x"></IFRAME>\n`);
    expect(problems).toEqual([{ line: 7, message: '<IFRAME> is not allowed in prose' }]);
  });

  it('puts a problem with no source to point at on the first line of prose', async () => {
    const { problems } = await compileProse('---\ntitle: A\n---\n\n\n\nPara.\n\nA { here\n');
    expect(problems).toEqual([
      { line: 7, message: expect.stringMatching(/^prose does not compile: [^\n]+$/) }
    ]);
  });

  it('a refused fence gets its own line, after a fence that is fine, and no code', async () => {
    const result = await compileProse(
      `${HEAD}\`\`\`ini\nk = v\n\`\`\`\n\nText.\n\n\`\`\`cobol\nx\n\`\`\`\n`
    );
    expect(result).toEqual({
      code: '',
      problems: [
        { line: 11, message: expect.stringMatching(/^code fence: unknown language cobol \(/) }
      ]
    });
  });
});

describe('safeMdsvex, the preprocessor svelte.config.js runs', () => {
  it('throws every problem with file and line, in the order of the file', async () => {
    const text = `${HEAD}Text.\n\n<script>x</script>\n\n<iframe src="/x"></iframe>\n`;
    await expect(preprocess(text, [safeMdsvex()], { filename: 'topics/a.md' })).rejects.toThrow(
      'Prose refused:\n  topics/a.md:7: body: a <script> is not allowed in prose\n  topics/a.md:9: body: <iframe> is not allowed in prose'
    );
  });

  it('hands Svelte the compiled prose, with the base it was given', async () => {
    const text = `${HEAD}[a](/topics/x/)\n`;
    const plain = await preprocess(text, [safeMdsvex()], { filename: 'a.md' });
    expect(plain.code).toContain('<a href="/topics/x/">a</a>');
    const based = await preprocess(text, [safeMdsvex({ base: '/sub/' })], { filename: 'a.md' });
    expect(based.code).toContain('<a href="/sub/topics/x/">a</a>');
  });

  it('leaves a file that is not prose to Svelte', async () => {
    const component = '<script>let x = 1;</script>\n<p>{x}</p>\n';
    const out = await preprocess(component, [safeMdsvex()], { filename: 'App.svelte' });
    expect(out.code).toBe(component);
    expect(await safeMdsvex().markup({ content: component })).toBeUndefined();
  });
});
